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
  private pixels: ImageData | null = null;

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
    this.paint(x, y);
    this.drawLegend([{ name: `${d.label} (${d.events.count.toLocaleString('en')} events)`, color: cssVar('--chart-ink', '#1b1f27'), mark: 'band' }]);
  }

  /** Writes every visible event into an image of the plot's device pixels, then shows it. */
  private paint(x: d3.ScaleLinear<number, number>, y: d3.ScaleLinear<number, number>): void {
    const d = this.data!;
    const ratio = window.devicePixelRatio || 1;
    const pw = Math.max(1, Math.round(this.w * ratio));
    const ph = Math.max(1, Math.round(this.h * ratio));
    const ctx = this.canvasContext();
    if (this.pixels?.width !== pw || this.pixels.height !== ph) this.pixels = ctx.createImageData(pw, ph);
    const words = new Uint32Array(this.pixels.data.buffer);
    words.fill(0);
    const ink = d3.rgb(cssVar('--chart-ink', '#1b1f27'));
    const rgba = new Uint32Array(new Uint8ClampedArray([ink.r, ink.g, ink.b, 255]).buffer)[0];
    const dx = Math.max(1, Math.floor((x(d.firstStep + 1) - x(d.firstStep)) * ratio) - (x(d.firstStep + 1) - x(d.firstStep) > 3 ? 1 : 0));
    const dy = Math.max(1, Math.floor((this.h * ratio) / Math.max(1, d.units)));
    const { steps, units, count } = d.events;
    for (let k = 0; k < count; k++) {
      const px0 = Math.floor(x(steps[k] - 0.5) * ratio);
      if (px0 < -dx || px0 >= pw) continue;
      const py0 = Math.floor(y(units[k]) * ratio);
      for (let py = py0; py < py0 + dy && py < ph; py++) {
        const row = py * pw;
        for (let px = Math.max(0, px0); px < px0 + dx && px < pw; px++) words[row + px] = rgba;
      }
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.putImageData(this.pixels, 0, 0);
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
