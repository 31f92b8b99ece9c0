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
  /** rows × cols, row-major; or, with `columnMajor`, cols × rows (e.g. a probe window: steps × units, drawn units × steps). */
  data: Float64Array;
  columnMajor?: boolean;
  /** Column c stands for x = xFirst + c (a step, a source unit); row r for y = yFirst + r. */
  xFirst: number;
  yFirst: number;
  /** Tick labels show x × xScale (e.g. step × dt). */
  xScale: number;
  scheme: ColorScheme;
  /** Colour domain (values beyond it get the end colours); default: the data's (symmetric for diverging). */
  domain?: [number, number];
  /** Source units per cell when the matrix was downsampled in blocks (weights of a large edge). */
  blocks?: { rows: number; cols: number; reduce: string };
  /** Names of the row and column coordinates ("unit", "step", "target", "source") and of the value. */
  rowName: string;
  colName: string;
  valueName: string;
}

export class MatrixChart extends ChartBase<MatrixData> {
  private readonly image = document.createElement('canvas');
  private pixels: ImageData | null = null;
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
    const rowScale = d.blocks?.rows ?? 1;
    this.drawAxes(x, y, { x: (v) => d3.format('~g')(+v * d.xScale), y: (v) => d3.format('~d')(+v * rowScale) });
    this.domain = d.domain ?? colorDomain(d.data, d.scheme);
    // Only the visible columns, at most one image pixel per screen pixel.
    const c0 = Math.max(0, Math.floor(x.invert(0) - d.xFirst + 0.5));
    const c1 = Math.min(d.cols - 1, Math.ceil(x.invert(this.w) - d.xFirst - 0.5));
    const ctx = this.canvasContext();
    ctx.clearRect(0, 0, this.w, this.h);
    if (c1 >= c0) {
      const ratio = window.devicePixelRatio || 1;
      this.paint(c0, c1, Math.min(c1 - c0 + 1, Math.ceil(this.w * ratio)), Math.min(d.rows, Math.ceil(this.h * ratio)));
      ctx.imageSmoothingEnabled = false;
      const left = x(d.xFirst + c0 - 0.5);
      ctx.drawImage(this.image, left, 0, x(d.xFirst + c1 + 0.5) - left, this.h);
    }
    const f = interpolator(d.scheme);
    const [lo, hi] = this.domain;
    this.drawColorLegend((v) => f((v - lo) / (hi - lo)), this.domain, d.valueName);
  }

  /**
   * Colours columns c0…c1 into the offscreen image of iw × ih pixels; each pixel shows the cell
   * under its top-left corner (nearest neighbour), so large matrices cost the screen's pixels only.
   */
  private paint(c0: number, c1: number, iw: number, ih: number): void {
    const d = this.data!;
    if (this.image.width !== iw || this.image.height !== ih) {
      this.image.width = iw;
      this.image.height = ih;
    }
    const ctx = this.image.getContext('2d')!;
    if (this.pixels?.width !== iw || this.pixels.height !== ih) this.pixels = ctx.createImageData(iw, ih);
    const px = this.pixels.data;
    const table = colorTable(d.scheme);
    const [lo, hi] = this.domain;
    const k = 255 / (hi - lo);
    // Cell (r, c) is data[r·cols + c], or data[c·rows + r] for column-major data.
    const [rowStride, colStride] = d.columnMajor ? [1, d.rows] : [d.cols, 1];
    const span = c1 - c0 + 1;
    for (let py = 0; py < ih; py++) {
      const r = Math.floor((py * d.rows) / ih);
      for (let pxl = 0; pxl < iw; pxl++) {
        const c = c0 + Math.floor((pxl * span) / iw);
        const v = d.data[r * rowStride + c * colStride];
        const o = (py * iw + pxl) * 4;
        if (v - v !== 0) {
          px[o + 3] = 0; // not finite: transparent
          continue;
        }
        const k4 = Math.max(0, Math.min(255, Math.round((v - lo) * k))) * 4;
        px[o] = table[k4];
        px[o + 1] = table[k4 + 1];
        px[o + 2] = table[k4 + 2];
        px[o + 3] = 255;
      }
    }
    ctx.putImageData(this.pixels, 0, 0);
  }

  protected readout(px: number, py: number): Readout | null {
    const d = this.data!;
    const { x, y } = this.scales();
    const c = Math.round(x.invert(px)) - d.xFirst;
    const r = Math.round(y.invert(py)) - d.yFirst;
    if (c < 0 || c >= d.cols || r < 0 || r >= d.rows) return null;
    const f = d3.format('.4~g');
    const b = d.blocks;
    if (b && (b.rows > 1 || b.cols > 1)) {
      const span = (k: number, n: number) => (n === 1 ? `${k}` : `${k * n}–${k * n + n - 1}`);
      return { lines: [`${d.rowName}s ${span(d.yFirst + r, b.rows)}, ${d.colName}s ${span(d.xFirst + c, b.cols)}`, `${b.reduce} = ${f(this.cell(r, c))}`] };
    }
    return { lines: [`${d.rowName} ${d.yFirst + r}, ${d.colName} ${f((d.xFirst + c) * d.xScale)}`, `${d.valueName} = ${f(this.cell(r, c))}`] };
  }

  private cell(r: number, c: number): number {
    const d = this.data!;
    return d.columnMajor ? d.data[c * d.rows + r] : d.data[r * d.cols + c];
  }

  /** The matrix drawn: a header of column coordinates, then one row per matrix row. */
  csv(): string {
    if (!this.hasData()) return toCsv([''], []);
    const d = this.data!;
    const header = [`${d.rowName}\\${d.colName}`, ...Array.from({ length: d.cols }, (_, c) => String(d.xFirst + c))];
    const rows = Array.from({ length: d.rows }, (_, r) => [d.yFirst + r, ...Array.from({ length: d.cols }, (_, c) => this.cell(r, c))]);
    return toCsv(header, rows);
  }
}
