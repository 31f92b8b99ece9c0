/**
 * Time × unit charts drawn from a live probe window (activity heatmap, raster), incrementally.
 * The image lives in an offscreen canvas with one column per bin of S steps (bins aligned to step
 * numbers, S chosen so a bin is about one device pixel wide) and one row per device pixel (or
 * unit). When new steps arrive the image shifts left by the new bins (drawImage onto itself) and
 * only those bins are painted; the visible canvas gets the image scaled into the plot box. A
 * resize, zoom, reset or a change of colours repaints the whole window once.
 */
import * as d3 from 'd3';
import { ChartBase, type ChartOptions } from './ChartBase.ts';

/** What the charts read of a probe window (a ProbeWindow is one). */
export interface StripWindow {
  readonly width: number;
  readonly capacity: number;
  readonly count: number;
  readonly lastStep: number;
  readonly firstStep: number;
  /** Values of step `step` (a view, read at once). */
  row(step: number): Float64Array;
  at(step: number, unit: number): number;
}

export interface StripData {
  window: StripWindow;
  /** Units shown (the first `units` of the window's). */
  units: number;
  /** Duration of a step: tick labels show step × xScale. */
  xScale: number;
  /** Changes when colours, event rules or the run change (a reset, a live edit): forces a full repaint. */
  look: string;
}

export abstract class StripChart<D extends StripData> extends ChartBase<D> {
  private readonly image = document.createElement('canvas');
  private layoutKey = '';
  /** Last step painted into the image (0: nothing). */
  private painted = 0;
  private stepsPerBin = 1;
  private cols = 0;
  private rows = 0;
  private source: StripWindow | null = null;

  constructor(el: HTMLElement, opts: Omit<ChartOptions, 'canvas' | 'zoomX'>) {
    super(el, { ...opts, canvas: true, zoomX: true });
  }

  protected hasData(): boolean {
    return !!this.data && this.data.window.count > 0 && this.data.units > 0;
  }

  protected scales() {
    const w = this.data!.window;
    const x = this.zoomed(d3.scaleLinear().domain([w.firstStep - 0.5, Math.max(w.firstStep + 0.5, w.lastStep + 0.5)]).range([0, this.w]));
    const y = d3.scaleLinear().domain([0, Math.max(1, this.data!.units)]).range([0, this.h]);
    return { x, y };
  }

  /**
   * Paints the bin of steps from…to into `column` (one RGBA word per image row, zeroed): each
   * image row r stands for units [r·units/rows, (r+1)·units/rows).
   */
  protected abstract paintColumn(from: number, to: number, rows: number, column: Uint32Array): void;

  /** Axes, then the image brought up to date and shown in the plot box. */
  protected drawStrip(): { x: d3.ScaleLinear<number, number>; y: d3.ScaleLinear<number, number> } {
    const d = this.data!;
    const { x, y } = this.scales();
    this.drawAxes(x, y, { x: (v) => d3.format('~g')(+v * d.xScale), y: d3.format('~d') });
    const ratio = window.devicePixelRatio || 1;
    const visibleSteps = Math.max(1, x.invert(this.w) - x.invert(0));
    this.layout(Math.max(1, Math.ceil(visibleSteps / Math.max(1, this.w * ratio))), Math.max(1, Math.min(d.units, Math.round(this.h * ratio))));
    this.bringUpToDate();
    const ctx = this.canvasContext();
    ctx.clearRect(0, 0, this.w, this.h);
    ctx.imageSmoothingEnabled = false;
    const lastBin = Math.floor(this.painted / this.stepsPerBin);
    const left = x((lastBin - this.cols + 1) * this.stepsPerBin - 0.5);
    const right = x((lastBin + 1) * this.stepsPerBin - 0.5);
    ctx.drawImage(this.image, left, 0, right - left, this.h);
    return { x, y };
  }

  private layout(stepsPerBin: number, rows: number): void {
    const d = this.data!;
    const cols = Math.ceil(d.window.capacity / stepsPerBin) + 1;
    const key = `${stepsPerBin}|${cols}|${rows}|${d.units}|${d.look}`;
    if (key === this.layoutKey) return;
    this.layoutKey = key;
    this.stepsPerBin = stepsPerBin;
    this.cols = cols;
    this.rows = rows;
    this.image.width = cols;
    this.image.height = rows;
    this.painted = 0;
  }

  /** Paints the bins with new steps (shifting the image), or everything after a reset or gap. */
  private bringUpToDate(): void {
    const w = this.data!.window;
    const S = this.stepsPerBin;
    const bin = (step: number) => Math.floor(step / S);
    const ctx = this.image.getContext('2d')!;
    if (w !== this.source) this.painted = 0;
    this.source = w;
    const full = this.painted === 0 || w.lastStep < this.painted || w.firstStep > this.painted + 1 || w.lastStep - this.painted >= w.capacity || bin(w.lastStep) - bin(this.painted) >= this.cols;
    if (!full && w.lastStep === this.painted) return;
    const fromBin = full ? bin(w.firstStep) : bin(this.painted);
    const toBin = bin(w.lastStep);
    if (full) ctx.clearRect(0, 0, this.cols, this.rows);
    else if (toBin > fromBin) {
      ctx.globalCompositeOperation = 'copy';
      ctx.drawImage(this.image, fromBin - toBin, 0);
      ctx.globalCompositeOperation = 'source-over';
    }
    const k = Math.min(this.cols, toBin - fromBin + 1);
    const img = ctx.createImageData(k, this.rows);
    const words = new Uint32Array(img.data.buffer);
    const column = new Uint32Array(this.rows);
    for (let c = 0; c < k; c++) {
      const b = toBin - k + 1 + c;
      const from = Math.max(b * S, w.firstStep);
      const to = Math.min((b + 1) * S - 1, w.lastStep);
      column.fill(0);
      if (to >= from) this.paintColumn(from, to, this.rows, column);
      for (let r = 0; r < this.rows; r++) words[r * k + c] = column[r];
    }
    ctx.putImageData(img, this.cols - k, 0);
    this.painted = w.lastStep;
  }

  /** Forgets the image (the next draw repaints the whole window). */
  protected invalidate(): void {
    this.painted = 0;
  }
}

/** One RGBA word (little-endian canvas byte order) of a colour. */
export function rgbaWord(r: number, g: number, b: number, a = 255): number {
  return new Uint32Array(new Uint8ClampedArray([r, g, b, a]).buffer)[0];
}
