/**
 * The shared base of every panel chart: an SVG (axes, labels, legend, vector marks) over an
 * optional canvas layer (rasters, heatmaps, trails), sized to its element; a hover read-out;
 * zoom and pan on the time axis (wheel / drag; double-click resets); export as SVG, PNG and CSV
 * of exactly what is drawn. Subclasses implement `draw()` (using the plot box and scales they
 * make), `readout()` and `csv()`. An imperative class (no React): `new Chart(el, opts)`,
 * `update(data)`, `reset()`, `destroy()`.
 */
import * as d3 from 'd3';
import { chartSvg, svgToPng } from './exporting.ts';
import type { DrawnMarks } from '../../store/panelLayout.ts';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface ChartOptions {
  /** Accessible name and export title. */
  title: string;
  xLabel: string;
  yLabel: string;
  /** Adds a canvas layer under the SVG, covering the plot box. */
  canvas?: boolean;
  /** Wheel/drag zoom of the x axis (time). */
  zoomX?: boolean;
  margin?: Partial<Margin>;
  /** Text shown while there is no data. */
  emptyText?: string;
  /** Unit of the time axis ("ms") for read-outs; none: the axis counts steps. */
  timeUnit?: string;
}

export interface LegendEntry {
  name: string;
  color: string;
  /** How the entry is drawn: a line, a filled band, a dashed line, a filled or an open circle. */
  mark?: 'line' | 'band' | 'dot' | 'dash' | 'ring';
}

export interface Readout {
  /** Lines of the read-out. */
  lines: string[];
  /** Where to draw the hover rule (plot x, pixels); none when omitted. */
  ruleX?: number;
}

type G = d3.Selection<SVGGElement, unknown, null, undefined>;

const DEFAULT_MARGIN: Margin = { top: 34, right: 16, bottom: 40, left: 58 };
/** Axis-title font size (px) at scale 1, as in panels.css's `.chart__label`. */
const LABEL_FONT = 12;
/** Tick length + padding of d3's axes (px): where tick text starts from the axis line. */
const TICK_ROOM = 9;

/** A canvas context used only to measure text (its font is set before each measurement). */
let measurer: CanvasRenderingContext2D | null = null;
/** Width in pixels of legend text (11 px monospace × the chart scale, as in panels.css). */
function textWidth(text: string, scale = 1): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 6.6 * scale;
  measurer.font = `${11 * scale}px ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace`;
  return measurer.measureText(text).width;
}

/** The charts' text and margin scale: 1, larger in projector mode (`--chart-scale`, panels.css). */
export function chartScale(): number {
  const v = Number(cssVar('--chart-scale', '1'));
  return Number.isFinite(v) && v > 0 ? v : 1;
}

/**
 * The chart's margins: the base ones times the text scale, and on the left at least room for the
 * widest y tick label, a gap and the rotated axis title (so the two never overlap).
 */
export function layoutMargin(base: Margin, scale: number, yTickWidth: number): Margin {
  const left = Math.max(base.left * scale, Math.ceil((yTickWidth + TICK_ROOM + 8 + LABEL_FONT * scale * 1.25) / 4) * 4);
  return { top: base.top * scale, right: base.right * scale, bottom: base.bottom * scale, left };
}

/** A CSS custom property of the page (for canvas colours, which cannot use var()). */
export function cssVar(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  // Cached per theme: reading computed style every frame forces a style recalculation.
  const key = `${cssKey()}|${name}`;
  let v = cssCache.get(key);
  if (v === undefined) {
    v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    cssCache.set(key, v);
  }
  return v || fallback;
}
/** A pure cache: the stylesheet is fixed, so a property's value depends on the theme alone. */
const cssCache = new Map<string, string>();
/** What the cached variables depend on: the theme and projector mode. */
const cssKey = () => `${document.documentElement.dataset.theme ?? ''}|${document.documentElement.hasAttribute('data-large')}`;

export abstract class ChartBase<D> {
  protected readonly root: HTMLDivElement;
  protected readonly svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  protected readonly plot: G;
  /** Vector marks of the subclass (inside the plot box, clipped). */
  protected readonly marks: G;
  protected readonly canvas: HTMLCanvasElement | null;
  /** Margins now (layoutMargin of the options' margins). */
  protected margin: Margin;
  private readonly baseMargin: Margin;
  /** Text scale now (chartScale). */
  protected scale = 1;
  /** Width of the widest y tick label drawn, px. */
  private yTickWidth = 0;
  protected data: D | null = null;
  /** Plot box size in CSS pixels. */
  protected w = 0;
  protected h = 0;
  /** The current zoom of the x axis. */
  protected zoom: d3.ZoomTransform = d3.zoomIdentity;
  private readonly xAxis: G;
  private readonly yAxis: G;
  private readonly grid: G;
  private readonly legend: G;
  private readonly xLabel: d3.Selection<SVGTextElement, unknown, null, undefined>;
  private readonly yLabel: d3.Selection<SVGTextElement, unknown, null, undefined>;
  private readonly empty: d3.Selection<SVGTextElement, unknown, null, undefined>;
  private readonly rule: d3.Selection<SVGLineElement, unknown, null, undefined>;
  private readonly overlay: d3.Selection<SVGRectElement, unknown, null, undefined>;
  private readonly clip: d3.Selection<SVGRectElement, unknown, null, undefined>;
  private readonly tip: HTMLDivElement;
  private readonly resizeObserver: ResizeObserver;
  private readonly themeObserver: MutationObserver;
  private pointer: [number, number] | null = null;
  private size: [number, number] | null = null;
  private readonly drawnKeys = new Map<string, string>();
  private zoomBehaviour: d3.ZoomBehavior<SVGRectElement, unknown> | null = null;

  constructor(
    private readonly el: HTMLElement,
    protected readonly opts: ChartOptions,
  ) {
    this.baseMargin = { ...DEFAULT_MARGIN, ...opts.margin };
    this.margin = this.baseMargin;
    this.root = document.createElement('div');
    this.root.className = 'chart';
    el.append(this.root);
    this.canvas = opts.canvas ? this.root.appendChild(document.createElement('canvas')) : null;
    if (this.canvas) this.canvas.className = 'chart__canvas';
    this.svg = d3.select(this.root).append('svg').attr('class', 'chart__svg').attr('role', 'img').attr('aria-label', opts.title);
    const clipId = `clip-${Math.random().toString(36).slice(2)}`;
    this.clip = this.svg.append('defs').append('clipPath').attr('id', clipId).append('rect');
    this.plot = this.svg.append('g');
    this.grid = this.plot.append('g').attr('class', 'chart__grid');
    this.marks = this.plot.append('g').attr('class', 'chart__marks').attr('clip-path', `url(#${clipId})`);
    this.xAxis = this.plot.append('g').attr('class', 'chart__axis chart__axis--x');
    this.yAxis = this.plot.append('g').attr('class', 'chart__axis chart__axis--y');
    this.xLabel = this.plot.append('text').attr('class', 'chart__label').attr('text-anchor', 'middle').text(opts.xLabel);
    this.yLabel = this.plot.append('text').attr('class', 'chart__label').attr('text-anchor', 'middle').text(opts.yLabel);
    this.legend = this.svg.append('g').attr('class', 'chart__legend');
    this.empty = this.plot.append('text').attr('class', 'chart__empty').attr('text-anchor', 'middle').text(opts.emptyText ?? 'Press Run or Step to simulate');
    this.rule = this.plot.append('line').attr('class', 'chart__rule').attr('data-export', 'skip').attr('visibility', 'hidden');
    this.overlay = this.plot.append('rect').attr('class', 'chart__overlay').attr('data-export', 'skip').attr('fill', 'transparent');
    this.tip = this.root.appendChild(document.createElement('div'));
    this.tip.className = 'chart__readout';
    this.tip.hidden = true;
    this.tip.setAttribute('data-testid', 'readout');
    this.overlay
      .on('pointermove', (e: PointerEvent) => {
        this.pointer = d3.pointer(e, this.plot.node());
        this.showReadout();
      })
      .on('pointerleave', () => {
        this.pointer = null;
        this.showReadout();
      });
    if (opts.zoomX) this.enableZoom();
    this.resizeObserver = new ResizeObserver(() => {
      this.size = null;
      this.render();
    });
    this.resizeObserver.observe(el);
    this.themeObserver = new MutationObserver(() => this.render());
    this.themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'data-large'] });
  }

  /** Draws this data (replacing what was drawn). */
  update(data: D | null): void {
    this.data = data;
    this.render();
  }

  /** What the chart says while it has no data (null: its own empty text). */
  setEmptyText(text: string | null): void {
    this.empty.text(text ?? this.opts.emptyText ?? 'Press Run or Step to simulate');
  }

  /** Clears the chart back to its empty state and its zoom. */
  reset(): void {
    this.data = null;
    this.resetZoom();
  }

  resetZoom(): void {
    this.zoom = d3.zoomIdentity;
    if (this.zoomBehaviour) this.overlay.call(this.zoomBehaviour.transform, d3.zoomIdentity);
    this.render();
  }

  destroy(): void {
    this.resizeObserver.disconnect();
    this.themeObserver.disconnect();
    this.root.remove();
  }

  /** The data drawn, as CSV. */
  abstract csv(): string;

  /** A standalone SVG of the chart as drawn (marks a subclass paints on its canvas as vectors, when it can). */
  svgText(): string {
    const undo = this.drawVectorMarks();
    try {
      return chartSvg(this.svg.node()!, this.canvas && !undo ? [this.canvas] : [], cssVar('--surface', '#ffffff'));
    } finally {
      undo?.();
    }
  }

  /** The line marks drawn (charts that paint lines on their canvas say what they painted); null otherwise. */
  drawnMarks(): DrawnMarks | null {
    return null;
  }

  /**
   * For an export: draws as SVG the marks the canvas shows and returns how to remove them again;
   * null when the canvas is exported as an image (rasters, heatmaps, trails).
   */
  protected drawVectorMarks(): (() => void) | null {
    return null;
  }

  png(): Promise<Blob> {
    return svgToPng(this.svgText(), Number(this.svg.attr('width')), Number(this.svg.attr('height')));
  }

  /** Whether there is anything to draw. */
  protected abstract hasData(): boolean;
  /** Draws the data into the plot box (`this.w` × `this.h`), axes included. */
  protected abstract draw(): void;
  /** The read-out for a pointer at plot coordinates (px, py), or null. */
  protected abstract readout(px: number, py: number): Readout | null;

  protected render(): void {
    const tickWidth = this.yTickWidth;
    this.layoutAndDraw();
    // A wider y tick label moved the plot's left edge: draw once more with the new margin.
    if (this.yTickWidth !== tickWidth) this.layoutAndDraw();
  }

  private layoutAndDraw(): void {
    // The element's size is read once per resize: reading it every frame would force a layout
    // after each chart's DOM writes (three charts: three layouts per frame).
    this.size ??= [this.el.clientWidth, this.el.clientHeight];
    this.scale = chartScale();
    const k = this.scale;
    const width = Math.max(160 * k, this.size[0]);
    const height = Math.max(120 * k, this.size[1]);
    const m = (this.margin = layoutMargin(this.baseMargin, k, this.yTickWidth));
    this.w = Math.max(10, width - m.left - m.right);
    this.h = Math.max(10, height - m.top - m.bottom);
    this.svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    this.plot.attr('transform', `translate(${m.left},${m.top})`);
    this.clip.attr('width', this.w).attr('height', this.h);
    this.overlay.attr('width', this.w).attr('height', this.h);
    // The x title under the tick labels; the y title left of the widest tick label.
    this.xLabel.attr('x', this.w / 2).attr('y', this.h + TICK_ROOM + 11 * k + 4 + LABEL_FONT * k);
    this.yLabel.attr('transform', `translate(${-(Math.max(this.yTickWidth, 14 * k) + TICK_ROOM + 8)},${this.h / 2}) rotate(-90)`);
    this.empty.attr('x', this.w / 2).attr('y', this.h / 2);
    if (this.canvas) this.sizeCanvas();
    const box: [[number, number], [number, number]] = [
      [0, 0],
      [this.w, this.h],
    ];
    this.zoomBehaviour?.extent(box).translateExtent(box);
    const has = this.hasData();
    this.empty.attr('visibility', has ? 'hidden' : 'visible');
    this.root.dataset.empty = has ? 'false' : 'true';
    if (!has) {
      this.marks.selectAll('*').remove();
      this.legend.selectAll('*').remove();
      this.drawnKeys.clear();
      if (this.canvas) this.canvasContext().clearRect(0, 0, this.w, this.h);
    }
    this.draw();
    this.showReadout();
  }

  /** The x scale after the time zoom. */
  protected zoomed(x: d3.ScaleLinear<number, number>): d3.ScaleLinear<number, number> {
    return this.opts.zoomX ? this.zoom.rescaleX(x) : x;
  }

  /** Axes with tick counts for the plot size; `grid` adds horizontal grid lines. */
  protected drawAxes(
    x: d3.AxisScale<d3.NumberValue>,
    y: d3.AxisScale<d3.NumberValue>,
    format: { x?: (v: d3.NumberValue) => string; y?: (v: d3.NumberValue) => string; grid?: boolean; wholeX?: boolean } = {},
  ): void {
    const xLinear = x as d3.ScaleLinear<number, number>;
    const yLinear = y as d3.ScaleLinear<number, number>;
    // Tick counts follow the pixels an axis spans (a square plot, like the spectrum's, spans less than the chart).
    const xTicks = Math.max(2, Math.floor(spanOf(xLinear, this.w) / (70 * this.scale)));
    const yTicks = Math.max(2, Math.floor(spanOf(yLinear, this.h) / (32 * this.scale)));
    // Each axis is redrawn only when its scale, size or labels changed (a paused chart redrawn keeps its axes).
    const xKey = `${String(xLinear.domain?.())}|${String(xLinear.range?.())}|${xTicks}|${this.h}|${this.scale}|${(format.x ?? String)(xLinear.domain?.()[0] ?? 0)}`;
    if (this.changed('x', xKey)) {
      const xAxis = d3.axisBottom(x).ticks(xTicks).tickFormat(format.x ?? d3.format('~g'));
      // An axis of whole numbers (steps) never shows a tick between two of them.
      if (format.wholeX && typeof xLinear.ticks === 'function') xAxis.tickValues(xLinear.ticks(xTicks).filter(Number.isInteger));
      this.xAxis.attr('transform', `translate(0,${this.h})`).call(xAxis);
    }
    // The y axis and grid rarely change while the run scrolls the x axis: redraw them only when they do.
    if (!this.changed('y', `${String(yLinear.domain?.())}|${String(yLinear.range?.())}|${yTicks}|${this.w}|${format.grid}|${(format.y ?? String)(yLinear.domain?.()[0] ?? 0)}`)) return;
    this.yAxis.call(d3.axisLeft(y).ticks(yTicks).tickFormat(format.y ?? d3.format('~g')));
    this.yTickWidth = this.widestText(this.yAxis);
    const ticks = format.grid && typeof yLinear.ticks === 'function' ? yLinear.ticks(yTicks) : [];
    this.grid
      .selectAll('line')
      .data(ticks)
      .join('line')
      .attr('x1', 0)
      .attr('x2', this.w)
      .attr('y1', (d) => yLinear(d))
      .attr('y2', (d) => yLinear(d));
  }

  /** The widest tick label of an axis, px (0 where text cannot be measured). */
  private widestText(axis: G): number {
    let widest = 0;
    axis.selectAll<SVGTextElement, unknown>('text').each(function () {
      if (typeof this.getComputedTextLength === 'function') widest = Math.max(widest, this.getComputedTextLength());
    });
    return Math.ceil(widest);
  }

  /** Whether the part drawn under this key changed since it was last drawn (skips unchanged SVG work). */
  protected changed(part: string, key: string): boolean {
    if (this.drawnKeys.get(part) === key) return false;
    this.drawnKeys.set(part, key);
    return true;
  }

  /** The x and y axis titles (e.g. once the data says what the axes are). */
  protected setAxisLabels(x: string, y: string): void {
    this.xLabel.text(x);
    this.yLabel.text(y);
  }

  /** A legend of up to two rows above the plot; entries that do not fit become "+N more". */
  protected drawLegend(entries: LegendEntry[], extra = 0): void {
    if (!this.changed('legend', `${JSON.stringify(entries)}|${extra}|${this.w}|${this.scale}`)) return;
    const items: (LegendEntry & { x: number; row: number })[] = [];
    const start = this.margin.left;
    const limit = this.margin.left + this.w;
    let x = start;
    let row = 0;
    let shown = 0;
    const k = this.scale;
    const gap = (22 + 12) * k;
    for (const e of entries) {
      const width = gap + textWidth(e.name, k);
      if (x + width > limit && x > start) {
        if (row === 1) break;
        row = 1;
        x = start;
      }
      items.push({ ...e, x, row });
      x += width;
      shown++;
    }
    const more = entries.length - shown + extra;
    if (more > 0) {
      const label = `+${more} more`;
      const last = items.at(-1);
      if (last && x + textWidth(label, k) > limit) items.pop();
      const left = entries.length - items.length + extra;
      const tail = items.at(-1);
      items.push({ name: `+${left} more`, color: 'transparent', x: tail ? tail.x + gap + textWidth(tail.name, k) : start, row: tail?.row ?? 0 });
    }
    const g = this.legend
      .selectAll<SVGGElement, LegendEntry & { x: number; row: number }>('g.chart__legend-item')
      .data(items)
      .join((enter) => {
        const item = enter.append('g').attr('class', 'chart__legend-item');
        item.append('rect').attr('y', -5).attr('width', 16).attr('height', 10).attr('rx', 2);
        item.append('text').attr('dy', '0.35em');
        return item;
      })
      .attr('transform', (d) => `translate(${d.x},${(8 + d.row * 14) * k})`);
    // band: a translucent block; line: a solid bar; dash: a dashed outline of a flat bar;
    // dot / ring: a filled / open circle (a rounded square).
    const round = (d: LegendEntry) => d.mark === 'dot' || d.mark === 'ring';
    g.select('rect')
      .attr('fill', (d) => (d.mark === 'dash' || d.mark === 'ring' ? 'none' : d.color))
      .attr('fill-opacity', (d) => (d.mark === 'band' ? 0.3 : 1))
      .attr('height', (d) => k * (d.mark === 'band' || round(d) ? 10 : d.mark === 'dash' ? 1 : 3))
      .attr('width', (d) => k * (round(d) ? 10 : 16))
      .attr('x', (d) => k * (round(d) ? 3 : 0))
      .attr('rx', (d) => k * (round(d) ? 5 : 2))
      .attr('y', (d) => k * (d.mark === 'band' || round(d) ? -5 : d.mark === 'dash' ? -0.5 : -1.5))
      .attr('stroke', (d) => (d.mark === 'dash' || d.mark === 'ring' ? d.color : 'none'))
      .attr('stroke-width', 1.5 * k)
      .attr('stroke-dasharray', (d) => (d.mark === 'dash' ? '4 3' : null));
    g.select('text')
      .attr('x', 20 * k)
      .text((d) => d.name);
  }

  /** A vertical colour bar with an axis, in the right margin. */
  protected drawColorLegend(color: (v: number) => string, domain: [number, number], label: string): void {
    if (!this.changed('colorbar', `${domain}|${label}|${this.w}|${this.h}|${this.scale}|${color(domain[0])}|${color((domain[0] + domain[1]) / 2)}|${color(domain[1])}`)) return;
    const bar = 12 * this.scale;
    const x0 = this.margin.left + this.w + 10 * this.scale;
    const scale = d3.scaleLinear().domain(domain).range([this.h, 0]);
    const steps = 48;
    const g = this.legend.selectAll<SVGGElement, null>('g.chart__colorbar').data([null]).join('g').attr('class', 'chart__colorbar');
    g.attr('transform', `translate(${x0},${this.margin.top})`);
    g.selectAll('rect')
      .data(d3.range(steps))
      .join('rect')
      .attr('x', 0)
      .attr('width', bar)
      .attr('y', (i) => (this.h * (steps - 1 - i)) / steps)
      .attr('height', this.h / steps + 0.5)
      .attr('fill', (i) => color(domain[0] + ((i + 0.5) / steps) * (domain[1] - domain[0])));
    g.selectAll<SVGGElement, null>('g.chart__axis')
      .data([null])
      .join('g')
      .attr('class', 'chart__axis')
      .attr('transform', `translate(${bar},0)`)
      .call(d3.axisRight(scale).ticks(Math.max(2, Math.floor(this.h / (40 * this.scale)))).tickFormat(d3.format('~g')));
    g.selectAll<SVGTextElement, null>('text.chart__label')
      .data([null])
      .join('text')
      .attr('class', 'chart__label')
      .attr('text-anchor', 'end')
      .attr('x', bar)
      .attr('y', -8 * this.scale)
      .text(label);
  }

  /** The canvas's 2-D context, in CSS pixels, origin at the plot box. */
  protected canvasContext(): CanvasRenderingContext2D {
    const ctx = this.canvas!.getContext('2d')!;
    const ratio = window.devicePixelRatio || 1;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    return ctx;
  }

  private sizeCanvas(): void {
    const c = this.canvas!;
    const ratio = window.devicePixelRatio || 1;
    const pw = Math.round(this.w * ratio);
    const ph = Math.round(this.h * ratio);
    if (c.width !== pw || c.height !== ph) {
      c.width = pw;
      c.height = ph;
    }
    c.style.left = `${this.margin.left}px`;
    c.style.top = `${this.margin.top}px`;
    c.style.width = `${this.w}px`;
    c.style.height = `${this.h}px`;
  }

  private showReadout(): void {
    const r = this.pointer && this.hasData() ? this.readout(this.pointer[0], this.pointer[1]) : null;
    if (!r) {
      this.tip.hidden = true;
      this.rule.attr('visibility', 'hidden');
      return;
    }
    this.tip.hidden = false;
    this.tip.textContent = r.lines.join('\n');
    const [px, py] = this.pointer!;
    const left = this.margin.left + px + 12;
    const flip = left + this.tip.offsetWidth > this.root.clientWidth;
    this.tip.style.left = `${flip ? this.margin.left + px - 12 - this.tip.offsetWidth : left}px`;
    this.tip.style.top = `${Math.max(0, this.margin.top + py - 10)}px`;
    if (r.ruleX === undefined) this.rule.attr('visibility', 'hidden');
    else this.rule.attr('visibility', 'visible').attr('x1', r.ruleX).attr('x2', r.ruleX).attr('y1', 0).attr('y2', this.h);
  }

  private enableZoom(): void {
    this.zoomBehaviour = d3
      .zoom<SVGRectElement, unknown>()
      .scaleExtent([1, 64])
      .on('zoom', (e: d3.D3ZoomEvent<SVGRectElement, unknown>) => {
        this.zoom = e.transform;
        this.render();
      });
    this.overlay.call(this.zoomBehaviour).on('dblclick.zoom', () => this.resetZoom());
  }
}

/** Pixels between the ends of a scale's range (`fallback` for a scale without a numeric range). */
function spanOf(scale: { range?: () => unknown[] }, fallback: number): number {
  const r = scale.range?.();
  if (!r || r.length < 2 || typeof r[0] !== 'number' || typeof r[r.length - 1] !== 'number') return fallback;
  return Math.abs((r[r.length - 1] as number) - (r[0] as number));
}
