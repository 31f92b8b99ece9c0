/**
 * A histogram as bars (count or density), optionally with a target density curve over it.
 */
import * as d3 from 'd3';
import { ChartBase, type ChartOptions, type Readout } from './ChartBase.ts';
import { toCsv } from './exporting.ts';
import type { Bin } from '../transforms/binning.ts';

export interface HistogramData {
  bins: Bin[];
  /** Bars show the density (area 1) or the counts. */
  measure: 'density' | 'count';
  /** Number of values binned, for the legend. */
  total: number;
  valueName: string;
  /** What the values cover when it is not the window ("over 812 ms"), for the legend. */
  span?: string;
  target?: { name: string; points: [number, number][] };
}

export class HistogramChart extends ChartBase<HistogramData> {
  constructor(el: HTMLElement, opts: Omit<ChartOptions, 'canvas' | 'zoomX'>) {
    super(el, opts);
  }

  protected hasData(): boolean {
    return !!this.data && this.data.total > 0;
  }

  private scales() {
    const d = this.data!;
    const value = (b: Bin) => (d.measure === 'density' ? b.density : b.count);
    const lo = d.bins[0].x0;
    const hi = d.bins[d.bins.length - 1].x1;
    const top = Math.max(d3.max(d.bins, value) ?? 1, d3.max(d.target?.points ?? [], (p) => p[1]) ?? 0);
    return { value, x: d3.scaleLinear().domain([lo, hi]).range([0, this.w]), y: d3.scaleLinear().domain([0, top * 1.05 || 1]).nice().range([this.h, 0]) };
  }

  protected draw(): void {
    if (!this.hasData()) return;
    const d = this.data!;
    const { x, y, value } = this.scales();
    this.drawAxes(x, y, { grid: true });
    this.marks
      .selectAll<SVGRectElement, Bin>('rect.chart__bar')
      .data(d.bins)
      .join('rect')
      .attr('class', 'chart__bar')
      .attr('x', (b) => x(b.x0) + 0.5)
      .attr('width', (b) => Math.max(0.5, x(b.x1) - x(b.x0) - 1))
      .attr('y', (b) => y(value(b)))
      .attr('height', (b) => this.h - y(value(b)));
    const line = d3.line<[number, number]>().x((p) => x(p[0])).y((p) => y(p[1]));
    this.marks
      .selectAll<SVGPathElement, NonNullable<HistogramData['target']>>('path.chart__target')
      .data(d.target ? [d.target] : [])
      .join('path')
      .attr('class', 'chart__target')
      .attr('d', (t) => line(t.points.filter((p) => p[0] >= x.domain()[0] && p[0] <= x.domain()[1])));
    this.drawLegend([
      { name: `${d.total.toLocaleString('en')} values${d.span ? ` ${d.span}` : ''}`, color: 'var(--chart-bar)', mark: 'band' },
      ...(d.target ? [{ name: d.target.name, color: 'var(--chart-target)', mark: 'dash' as const }] : []),
    ]);
  }

  protected readout(px: number): Readout | null {
    const d = this.data!;
    const { x } = this.scales();
    const v = x.invert(px);
    const b = d.bins.find((bin, i) => v >= bin.x0 && (v < bin.x1 || i === d.bins.length - 1));
    if (!b) return null;
    const f = d3.format('.4~g');
    return { lines: [`${d.valueName} ∈ [${f(b.x0)}, ${f(b.x1)})`, `count ${b.count}, density ${f(b.density)}`], ruleX: x((b.x0 + b.x1) / 2) };
  }

  /** The bins drawn: edges, count and density. */
  csv(): string {
    return toCsv(['x0', 'x1', 'count', 'density'], (this.data?.bins ?? []).map((b) => [b.x0, b.x1, b.count, b.density]));
  }
}
