/**
 * A phase portrait: the trajectory of (a, b) over the window, its trail fading with age (canvas),
 * the current state as a dot; optionally nullclines (SVG paths) and fixed points (filled:
 * stable, open: unstable).
 */
import * as d3 from 'd3';
import { ChartBase, cssVar, type ChartOptions, type Readout } from './ChartBase.ts';
import { toCsv } from './exporting.ts';
import { finiteExtent } from '../transforms/stats.ts';

export interface PhaseData {
  firstStep: number;
  x: Float64Array;
  y: Float64Array;
  xName: string;
  yName: string;
  /** Nullcline polylines in data coordinates, with a name for the legend. */
  nullclines?: { name: string; points: [number, number][][] }[];
  fixedPoints?: FixedPointMark[];
  /** A line shown in the plot: what the curves assume, or why there are none. */
  note?: string;
}

export interface FixedPointMark {
  x: number;
  y: number;
  stable: boolean;
  eigenvalues?: { re: number; im: number }[];
}

/** Number of opacity levels the trail is drawn in (one canvas path each). */
const LEVELS = 16;

export class PhaseChart extends ChartBase<PhaseData> {
  constructor(el: HTMLElement, opts: Omit<ChartOptions, 'canvas' | 'zoomX'>) {
    super(el, { ...opts, canvas: true, margin: { left: 62, ...opts.margin } });
  }

  protected hasData(): boolean {
    return !!this.data && this.data.x.length > 0;
  }

  private scales() {
    const d = this.data!;
    const fx = (d.fixedPoints ?? []).map((p) => p.x);
    const fy = (d.fixedPoints ?? []).map((p) => p.y);
    const [x0, x1] = finiteExtent(d.x, fx);
    const [y0, y1] = finiteExtent(d.y, fy);
    const px = (x1 - x0) * 0.06;
    const py = (y1 - y0) * 0.06;
    return {
      x: d3.scaleLinear().domain([x0 - px, x1 + px]).nice().range([0, this.w]),
      y: d3.scaleLinear().domain([y0 - py, y1 + py]).nice().range([this.h, 0]),
    };
  }

  protected draw(): void {
    if (!this.hasData()) return;
    const d = this.data!;
    const { x, y } = this.scales();
    this.setAxisLabels(d.xName, d.yName);
    this.drawAxes(x, y, { grid: true });
    const ctx = this.canvasContext();
    ctx.clearRect(0, 0, this.w, this.h);
    const ink = cssVar('--accent', '#3b5bdb');
    ctx.strokeStyle = ink;
    ctx.lineWidth = 1.5;
    ctx.lineJoin = 'round';
    const n = d.x.length;
    for (let level = 0; level < LEVELS; level++) {
      const from = Math.floor((level * (n - 1)) / LEVELS);
      const to = Math.floor(((level + 1) * (n - 1)) / LEVELS);
      if (to <= from) continue;
      ctx.globalAlpha = 0.08 + (0.92 * (level + 1)) / LEVELS;
      ctx.beginPath();
      ctx.moveTo(x(d.x[from]), y(d.y[from]));
      for (let t = from + 1; t <= to; t++) if (Number.isFinite(d.x[t]) && Number.isFinite(d.y[t])) ctx.lineTo(x(d.x[t]), y(d.y[t]));
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    ctx.fillStyle = ink;
    ctx.beginPath();
    ctx.arc(x(d.x[n - 1]), y(d.y[n - 1]), 4, 0, 2 * Math.PI);
    ctx.fill();
    const colors = ['var(--chart-nullcline-1)', 'var(--chart-nullcline-2)'];
    const line = d3.line<[number, number]>().x((p) => x(p[0])).y((p) => y(p[1]));
    this.marks
      .selectAll<SVGPathElement, { name: string; points: [number, number][][] }>('path.chart__nullcline')
      .data(d.nullclines ?? [])
      .join('path')
      .attr('class', 'chart__nullcline')
      .attr('stroke', (_, i) => colors[i % 2])
      .attr('d', (c) => c.points.map((p) => line(p)).join(''));
    this.marks
      .selectAll<SVGCircleElement, FixedPointMark>('circle.chart__fixed')
      .data(d.fixedPoints ?? [])
      .join('circle')
      .attr('class', (p) => `chart__fixed ${p.stable ? 'chart__fixed--stable' : 'chart__fixed--unstable'}`)
      .attr('r', 5)
      .attr('cx', (p) => x(p.x))
      .attr('cy', (p) => y(p.y));
    this.drawNote(d.note);
    const fixed = d.fixedPoints ?? [];
    const ringColor = cssVar('--text', '#1b1f27');
    this.drawLegend([
      { name: `trajectory, ${n} steps`, color: ink },
      ...(d.nullclines ?? []).map((c, i) => ({ name: c.name, color: colors[i % 2], mark: 'dash' as const })),
      ...(fixed.some((p) => p.stable) ? [{ name: 'stable fixed point', color: ringColor, mark: 'dot' as const }] : []),
      ...(fixed.some((p) => !p.stable) ? [{ name: 'unstable', color: ringColor, mark: 'ring' as const }] : []),
    ]);
  }

  /** The note in the plot's upper left (where trajectories rarely go), on a backing so it stays readable over the trail. */
  private drawNote(note: string | undefined): void {
    const g = this.marks.selectAll<SVGGElement, string>('g.chart__note').data(note ? [note] : []).join((enter) => {
      const item = enter.append('g').attr('class', 'chart__note');
      item.append('rect');
      item.append('text');
      return item;
    });
    g.attr('transform', 'translate(6,14)');
    // getBBox lays the page out: measure the backing only when the note (or its scale) changed.
    if (!this.changed('note', note ? `${note}|${this.scale}` : '') || !note) return;
    const text = g.select<SVGTextElement>('text').text((t) => t);
    const box = text.node()?.getBBox();
    g.select('rect')
      .attr('x', -3)
      .attr('y', (box?.y ?? -10) - 2)
      .attr('width', (box?.width ?? 0) + 6)
      .attr('height', (box?.height ?? 12) + 4);
  }

  protected readout(px: number, py: number): Readout | null {
    const d = this.data!;
    const { x, y } = this.scales();
    let best = -1;
    let bestD = 400; // within 20 px
    for (let t = 0; t < d.x.length; t++) {
      const dd = (x(d.x[t]) - px) ** 2 + (y(d.y[t]) - py) ** 2;
      if (dd < bestD) {
        bestD = dd;
        best = t;
      }
    }
    const f = d3.format('.4~g');
    const fp = (d.fixedPoints ?? []).find((p) => (x(p.x) - px) ** 2 + (y(p.y) - py) ** 2 < 64);
    if (fp) {
      const eig = (fp.eigenvalues ?? []).map((l) => (l.im === 0 ? f(l.re) : `${f(l.re)} ${l.im < 0 ? '−' : '+'} ${f(Math.abs(l.im))}i`));
      return { lines: [`${fp.stable ? 'stable' : 'unstable'} fixed point`, `${d.xName} = ${f(fp.x)}`, `${d.yName} = ${f(fp.y)}`, ...(eig.length > 0 ? [`λ = ${eig.join(', ')}`] : [])] };
    }
    if (best < 0) return { lines: [`${d.xName} = ${f(x.invert(px))}`, `${d.yName} = ${f(y.invert(py))}`] };
    return { lines: [`step ${d.firstStep + best}`, `${d.xName} = ${f(d.x[best])}`, `${d.yName} = ${f(d.y[best])}`] };
  }

  /** One row per step of the trajectory drawn. */
  csv(): string {
    const d = this.data;
    if (!d) return toCsv(['step'], []);
    return toCsv(['step', d.xName, d.yName], Array.from(d.x, (v, t) => [d.firstStep + t, v, d.y[t]]));
  }
}
