/**
 * A line chart of traces over time, drawn with D3 into an SVG: one line per series, axes with
 * labels, a legend. An imperative class (no React): `new TraceChart(el, opts)`, `update(data)`,
 * `reset()`, `destroy()`. It follows its element's size.
 */
import * as d3 from 'd3';

export interface TraceSeries {
  /** Legend text, e.g. "x[0]". */
  name: string;
  /** Value after each step, starting at `TraceData.firstStep`. */
  values: ArrayLike<number>;
}

export interface TraceData {
  /** Step number of the first value (1-based). */
  firstStep: number;
  series: TraceSeries[];
}

export interface TraceChartOptions {
  xLabel?: string;
  yLabel?: string;
  /** Series beyond this many are not drawn (the legend says how many were left out). */
  maxSeries?: number;
  /** Accessible name of the chart. */
  title?: string;
}

const margin = { top: 12, right: 16, bottom: 44, left: 64 };
const legendWidth = 120;
/** Height of one legend entry, in pixels. */
const LEGEND_ROW = 20;

export class TraceChart {
  private readonly svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly plot: d3.Selection<SVGGElement, unknown, null, undefined>;
  private readonly xAxis: d3.Selection<SVGGElement, unknown, null, undefined>;
  private readonly yAxis: d3.Selection<SVGGElement, unknown, null, undefined>;
  private readonly lines: d3.Selection<SVGGElement, unknown, null, undefined>;
  private readonly legend: d3.Selection<SVGGElement, unknown, null, undefined>;
  private readonly xLabel: d3.Selection<SVGTextElement, unknown, null, undefined>;
  private readonly yLabel: d3.Selection<SVGTextElement, unknown, null, undefined>;
  private readonly empty: d3.Selection<SVGTextElement, unknown, null, undefined>;
  private readonly resizeObserver: ResizeObserver;
  private readonly opts: Required<TraceChartOptions>;
  private data: TraceData | null = null;

  constructor(
    private readonly el: HTMLElement,
    opts: TraceChartOptions = {},
  ) {
    this.opts = { xLabel: 'step', yLabel: 'output', maxSeries: 10, title: 'Trace', ...opts };
    this.svg = d3.select(el).append('svg').attr('class', 'trace-chart').attr('role', 'img').attr('aria-label', this.opts.title);
    this.plot = this.svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
    this.xAxis = this.plot.append('g').attr('class', 'trace-chart__axis trace-chart__axis--x');
    this.yAxis = this.plot.append('g').attr('class', 'trace-chart__axis trace-chart__axis--y');
    this.lines = this.plot.append('g').attr('class', 'trace-chart__lines');
    this.legend = this.plot.append('g').attr('class', 'trace-chart__legend');
    this.xLabel = this.plot.append('text').attr('class', 'trace-chart__label').attr('text-anchor', 'middle').text(this.opts.xLabel);
    this.yLabel = this.plot.append('text').attr('class', 'trace-chart__label').attr('text-anchor', 'middle').text(this.opts.yLabel);
    this.empty = this.plot.append('text').attr('class', 'trace-chart__empty').attr('text-anchor', 'middle').text('Press Run to simulate');
    this.resizeObserver = new ResizeObserver(() => this.render());
    this.resizeObserver.observe(el);
    this.render();
  }

  /** Draws these traces (replacing what was drawn). */
  update(data: TraceData): void {
    this.data = data;
    this.render();
  }

  /** Clears the chart back to its empty state. */
  reset(): void {
    this.data = null;
    this.render();
  }

  destroy(): void {
    this.resizeObserver.disconnect();
    this.svg.remove();
  }

  private render(): void {
    const width = Math.max(200, this.el.clientWidth);
    const height = Math.max(120, this.el.clientHeight);
    this.svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    const series = (this.data?.series ?? []).slice(0, this.opts.maxSeries);
    const hasData = series.some((s) => s.values.length > 0);
    const showLegend = hasData && width > 420;
    const w = width - margin.left - margin.right - (showLegend ? legendWidth : 0);
    const h = height - margin.top - margin.bottom;

    const firstStep = this.data?.firstStep ?? 1;
    const length = Math.max(0, ...series.map((s) => s.values.length));
    const x = d3
      .scaleLinear()
      .domain(hasData ? [firstStep, Math.max(firstStep + 1, firstStep + length - 1)] : [0, 100])
      .range([0, w]);
    const extent = hasData ? valueExtent(series) : [0, 1];
    const y = d3.scaleLinear().domain(extent).nice().range([h, 0]);

    this.xAxis
      .attr('transform', `translate(0,${h})`)
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(w / 80))).tickFormat(d3.format('~d')));
    this.yAxis.call(d3.axisLeft(y).ticks(Math.max(2, Math.floor(h / 40))).tickFormat(d3.format('~g')));
    this.xLabel.attr('x', w / 2).attr('y', h + 36);
    this.yLabel.attr('transform', `translate(${-48},${h / 2}) rotate(-90)`);
    this.empty.attr('x', w / 2).attr('y', h / 2).attr('visibility', hasData ? 'hidden' : 'visible');

    const color = d3.scaleOrdinal<string, string>(d3.schemeTableau10);
    const line = (values: ArrayLike<number>) => {
      const points: [number, number][] = [];
      for (let t = 0; t < values.length; t++) if (Number.isFinite(values[t])) points.push([x(firstStep + t), y(values[t])]);
      return d3.line()(points) ?? '';
    };
    this.lines
      .selectAll<SVGPathElement, TraceSeries>('path')
      .data(series, (s) => s.name)
      .join('path')
      .attr('class', 'trace-chart__line')
      .attr('data-series', (s) => s.name)
      .attr('fill', 'none')
      .attr('stroke', (s) => color(s.name))
      .attr('d', (s) => line(s.values));

    const total = this.data?.series.length ?? 0;
    const fits = Math.max(1, Math.floor(h / LEGEND_ROW));
    const named = showLegend ? series.slice(0, total > fits ? fits - 1 : fits).map((s) => s.name) : [];
    const entries = showLegend && total > named.length ? [...named, `+${total - named.length} more`] : named;
    const items = this.legend
      .attr('transform', `translate(${w + 20},0)`)
      .selectAll<SVGGElement, string>('g')
      .data(entries)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'trace-chart__legend-item');
        g.append('line').attr('x1', 0).attr('x2', 18).attr('y1', 0).attr('y2', 0).attr('stroke-width', 3);
        g.append('text').attr('x', 24).attr('dy', '0.35em');
        return g;
      })
      .attr('transform', (_, i) => `translate(0,${10 + i * LEGEND_ROW})`);
    items.select('line').attr('stroke', (name, i) => (i < named.length ? color(name) : 'transparent'));
    items.select('text').text((name) => name);
  }
}

/** [min, max] over every finite value; a flat trace gets a band around its value. */
function valueExtent(series: TraceSeries[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (let t = 0; t < s.values.length; t++) {
      const v = s.values[t];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo > hi) return [0, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.04; // keep lines off the plot's edges
  return [lo - pad, hi + pad];
}
