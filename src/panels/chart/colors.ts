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

/** A colour domain holding [lo, hi], widened to a rounded bound (1, 2 or 5 × 10^k): symmetric when diverging. */
export function widenDomain(current: [number, number] | null, lo: number, hi: number, scheme: ColorScheme): [number, number] {
  if (current && lo >= current[0] && hi <= current[1]) return current;
  const round = (v: number) => {
    if (v <= 0) return 0;
    const p = 10 ** Math.floor(Math.log10(v));
    return (v <= p ? 1 : v <= 2 * p ? 2 : v <= 5 * p ? 5 : 10) * p;
  };
  if (scheme === 'diverging') {
    const m = round(Math.max(Math.abs(lo), Math.abs(hi), current ? current[1] : 0)) || 1;
    return [-m, m];
  }
  const a = Math.min(lo, current?.[0] ?? lo);
  const b = Math.max(hi, current?.[1] ?? hi);
  const out: [number, number] = [a < 0 ? -round(-a) : 0, b > 0 ? round(b) : 0];
  return out[0] === out[1] ? [out[0] - 0.5, out[1] + 0.5] : out;
}
