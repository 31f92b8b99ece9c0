/**
 * Colour look-up tables for canvas heatmaps: 256 RGBA entries sampled once from a d3 colour
 * scheme, so mapping a million values per frame is a multiply and a table read.
 */
import * as d3 from 'd3';

export type ColorScheme = 'diverging' | 'sequential';

const tables = new Map<ColorScheme, Uint8ClampedArray>();

/** Diverging: blue (negative) – white – red (positive), RdBu reversed; sequential: viridis. */
export function interpolator(scheme: ColorScheme): (t: number) => string {
  return scheme === 'diverging' ? (t) => d3.interpolateRdBu(1 - t) : d3.interpolateViridis;
}

export function colorTable(scheme: ColorScheme): Uint8ClampedArray {
  let table = tables.get(scheme);
  if (table) return table;
  table = new Uint8ClampedArray(256 * 4);
  const f = interpolator(scheme);
  for (let k = 0; k < 256; k++) {
    const c = d3.rgb(f(k / 255));
    table.set([c.r, c.g, c.b, 255], k * 4);
  }
  tables.set(scheme, table);
  return table;
}

/** The colour domain: symmetric ±max|v| for a diverging scheme, [min, max] otherwise. */
export function colorDomain(data: ArrayLike<number>, scheme: ColorScheme): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < data.length; k++) {
    const v = data[k];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(lo <= hi)) return scheme === 'diverging' ? [-1, 1] : [0, 1];
  if (scheme === 'diverging') {
    const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    return [-m, m];
  }
  return lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi];
}
