/**
 * Traces over time: one line per chosen unit and, for a population, its mean ± sd band
 * (SVG). The x axis is time, zoomable; the hover read-out lists each series at the step under
 * the pointer.
 */
import * as d3 from 'd3';
import { ChartBase, type ChartOptions, type Readout } from './ChartBase.ts';
import { toCsv } from './exporting.ts';
import { seriesDots, seriesLines } from './seriesMarks.ts';
import { finiteExtent } from '../transforms/stats.ts';
import { m4Indices, m4Pixels } from './downsample.ts';

export interface TimeSeries {
  name: string;
  values: ArrayLike<number>;
  /** Drawn dashed (a reference the other lines are compared with, e.g. a readout's target). */
  dashed?: boolean;
}

export interface TimeSeriesData {
  /** Step number of the first value (1-based). */
  firstStep: number;
  /** Step number of each value, when they are not consecutive steps (ascending; e.g. a measure refreshed every few steps); each value gets a dot. */
  steps?: ArrayLike<number>;
  /** Duration of a step; the axis shows step × dt. */
  dt: number;
  series: TimeSeries[];
  /** Population mean ± sd over units, per step. */
  band?: { name: string; mean: ArrayLike<number>; sd: ArrayLike<number> };
  /** Series not drawn (the legend says how many). */
  hidden?: number;
}

const palette = d3.schemeTableau10;

export class TimeSeriesChart extends ChartBase<TimeSeriesData> {
  constructor(el: HTMLElement, opts: Omit<ChartOptions, 'zoomX'>) {
    super(el, { ...opts, zoomX: true });
  }

  protected hasData(): boolean {
    const d = this.data;
    return !!d && (d.series.some((s) => s.values.length > 0) || (d.band?.mean.length ?? 0) > 0);
  }

  private length(): number {
    const d = this.data!;
    return Math.max(d.band?.mean.length ?? 0, ...d.series.map((s) => s.values.length));
  }

  /** Step number of value i. */
  private stepAt(i: number): number {
    const d = this.data!;
    return d.steps ? d.steps[i] : d.firstStep + i;
  }

  /** Index of the value nearest to a step (may be out of range). */
  private indexAt(step: number): number {
    const d = this.data!;
    return d.steps ? d3.bisectCenter(d.steps, step) : Math.round(step) - d.firstStep;
  }

  private scales() {
    const d = this.data!;
    const n = this.length();
    const first = this.stepAt(0);
    const last = this.stepAt(n - 1);
    // A single value (one Step, or one sparse estimate) sits mid-axis rather than on its left edge.
    const domain = n === 1 ? [first - 1, first + 1] : [first, Math.max(first + 1, last)];
    const x = this.zoomed(
      d3
        .scaleLinear()
        .domain(domain)
        .range([0, this.w]),
    );
    const lo = d.band ? Array.from(d.band.mean, (m, t) => m - d.band!.sd[t]) : [];
    const hi = d.band ? Array.from(d.band.mean, (m, t) => m + d.band!.sd[t]) : [];
    const [a, b] = finiteExtent(...d.series.map((s) => s.values), lo, hi);
    const pad = (b - a) * 0.04;
    const y = d3.scaleLinear().domain([a - pad, b + pad]).nice().range([this.h, 0]);
    return { x, y };
  }

  protected draw(): void {
    if (!this.hasData()) return;
    const d = this.data!;
    const { x, y } = this.scales();
    this.drawAxes(x, y, { x: (v) => d3.format('~g')(+v * d.dt), grid: true, wholeX: true });
    const color = (i: number) => palette[i % palette.length];
    const band = d.band;
    const area = d3
      .area<number>()
      .defined((t) => Number.isFinite(band!.mean[t]))
      .x((t) => x(this.stepAt(t)))
      .y0((t) => y(band!.mean[t] - band!.sd[t]))
      .y1((t) => y(band!.mean[t] + band!.sd[t]));
    const meanLine = d3
      .line<number>()
      .defined((t) => Number.isFinite(band!.mean[t]))
      .x((t) => x(this.stepAt(t)))
      .y((t) => y(band!.mean[t]));
    const indices = band ? m4Indices(band.mean.length, Math.ceil(this.w), (t) => band.mean[t] - band.sd[t], (t) => band.mean[t] + band.sd[t]) : [];
    this.marks
      .selectAll<SVGPathElement, null>('path.chart__band')
      .data(band ? [null] : [])
      .join('path')
      .attr('class', 'chart__band')
      .attr('d', () => area(indices));
    this.marks
      .selectAll<SVGPathElement, null>('path.chart__mean')
      .data(band ? [null] : [])
      .join('path')
      .attr('class', 'chart__mean')
      .attr('data-series', band?.name ?? null)
      .attr('d', () => meanLine(indices));
    const line = (values: ArrayLike<number>) => {
      const pts: [number, number][] = [];
      for (let t = 0; t < values.length; t++) if (Number.isFinite(values[t])) pts.push([x(this.stepAt(t)), y(values[t])]);
      return d3.line()(m4Pixels(pts)) ?? '';
    };
    seriesLines(this.marks, 'trace-chart__line', d.series, { color, dash: `${6 * this.scale} ${4 * this.scale}`, path: (s) => line(s.values) });
    // Sparse values get a dot each; so does a series of one value, which a line cannot show.
    const dotted = (s: TimeSeries) => !!d.steps || s.values.length === 1;
    const dots = d.series.flatMap((s, i) => (dotted(s) ? Array.from(s.values, (v, t) => ({ i, t, v })).filter((p) => Number.isFinite(p.v)) : []));
    seriesDots(
      this.marks,
      'trace-chart__dot',
      dots.map((p) => ({ i: p.i, x: x(this.stepAt(p.t)), y: y(p.v) })),
      { color, r: 2.5 * this.scale },
    );
    const entries = [
      ...(band ? [{ name: `${band.name} ± sd`, color: 'var(--chart-band)', mark: 'band' as const }] : []),
      ...d.series.map((s, i) => ({ name: s.name, color: color(i), mark: s.dashed ? ('dash' as const) : undefined })),
    ];
    this.drawLegend(entries, d.hidden ?? 0);
  }

  protected readout(px: number): Readout | null {
    const d = this.data!;
    const { x } = this.scales();
    const t = this.indexAt(x.invert(px));
    if (t < 0 || t >= this.length()) return null;
    const f = d3.format('.4~g');
    const step = this.stepAt(t);
    const unit = this.opts.timeUnit;
    const lines = [unit ? `t = ${f(step * d.dt)} ${unit} (step ${step})` : `step ${step}`];
    if (d.band) lines.push(`${d.band.name}: mean ${f(d.band.mean[t])} ± ${f(d.band.sd[t])}`);
    for (const s of d.series) lines.push(`${s.name} = ${f(s.values[t])}`);
    return { lines, ruleX: x(step) };
  }

  /** step, then each drawn series (and mean, sd for a population), one row per step. */
  csv(): string {
    if (!this.hasData()) return toCsv(['step'], []);
    const d = this.data!;
    const header = ['step', ...(d.band ? [`${d.band.name}.mean`, `${d.band.name}.sd`] : []), ...d.series.map((s) => s.name)];
    const rows = Array.from({ length: this.length() }, (_, t) => [this.stepAt(t), ...(d.band ? [d.band.mean[t], d.band.sd[t]] : []), ...d.series.map((s) => s.values[t])]);
    return toCsv(header, rows);
  }
}
