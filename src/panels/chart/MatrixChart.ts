/**
 * A matrix as a heatmap on canvas with a colour legend: the activity heatmap (units × time) and
 * the weight matrix of an edge (target × source units). Each cell is one pixel of an offscreen
 * image scaled to the plot box (nearest neighbour), coloured through a 256-entry table.
 */
import * as d3 from 'd3';
import { ChartBase, type ChartOptions, type Readout } from './ChartBase.ts';
import { toCsv } from './exporting.ts';
import { colorDomain, colorTable, interpolator, type ColorScheme } from './colors.ts';

export interface MatrixData {
  rows: number;
  cols: number;
  /** rows × cols, row-major. */
  data: Float64Array;
  /** Column c stands for x = xFirst + c (a step, a source unit); row r for y = yFirst + r. */
  xFirst: number;
  yFirst: number;
  /** Tick labels show x × xScale (e.g. step × dt). */
  xScale: number;
  scheme: ColorScheme;
  /** Names of the row and column coordinates ("unit", "step", "target", "source") and of the value. */
  rowName: string;
  colName: string;
  valueName: string;
}

export class MatrixChart extends ChartBase<MatrixData> {
  private readonly image = document.createElement('canvas');
  private domain: [number, number] = [0, 1];

  constructor(el: HTMLElement, opts: Omit<ChartOptions, 'canvas'>) {
    super(el, { ...opts, canvas: true, margin: { right: 64, ...opts.margin } });
  }

  protected hasData(): boolean {
    return !!this.data && this.data.rows > 0 && this.data.cols > 0;
  }

  private scales() {
    const d = this.data!;
    const x = this.zoomed(d3.scaleLinear().domain([d.xFirst - 0.5, d.xFirst + d.cols - 0.5]).range([0, this.w]));
    const y = d3.scaleLinear().domain([d.yFirst - 0.5, d.yFirst + d.rows - 0.5]).range([0, this.h]);
    return { x, y };
  }

  protected draw(): void {
    if (!this.hasData()) return;
    const d = this.data!;
    const { x, y } = this.scales();
    this.drawAxes(x, y, { x: (v) => d3.format('~g')(+v * d.xScale), y: d3.format('~d') });
    this.domain = colorDomain(d.data, d.scheme);
    this.paint();
    const ctx = this.canvasContext();
    ctx.clearRect(0, 0, this.w, this.h);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(this.image, x(d.xFirst - 0.5), 0, x(d.xFirst + d.cols - 0.5) - x(d.xFirst - 0.5), this.h);
    const f = interpolator(d.scheme);
    const [lo, hi] = this.domain;
    this.drawColorLegend((v) => f((v - lo) / (hi - lo)), this.domain, d.valueName);
  }

  /** Colours every cell into the offscreen image (one pixel per cell). */
  private paint(): void {
    const d = this.data!;
    if (this.image.width !== d.cols || this.image.height !== d.rows) {
      this.image.width = d.cols;
      this.image.height = d.rows;
    }
    const ctx = this.image.getContext('2d')!;
    const img = ctx.createImageData(d.cols, d.rows);
    const px = img.data;
    const table = colorTable(d.scheme);
    const [lo, hi] = this.domain;
    const k = 255 / (hi - lo);
    for (let i = 0; i < d.data.length; i++) {
      const v = d.data[i];
      const o = i * 4;
      if (!Number.isFinite(v)) continue; // transparent
      const c = Math.max(0, Math.min(255, Math.round((v - lo) * k))) * 4;
      px[o] = table[c];
      px[o + 1] = table[c + 1];
      px[o + 2] = table[c + 2];
      px[o + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }

  protected readout(px: number, py: number): Readout | null {
    const d = this.data!;
    const { x, y } = this.scales();
    const c = Math.round(x.invert(px)) - d.xFirst;
    const r = Math.round(y.invert(py)) - d.yFirst;
    if (c < 0 || c >= d.cols || r < 0 || r >= d.rows) return null;
    const f = d3.format('.4~g');
    return { lines: [`${d.rowName} ${d.yFirst + r}, ${d.colName} ${f((d.xFirst + c) * d.xScale)}`, `${d.valueName} = ${f(d.data[r * d.cols + c])}`] };
  }

  /** The matrix drawn: a header of column coordinates, then one row per matrix row. */
  csv(): string {
    if (!this.hasData()) return toCsv([''], []);
    const d = this.data!;
    const header = [`${d.rowName}\\${d.colName}`, ...Array.from({ length: d.cols }, (_, c) => String(d.xFirst + c))];
    const rows = Array.from({ length: d.rows }, (_, r) => [d.yFirst + r, ...d.data.subarray(r * d.cols, (r + 1) * d.cols)]);
    return toCsv(header, rows);
  }
}
