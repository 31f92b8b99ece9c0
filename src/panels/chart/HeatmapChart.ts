/**
 * Activity heatmap: a population's units (rows) over the steps of its probe window (columns),
 * coloured through a 256-entry table, drawn incrementally (StripChart: each image pixel shows
 * the unit and the last step of its bin). The colour domain only widens while the run goes on
 * (to a rounded bound, so the image is repainted rarely); a reset starts it afresh.
 */
import * as d3 from 'd3';
import type { ChartOptions, Readout } from './ChartBase.ts';
import { toCsv } from './exporting.ts';
import { colorTable, interpolator, type ColorScheme } from './colors.ts';

import { StripChart, type StripData } from './StripChart.ts';

export interface HeatmapData extends StripData {
  scheme: ColorScheme;
  /** Colour domain [lo, hi]. */
  domain: [number, number];
  valueName: string;
}

export class HeatmapChart extends StripChart<HeatmapData> {
  constructor(el: HTMLElement, opts: Omit<ChartOptions, 'canvas' | 'zoomX'>) {
    super(el, { ...opts, margin: { right: 64, ...opts.margin } });
  }

  protected draw(): void {
    if (!this.hasData()) return;
    const d = this.data!;
    this.drawStrip();
    const f = interpolator(d.scheme);
    const [lo, hi] = d.domain;
    this.drawColorLegend((v) => f((v - lo) / (hi - lo)), d.domain, d.valueName);
  }

  protected paintColumn(_from: number, to: number, rows: number, column: Uint32Array): void {
    const d = this.data!;
    const row = d.window.row(to);
    const words = new Uint32Array(colorTable(d.scheme).buffer);
    const [lo, hi] = d.domain;
    const k = 255 / (hi - lo);
    for (let r = 0; r < rows; r++) {
      const v = row[Math.floor((r * d.units) / rows)];
      column[r] = v - v === 0 ? words[Math.max(0, Math.min(255, Math.round((v - lo) * k)))] : 0;
    }
  }

  protected readout(px: number, py: number): Readout | null {
    const d = this.data!;
    const { x, y } = this.scales();
    const step = Math.round(x.invert(px));
    const unit = Math.floor(y.invert(py));
    if (step < d.window.firstStep || step > d.window.lastStep || unit < 0 || unit >= d.units) return null;
    const f = d3.format('.4~g');
    return { lines: [`unit ${unit}, step ${step} (t = ${f(step * d.xScale)})`, `${d.valueName} = ${f(d.window.at(step, unit))}`] };
  }

  /** The matrix shown: a header of steps, then one row per unit. */
  csv(): string {
    if (!this.hasData()) return toCsv([''], []);
    const { window: w, units } = this.data!;
    const steps = d3.range(w.firstStep, w.lastStep + 1);
    return toCsv(['unit\\step', ...steps.map(String)], d3.range(units).map((u) => [u, ...steps.map((s) => w.at(s, u))]));
  }
}
