/**
 * A raster of spike times (ms) per cell — a simulator's results or the engine's run of the same
 * network — drawn on the canvas layer in one colour per population: each spike is a tick at
 * (time, cell). Used by the simulation-results view (results imported from a PyNN script).
 */
import * as d3 from 'd3';
import { ChartBase, type ChartOptions, type Readout } from './ChartBase.ts';
import { toCsv } from './exporting.ts';

export interface SpikeTimesData {
  /** Spike times (ms) per cell. */
  spikes: readonly (readonly number[])[];
  durationMs: number;
  /** Ink of the ticks (the population's colour). */
  color: string;
  /** Legend text, e.g. "neuron: 12.0 Hz". */
  label: string;
}

export class SpikeTimesChart extends ChartBase<SpikeTimesData> {
  constructor(el: HTMLElement, opts: Omit<ChartOptions, 'canvas' | 'zoomX'>) {
    super(el, { ...opts, canvas: true, zoomX: true });
  }

  protected hasData(): boolean {
    return !!this.data && this.data.spikes.length > 0;
  }

  private scales() {
    const d = this.data!;
    const x = this.zoomed(d3.scaleLinear().domain([0, d.durationMs]).range([0, this.w]));
    const y = d3.scaleLinear().domain([0, d.spikes.length]).range([0, this.h]);
    return { x, y };
  }

  protected draw(): void {
    if (!this.hasData()) return;
    const d = this.data!;
    const { x, y } = this.scales();
    this.drawAxes(x, y, { y: (v) => (Number.isInteger(+v) ? String(v) : '') });
    const ctx = this.canvasContext();
    ctx.clearRect(0, 0, this.w, this.h);
    ctx.fillStyle = d.color;
    const rowHeight = Math.max(1, this.h / d.spikes.length);
    const [t0, t1] = x.domain();
    d.spikes.forEach((times, cell) => {
      const top = y(cell);
      for (const t of times) if (t >= t0 && t <= t1) ctx.fillRect(x(t) - 0.5, top, 1.5, rowHeight);
    });
    const total = d.spikes.reduce((s, l) => s + l.length, 0);
    this.drawLegend([{ name: `${d.label} (${total.toLocaleString('en')} spikes)`, color: d.color, mark: 'band' }]);
  }

  protected readout(px: number, py: number): Readout | null {
    const d = this.data!;
    const { x, y } = this.scales();
    const cell = Math.floor(y.invert(py));
    if (cell < 0 || cell >= d.spikes.length) return null;
    const t = x.invert(px);
    return { lines: [`t = ${d3.format('.4~g')(t)} ms`, `cell ${cell}: ${d.spikes[cell].length} spikes`], ruleX: px };
  }

  /** One row per spike: time (ms), cell. */
  csv(): string {
    const rows: number[][] = [];
    this.data?.spikes.forEach((times, cell) => times.forEach((t) => rows.push([t, cell])));
    return toCsv(['time_ms', 'cell'], rows);
  }
}
