/**
 * A raster of events (spikes, binary states, threshold crossings) of up to 10,000+ units over
 * time, drawn incrementally from the probe window (StripChart): a device pixel is inked when any
 * of its units has an event in any of its steps.
 */
import * as d3 from 'd3';
import { cssVar, type ChartOptions, type Readout } from './ChartBase.ts';
import { toCsv } from './exporting.ts';
import { StripChart, rgbaWord, type StripData } from './StripChart.ts';

export interface RasterData extends StripData {
  dt: number;
  /** Whether value v (previous step's: prev, NaN before the window) is an event. */
  isEvent(v: number, prev: number): boolean;
  /** Events in the window (for the legend). */
  eventCount: number;
  /** What an event is, for the legend ("spike", "x > 0.5", …). */
  label: string;
}

export class RasterChart extends StripChart<RasterData> {
  private ink = 0;

  constructor(el: HTMLElement, opts: Omit<ChartOptions, 'zoomX' | 'canvas'>) {
    super(el, opts);
  }

  protected draw(): void {
    if (!this.hasData()) return;
    const d = this.data!;
    const color = d3.rgb(cssVar('--chart-ink', '#1b1f27'));
    const ink = rgbaWord(color.r, color.g, color.b);
    if (ink !== this.ink) this.invalidate();
    this.ink = ink;
    this.drawStrip();
    this.drawLegend([{ name: `${d.label} (${d.eventCount.toLocaleString('en')} events)`, color: cssVar('--chart-ink', '#1b1f27'), mark: 'band' }]);
  }

  protected paintColumn(from: number, to: number, rows: number, column: Uint32Array): void {
    const scale = rows / this.data!.units;
    forEachEvent(this.data!, from, to, (_, u) => (column[Math.floor(u * scale)] = this.ink));
  }

  protected readout(px: number, py: number): Readout | null {
    const d = this.data!;
    const { x, y } = this.scales();
    const step = Math.round(x.invert(px));
    const unit = Math.floor(y.invert(py));
    const w = d.window;
    if (step < w.firstStep || step > w.lastStep || unit < 0 || unit >= d.units) return null;
    const hit = d.isEvent(w.at(step, unit), w.at(step - 1, unit));
    return { lines: [`t = ${d3.format('.4~g')(step * d.dt)} (step ${step})`, `unit ${unit}: ${hit ? d.label : 'no event'}`], ruleX: x(step) };
  }

  /** One row per event in the window: step, unit. */
  csv(): string {
    const rows: number[][] = [];
    const d = this.data;
    if (d && this.hasData()) forEachEvent(d, d.window.firstStep, d.window.lastStep, (step, u) => rows.push([step, u]));
    return toCsv(['step', 'unit'], rows);
  }
}

/** Calls fn(step, unit) for every event of the shown units in steps from…to. */
function forEachEvent(d: RasterData, from: number, to: number, fn: (step: number, unit: number) => void): void {
  const w = d.window;
  for (let step = from; step <= to; step++) {
    const row = w.row(step);
    const prev = step > w.firstStep ? w.row(step - 1) : null;
    for (let u = 0; u < d.units; u++) if (d.isEvent(row[u], prev ? prev[u] : NaN)) fn(step, u);
  }
}
