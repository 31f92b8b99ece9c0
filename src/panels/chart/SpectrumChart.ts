/**
 * Eigenvalues of a weight matrix in the complex plane (equal scales on both axes), with the unit
 * circle (dashed) and the circle of the spectral radius ρ = max |λ|.
 */
import * as d3 from 'd3';
import { ChartBase, type ChartOptions, type Readout } from './ChartBase.ts';
import { toCsv } from './exporting.ts';
import { nearestEigenvalue, summarizeSpectrum } from '../transforms/spectrum.ts';

export interface SpectrumData {
  re: Float64Array;
  im: Float64Array;
  /** The spectral radius when the eigenvalues are not all there (a large matrix): only the circles are drawn. */
  radius?: number;
  /** Why the eigenvalues are missing, shown in the legend. */
  note?: string;
}

export class SpectrumChart extends ChartBase<SpectrumData> {
  constructor(el: HTMLElement, opts: Omit<ChartOptions, 'canvas' | 'zoomX'>) {
    super(el, opts);
  }

  protected hasData(): boolean {
    return !!this.data && (this.data.re.length > 0 || this.data.radius !== undefined);
  }

  private scales() {
    const radius = this.data!.radius ?? summarizeSpectrum(this.data!.re, this.data!.im).radius;
    const r = Math.max(1.15, radius * 1.1);
    const side = Math.min(this.w, this.h);
    const cx = this.w / 2;
    const cy = this.h / 2;
    return {
      radius,
      x: d3.scaleLinear().domain([-r, r]).range([cx - side / 2, cx + side / 2]),
      y: d3.scaleLinear().domain([-r, r]).range([cy + side / 2, cy - side / 2]),
    };
  }

  protected draw(): void {
    if (!this.hasData()) return;
    const d = this.data!;
    const { x, y, radius } = this.scales();
    this.drawAxes(x, y, { grid: true });
    const circles = [
      { r: 1, cls: 'chart__unit-circle' },
      { r: radius, cls: 'chart__radius-circle' },
    ];
    this.marks
      .selectAll<SVGCircleElement, (typeof circles)[number]>('circle.chart__ring')
      .data(circles)
      .join('circle')
      .attr('class', (c) => `chart__ring ${c.cls}`)
      .attr('cx', x(0))
      .attr('cy', y(0))
      .attr('r', (c) => x(c.r) - x(0));
    this.marks
      .selectAll<SVGCircleElement, number>('circle.chart__eigenvalue')
      .data(d3.range(d.re.length))
      .join('circle')
      .attr('class', 'chart__eigenvalue')
      .attr('r', d.re.length > 300 ? 2 : 3)
      .attr('cx', (k) => x(d.re[k]))
      .attr('cy', (k) => y(d.im[k]));
    this.marks
      .selectAll<SVGTextElement, number>('text.chart__radius-label')
      .data([radius])
      .join('text')
      .attr('class', 'chart__radius-label')
      .attr('x', x(radius * Math.SQRT1_2) + 4)
      .attr('y', y(radius * Math.SQRT1_2) - 4)
      .text((r) => `ρ = ${d3.format('.4f')(r)}`)
      // kept inside the plot: moved left when the ring reaches the plot's right edge
      .attr('x', (_, i, nodes) => Math.max(0, Math.min(x(radius * Math.SQRT1_2) + 4, this.w - (nodes[i].getComputedTextLength?.() ?? 0) - 2)));
    this.drawLegend([
      d.note ? { name: d.note, color: 'transparent' } : { name: `${d.re.length} λ`, color: 'var(--accent)', mark: 'band' as const },
      { name: `ρ = ${d3.format('.4f')(radius)}`, color: 'var(--chart-radius)' },
      { name: '|λ| = 1', color: 'var(--text-muted)', mark: 'dash' },
    ]);
  }

  protected readout(px: number, py: number): Readout | null {
    const d = this.data!;
    const { x, y } = this.scales();
    const k = nearestEigenvalue(d.re, d.im, x.invert(px), y.invert(py));
    if (k < 0) return null;
    const f = d3.format('.4~g');
    return { lines: [`λ = ${f(d.re[k])} ${d.im[k] < 0 ? '−' : '+'} ${f(Math.abs(d.im[k]))}i`, `|λ| = ${f(Math.hypot(d.re[k], d.im[k]))}`] };
  }

  /** Every eigenvalue drawn: real part, imaginary part, modulus. */
  csv(): string {
    const d = this.data;
    return toCsv(['re', 'im', 'abs'], d ? Array.from(d.re, (re, k) => [re, d.im[k], Math.hypot(re, d.im[k])]) : []);
  }
}
