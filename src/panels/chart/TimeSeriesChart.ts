/**
 * Traces over time: one line per chosen unit and, for a population, its mean ± sd band, drawn
 * on the canvas layer (a redraw paints pixels; it lays out no SVG path of the window's length),
 * and as SVG paths in an exported SVG. The x axis is time, zoomable; the hover read-out lists
 * each series at the step under the pointer.
 */
import * as d3 from 'd3';
import { ChartBase, cssVar, type ChartOptions, type Readout } from './ChartBase.ts';
import type { DrawnMarks } from '../../store/panelLayout.ts';
import { toCsv } from './exporting.ts';
import { seriesDots, seriesLines, type SeriesDot } from './seriesMarks.ts';
import { finiteExtent } from '../transforms/stats.ts';
import { m4Indices, polylinePixels } from './downsample.ts';

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
const color = (i: number) => palette[i % palette.length];

/** A run of the band's kept steps with a finite mean: x, the band's edges and its mean, in plot pixels. */
interface BandSegment {
  x: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
  mean: Float64Array;
}

interface Geometry {
  band: { name: string; segments: BandSegment[] } | null;
  lines: { name: string; color: string; dashed: boolean; xy: Float64Array }[];
  dots: SeriesDot[];
}

/** Indices split into runs of consecutive kept ones where `defined` holds (a gap ends a run). */
function bandRuns(indices: number[], defined: (t: number) => boolean): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  for (const t of indices) {
    if (defined(t)) run.push(t);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

const pairs = (xy: Float64Array): [number, number][] => Array.from({ length: xy.length >> 1 }, (_, k) => [xy[2 * k], xy[2 * k + 1]]);

/** Line widths and dashes at chart scale 1 (panels.css gives the exported SVG's the same). */
const LINE_WIDTH = 1.5;
const MEAN_WIDTH = 2;
const MEAN_DASH = [6, 3];
const BAND_OPACITY = 0.18;
const DOT_RADIUS = 2.5;

/** Paints the geometry onto a context in plot pixels (w × h), text scale `k`, band colour `bandColor`. */
function paintGeometry(ctx: CanvasRenderingContext2D, g: Geometry, w: number, h: number, k: number, bandColor: string): void {
  ctx.clearRect(0, 0, w, h);
  ctx.lineJoin = 'round';
  for (const s of g.band?.segments ?? []) {
    ctx.beginPath();
    for (let i = 0; i < s.x.length; i++) ctx.lineTo(s.x[i], s.hi[i]);
    for (let i = s.x.length - 1; i >= 0; i--) ctx.lineTo(s.x[i], s.lo[i]);
    ctx.closePath();
    ctx.globalAlpha = BAND_OPACITY;
    ctx.fillStyle = bandColor;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.beginPath();
    for (let i = 0; i < s.x.length; i++) ctx.lineTo(s.x[i], s.mean[i]);
    ctx.setLineDash(MEAN_DASH);
    ctx.lineWidth = MEAN_WIDTH;
    ctx.strokeStyle = bandColor;
    ctx.stroke();
  }
  for (const l of g.lines) {
    ctx.beginPath();
    for (let i = 0; i < l.xy.length; i += 2) ctx.lineTo(l.xy[i], l.xy[i + 1]);
    ctx.setLineDash(l.dashed ? [6 * k, 4 * k] : []);
    ctx.lineWidth = LINE_WIDTH * k;
    ctx.strokeStyle = l.color;
    ctx.stroke();
  }
  ctx.setLineDash([]);
  for (const p of g.dots) {
    ctx.beginPath();
    ctx.arc(p.x, p.y, DOT_RADIUS * k, 0, 2 * Math.PI);
    ctx.fillStyle = g.lines[p.i].color;
    ctx.fill();
  }
}

export class TimeSeriesChart extends ChartBase<TimeSeriesData> {
  constructor(el: HTMLElement, opts: Omit<ChartOptions, 'zoomX' | 'canvas'>) {
    super(el, { ...opts, zoomX: true, canvas: true });
    // the lines lie over the grid, as SVG marks did (the canvas lets the pointer through to the SVG's overlay)
    this.canvas!.classList.add('chart__canvas--marks');
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

  /** What is drawn, in plot pixels: the band's outline and mean, each line, each dot. */
  private geometry(x: d3.ScaleLinear<number, number>, y: d3.ScaleLinear<number, number>): Geometry {
    const d = this.data!;
    const band = d.band;
    let bandSegments: BandSegment[] = [];
    if (band) {
      const indices = m4Indices(band.mean.length, Math.ceil(this.w), (t) => band.mean[t] - band.sd[t], (t) => band.mean[t] + band.sd[t]);
      bandSegments = bandRuns(indices, (t) => Number.isFinite(band.mean[t])).map((run) => ({
        x: Float64Array.from(run, (t) => x(this.stepAt(t))),
        lo: Float64Array.from(run, (t) => y(band.mean[t] - band.sd[t])),
        hi: Float64Array.from(run, (t) => y(band.mean[t] + band.sd[t])),
        mean: Float64Array.from(run, (t) => y(band.mean[t])),
      }));
    }
    const lines = d.series.map((s, i) => ({ name: s.name, color: color(i), dashed: !!s.dashed, xy: polylinePixels(s.values, (t) => x(this.stepAt(t)), y) }));
    // Sparse values get a dot each; so does a series of one value, which a line cannot show.
    const dotted = (s: TimeSeries) => !!d.steps || s.values.length === 1;
    const dots = d.series.flatMap((s, i) => (dotted(s) ? Array.from(s.values, (v, t) => ({ i, t, v })).filter((p) => Number.isFinite(p.v)) : [])).map((p) => ({ i: p.i, x: x(this.stepAt(p.t)), y: y(p.v) }));
    return { band: band ? { name: band.name, segments: bandSegments } : null, lines, dots };
  }

  protected draw(): void {
    if (!this.hasData()) return;
    const d = this.data!;
    const { x, y } = this.scales();
    this.drawAxes(x, y, { x: (v) => d3.format('~g')(+v * d.dt), grid: true, wholeX: true });
    const g = this.geometry(x, y);
    paintGeometry(this.canvasContext(), g, this.w, this.h, this.scale, cssVar('--chart-band', '#3b5bdb'));
    const entries = [
      ...(g.band ? [{ name: `${g.band.name} ± sd`, color: 'var(--chart-band)', mark: 'band' as const }] : []),
      ...g.lines.map((l) => ({ name: l.name, color: l.color, mark: l.dashed ? ('dash' as const) : undefined })),
    ];
    this.drawLegend(entries, d.hidden ?? 0);
  }

  /** The marks as drawn on the canvas: each line's points (plot pixels), the band's and the dots' count. */
  override drawnMarks(): DrawnMarks | null {
    if (!this.hasData()) return null;
    const { x, y } = this.scales();
    const g = this.geometry(x, y);
    return {
      lines: g.lines.map((l) => ({ name: l.name, dashed: l.dashed, points: pairs(l.xy) })),
      band: g.band ? { name: g.band.name, points: g.band.segments.reduce((n, s) => n + s.x.length, 0) } : null,
      dots: g.dots.length,
    };
  }

  /** The same marks as SVG paths and circles, for an export in vectors. */
  protected override drawVectorMarks(): () => void {
    const clear = () => void this.marks.selectAll('*').remove();
    if (!this.hasData()) return clear;
    const { x, y } = this.scales();
    const g = this.geometry(x, y);
    const path = (xs: Float64Array, ys: Float64Array, from = 0) => Array.from(xs, (v, k) => `${k === from ? 'M' : 'L'}${v},${ys[k]}`).join('');
    const segments = g.band?.segments ?? [];
    this.marks
      .selectAll('path.chart__band')
      .data(segments.length > 0 ? [null] : [])
      .join('path')
      .attr('class', 'chart__band')
      .attr('d', segments.map((s) => `${path(s.x, s.hi)}${path(s.x.slice().reverse(), s.lo.slice().reverse()).replace(/^M/, 'L')}Z`).join(''));
    this.marks
      .selectAll('path.chart__mean')
      .data(segments.length > 0 ? [null] : [])
      .join('path')
      .attr('class', 'chart__mean')
      .attr('d', segments.map((s) => path(s.x, s.mean)).join(''));
    const xs = (xy: Float64Array) => xy.filter((_, k) => k % 2 === 0);
    const ys = (xy: Float64Array) => xy.filter((_, k) => k % 2 === 1);
    seriesLines(this.marks, 'trace-chart__line', g.lines, { color: (i) => g.lines[i].color, dash: `${6 * this.scale} ${4 * this.scale}`, path: (l) => path(xs(l.xy), ys(l.xy)) });
    seriesDots(this.marks, 'trace-chart__dot', g.dots, { color: (i) => g.lines[i].color, r: 2.5 * this.scale });
    return clear;
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
