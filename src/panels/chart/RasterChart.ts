/**
 * A raster of events (spikes, binary states, threshold crossings) of up to 10,000+ units over
 * time, drawn into a canvas pixel by pixel: one mark per event at (time, unit).
 */
import * as d3 from 'd3';
import { ChartBase, cssVar, type ChartOptions, type Readout } from './ChartBase.ts';
import { toCsv } from './exporting.ts';
import type { Events } from '../transforms/spikes.ts';

export interface RasterData {
  /** Steps shown: firstStep … lastStep. */
  firstStep: number;
  lastStep: number;
  dt: number;
  units: number;
  events: Events;
  /** What an event is, for the legend ("spike", "x > 0.5", …). */
  label: string;
}

export class RasterChart extends ChartBase<RasterData> {
  constructor(el: HTMLElement, opts: Omit<ChartOptions, 'zoomX' | 'canvas'>) {
    super(el, { ...opts, zoomX: true, canvas: true });
  }

  protected hasData(): boolean {
    return !!this.data && this.data.lastStep >= this.data.firstStep;
  }

  private scales() {
    const d = this.data!;
    const x = this.zoomed(d3.scaleLinear().domain([d.firstStep - 0.5, Math.max(d.firstStep + 0.5, d.lastStep + 0.5)]).range([0, this.w]));
    const y = d3.scaleLinear().domain([0, Math.max(1, d.units)]).range([0, this.h]);
    return { x, y };
  }

  protected draw(): void {
    if (!this.hasData()) return;
    const d = this.data!;
    const { x, y } = this.scales();
    this.drawAxes(x, y, { x: (v) => d3.format('~g')(+v * d.dt), y: d3.format('~d') });
    const ctx = this.canvasContext();
    ctx.clearRect(0, 0, this.w, this.h);
    ctx.fillStyle = cssVar('--chart-ink', '#1b1f27');
    const dx = Math.max(1, x(d.firstStep + 1) - x(d.firstStep));
    const dy = Math.max(1, this.h / Math.max(1, d.units));
    const { steps, units, count } = d.events;
    for (let k = 0; k < count; k++) {
      const px = x(steps[k] - 0.5);
      if (px < -dx || px > this.w) continue;
      ctx.fillRect(px, y(units[k]), dx < 3 ? dx : dx - 1, dy);
    }
    this.drawLegend([{ name: `${d.label} (${count.toLocaleString('en')} events)`, color: cssVar('--chart-ink', '#1b1f27'), mark: 'band' }]);
  }

  protected readout(px: number, py: number): Readout | null {
    const d = this.data!;
    const { x, y } = this.scales();
    const step = Math.round(x.invert(px));
    const unit = Math.floor(y.invert(py));
    if (step < d.firstStep || step > d.lastStep || unit < 0 || unit >= d.units) return null;
    let hits = 0;
    for (let k = 0; k < d.events.count; k++) if (d.events.steps[k] === step && d.events.units[k] === unit) hits++;
    return { lines: [`t = ${d3.format('.4~g')(step * d.dt)} (step ${step})`, `unit ${unit}: ${hits > 0 ? d.label : 'no event'}`], ruleX: x(step) };
  }

  /** One row per event drawn: step, unit. */
  csv(): string {
    const e = this.data?.events;
    return toCsv(['step', 'unit'], e ? Array.from({ length: e.count }, (_, k) => [e.steps[k], e.units[k]]) : []);
  }
}
