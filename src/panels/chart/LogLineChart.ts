/**
 * Lines of positive values on a logarithmic y axis against a whole-number x (an epoch, a number
 * of steps back), each point marked: training losses per epoch, gradient norms per step back.
 * Values ≤ 0 or not finite are left out of the line (a log axis cannot show them). The hover
 * read-out lists every series at the x under the pointer.
 */
import * as d3 from 'd3';
import { ChartBase, type ChartOptions, type LegendEntry, type Readout } from './ChartBase.ts';
import { toCsv } from './exporting.ts';
import { seriesDots, seriesLines } from './seriesMarks.ts';

export interface LogSeries {
  name: string;
  /** x of each value (ascending). */
  x: ArrayLike<number>;
  values: ArrayLike<number>;
  /** Drawn dashed (e.g. a reference or an earlier state). */
  dashed?: boolean;
}

export interface LogLineData {
  series: LogSeries[];
  /** A line of text under the legend (e.g. the fitted slope). */
  note?: string;
}

const palette = d3.schemeTableau10;

export interface LogLineOptions extends Omit<ChartOptions, 'canvas' | 'zoomX'> {
  /**
   * Least span of the y axis in decades (default 1). A loss that falls from 0.69 to 0.49 needs a
   * fraction of a decade to be seen falling; gradient norms over many decades need none.
   */
  minDecades?: number;
}

export class LogLineChart extends ChartBase<LogLineData> {
  private readonly minDecades: number;

  constructor(el: HTMLElement, opts: LogLineOptions) {
    super(el, { ...opts, margin: { top: 48, ...opts.margin } });
    this.minDecades = opts.minDecades ?? 1;
  }

  protected hasData(): boolean {
    return !!this.data && this.data.series.some((s) => points(s).length > 0);
  }

  private scales() {
    const all = this.data!.series.flatMap(points);
    const [x0, x1] = d3.extent(all, (p) => p[0]) as [number, number];
    const [y0, y1] = d3.extent(all, (p) => p[1]) as [number, number];
    const x = d3
      .scaleLinear()
      .domain(x0 === x1 ? [x0 - 1, x1 + 1] : [x0, x1])
      .range([0, this.w]);
    // at least minDecades, centred on the data, padded by a tenth of the span on each side
    const mid = (Math.log10(y0) + Math.log10(y1)) / 2;
    const half = Math.max(Math.log10(y1) - Math.log10(y0), this.minDecades) / 2;
    const pad = half / 5;
    const y = d3
      .scaleLog()
      .domain([10 ** (mid - half - pad), 10 ** (mid + half + pad)])
      .range([this.h, 0]);
    return { x, y };
  }

  protected draw(): void {
    if (!this.hasData()) return;
    const d = this.data!;
    const { x, y } = this.scales();
    const decades = Math.log10(y.domain()[1] / y.domain()[0]);
    this.drawAxes(x, y, { grid: true, y: decades > 3 ? d3.format('.0e') : d3.format('~g') });
    const color = (i: number) => palette[i % palette.length];
    const line = d3.line();
    seriesLines(this.marks, 'log-chart__line', d.series, { color, dash: '5 4', path: (s) => line(points(s).map(([px, py]) => [x(px), y(py)])) ?? '' });
    const dots = d.series.flatMap((s, i) => points(s).map(([px, py]) => ({ i, x: x(px), y: y(py) })));
    seriesDots(this.marks, 'log-chart__dot', dots.length <= 400 ? dots : [], { color, r: 2.5 });
    const entries: LegendEntry[] = d.series.map((s, i) => ({ name: s.name, color: color(i), mark: s.dashed ? 'dash' : 'line' }));
    if (d.note) entries.push({ name: d.note, color: 'transparent' });
    this.drawLegend(entries);
  }

  protected readout(px: number): Readout | null {
    const d = this.data!;
    const { x } = this.scales();
    const at = Math.round(x.invert(px));
    const f = d3.format('.4~g');
    const lines = d.series.flatMap((s) => {
      const i = Array.prototype.indexOf.call(s.x, at) as number;
      return i >= 0 ? [`${s.name} = ${f(s.values[i])}`] : [];
    });
    if (lines.length === 0) return null;
    return { lines: [`${this.opts.xLabel} = ${at}`, ...lines], ruleX: x(at) };
  }

  /** x, then each series (empty where a series has no value at that x). */
  csv(): string {
    const d = this.data;
    if (!d) return toCsv(['x'], []);
    const xs = [...new Set(d.series.flatMap((s) => Array.from(s.x)))].sort((a, b) => a - b);
    const rows = xs.map((at) => [
      at,
      ...d.series.map((s) => {
        const i = Array.prototype.indexOf.call(s.x, at) as number;
        return i >= 0 ? s.values[i] : '';
      }),
    ]);
    return toCsv(['x', ...d.series.map((s) => s.name)], rows);
  }
}

/** The drawable points of a series: finite x, finite positive value. */
function points(s: LogSeries): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < s.values.length; i++) {
    const v = s.values[i];
    if (Number.isFinite(s.x[i]) && Number.isFinite(v) && v > 0) out.push([s.x[i], v]);
  }
  return out;
}
