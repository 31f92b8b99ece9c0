/**
 * Standard form of a real 2×2 block, and the plane rotations used around it.
 */
import { hypot } from './scalar.ts';

/** Relative machine precision 2⁻⁵² (LAPACK's dlamch('P')). */
const EPS = Number.EPSILON;

/** Fortran's SIGN(a, b): |a| with the sign of b (b = ±0 counts as positive). */
export function sign(a: number, b: number): number {
  return b >= 0 || Object.is(b, 0) ? Math.abs(a) : -Math.abs(a);
}

/**
 * The Schur factorisation of a real 2×2 matrix in standard form (LAPACK `dlanv2`; Bai & Demmel
 * 1993):  [a b; c d] = [cs −sn; sn cs]·[aa bb; cc dd]·[cs sn; −sn cs], where either cc = 0 (two
 * real eigenvalues aa, dd) or aa = dd and bb·cc < 0 (the complex pair aa ± i·√(|bb|·|cc|)).
 * Writes [aa, bb, cc, dd, λ1re, λ1im, λ2re, λ2im, cs, sn] into `out` (λ1im ≥ 0).
 */
export function lanv2(a: number, b: number, c: number, d: number, out: Float64Array): void {
  const multpl = 4;
  let cs = 1;
  let sn = 0;
  if (c === 0) {
    // already upper triangular
  } else if (b === 0) {
    // swap rows and columns
    cs = 0;
    sn = 1;
    const t = d;
    d = a;
    a = t;
    b = -c;
    c = 0;
  } else if (a - d === 0 && sign(1, b) !== sign(1, c)) {
    // already standard complex
  } else {
    const temp = a - d;
    let p = 0.5 * temp;
    const bcmax = Math.max(Math.abs(b), Math.abs(c));
    const bcmis = Math.min(Math.abs(b), Math.abs(c)) * sign(1, b) * sign(1, c);
    const scale = Math.max(Math.abs(p), bcmax);
    let z = (p / scale) * p + (bcmax / scale) * bcmis;
    if (z >= multpl * EPS) {
      // real eigenvalues: compute a and d
      z = p + sign(Math.sqrt(scale) * Math.sqrt(z), p);
      a = d + z;
      d = d - (bcmax / z) * bcmis;
      const tau = hypot(c, z);
      cs = z / tau;
      sn = c / tau;
      b = b - c;
      c = 0;
    } else {
      // complex eigenvalues, or real (almost) equal ones: make the diagonal entries equal
      const sigma = b + c;
      const tau = hypot(sigma, temp);
      cs = Math.sqrt(0.5 * (1 + Math.abs(sigma) / tau));
      sn = -(p / (tau * cs)) * sign(1, sigma);
      const aa = a * cs + b * sn;
      const bb = -a * sn + b * cs;
      const cc = c * cs + d * sn;
      const dd = -c * sn + d * cs;
      a = aa * cs + cc * sn;
      b = bb * cs + dd * sn;
      c = -aa * sn + cc * cs;
      d = -bb * sn + dd * cs;
      const mid = 0.5 * (a + d);
      a = mid;
      d = mid;
      if (c !== 0) {
        if (b !== 0) {
          if (sign(1, b) === sign(1, c)) {
            // real eigenvalues: reduce to upper triangular form
            const sab = Math.sqrt(Math.abs(b));
            const sac = Math.sqrt(Math.abs(c));
            p = sign(sab * sac, c);
            const t = 1 / Math.sqrt(Math.abs(b + c));
            a = mid + p;
            d = mid - p;
            b = b - c;
            c = 0;
            const cs1 = sab * t;
            const sn1 = sac * t;
            const cNew = cs * cs1 - sn * sn1;
            sn = cs * sn1 + sn * cs1;
            cs = cNew;
          }
        } else {
          b = -c;
          c = 0;
          const t = cs;
          cs = -sn;
          sn = t;
        }
      }
    }
  }
  out[0] = a;
  out[1] = b;
  out[2] = c;
  out[3] = d;
  out[4] = a;
  out[6] = d;
  if (c === 0) {
    out[5] = 0;
    out[7] = 0;
  } else {
    const im = Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c));
    out[5] = im;
    out[7] = -im;
  }
  out[8] = cs;
  out[9] = sn;
}

/**
 * Apply the plane rotation (x, y) ← (cs·x + sn·y, cs·y − sn·x) to `count` pairs of entries of
 * `a`, x starting at index ix and y at iy, both advancing by `stride` (LAPACK `drot`).
 */
export function rot(a: Float64Array, ix: number, iy: number, stride: number, count: number, cs: number, sn: number): void {
  for (let k = 0; k < count; k++) {
    const x = a[ix];
    const y = a[iy];
    a[ix] = cs * x + sn * y;
    a[iy] = cs * y - sn * x;
    ix += stride;
    iy += stride;
  }
}
