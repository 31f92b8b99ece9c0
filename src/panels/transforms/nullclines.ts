/**
 * Nullclines and fixed points of two-dimensional rate systems for the phase portrait (pure, no
 * DOM). A system is given in a separable form that every supported model has:
 * on the nullcline of variable i,
 *     coupling_i · s_j(v_j) = own_i(v_i)      ⇒   v_j = s_j⁻¹(own_i(v_i) / coupling_i),
 * so each nullcline is drawn explicitly along its own variable (no contouring). Fixed points are
 * the intersections: sign changes of the other variable's residual along the first nullcline,
 * refined by bisection; their stability comes from the Jacobian's eigenvalues (ODE: Re λ < 0,
 * map: |λ| < 1). The systems come from the kinds' phase-plane models (model/phase-plane.ts;
 * src/kinds/wilson-cowan, ctrnn and rate).
 */

import type { Interval, PlaneSystem, Point, ReturnMap, SeparableNullcline } from '../../model/index.ts';

export interface FixedPoint {
  x: number;
  y: number;
  stable: boolean;
  /** Eigenvalues of the Jacobian (of the ODE's right-hand side, or of the map). */
  eigenvalues: { re: number; im: number }[];
}

export interface NullclineCurve {
  name: string;
  /** Polylines in (x, y) data coordinates (broken where the curve leaves its domain). */
  points: Point[][];
}

export interface PlaneAnalysis {
  nullclines: [NullclineCurve, NullclineCurve];
  fixedPoints: FixedPoint[];
}

/** Samples along a nullcline for drawing, and for the sign-change scan of fixed points. */
const DRAW_SAMPLES = 400;
const SCAN_SAMPLES = 4000;

/** Finite intersection of the model's interval with the region of interest (view ∪ bounds). */
export function sampleDomain(defined: Interval, bounds: Interval, view: Interval): Interval {
  const lo = Math.min(view[0], Number.isFinite(bounds[0]) ? bounds[0] : view[0]);
  const hi = Math.max(view[1], Number.isFinite(bounds[1]) ? bounds[1] : view[1]);
  return [Math.max(defined[0], lo), Math.min(defined[1], hi)];
}

/**
 * n points strictly inside (lo, hi), denser towards the ends (Chebyshev spacing) so curves with
 * asymptotes at the ends (F⁻¹, atanh) get close to them.
 */
export function chebyshevPoints(lo: number, hi: number, n: number): Float64Array {
  const out = new Float64Array(n);
  const mid = (lo + hi) / 2;
  const half = (hi - lo) / 2;
  for (let k = 0; k < n; k++) out[k] = mid - half * Math.cos((Math.PI * (k + 0.5)) / n);
  return out;
}

/** Roots of g on (lo, hi) from sign changes between n samples, each refined by bisection. */
export function rootsBySignChange(g: (v: number) => number, lo: number, hi: number, n = SCAN_SAMPLES): number[] {
  if (!(hi > lo)) return [];
  const vs = chebyshevPoints(lo, hi, n);
  const roots: number[] = [];
  let pv = NaN;
  let pg = NaN;
  for (let k = 0; k < n; k++) {
    const v = vs[k];
    const gv = g(v);
    if (gv === 0) roots.push(v);
    else if (Number.isFinite(gv) && Number.isFinite(pg) && pg !== 0 && gv > 0 !== pg > 0) roots.push(bisect(g, pv, v, pg));
    pv = v;
    pg = gv;
  }
  return roots;
}

/** Bisection of g on [a, b] where g(a) has sign `ga` and g(b) the other sign. */
export function bisect(g: (v: number) => number, a: number, b: number, ga = g(a)): number {
  for (let i = 0; i < 200 && Math.abs(b - a) > 1e-13 * Math.max(1, Math.abs(a)); i++) {
    const m = (a + b) / 2;
    const gm = g(m);
    if (gm === 0) return m;
    if (gm > 0 === ga > 0) {
      a = m;
      ga = gm;
    } else b = m;
  }
  return (a + b) / 2;
}

/** Eigenvalues of the 2×2 matrix [[a, b], [c, d]]. */
export function eigenvalues2(a: number, b: number, c: number, d: number): { re: number; im: number }[] {
  const half = (a + d) / 2;
  const disc = half * half - (a * d - b * c);
  if (disc >= 0) {
    const r = Math.sqrt(disc);
    return [
      { re: half + r, im: 0 },
      { re: half - r, im: 0 },
    ];
  }
  const r = Math.sqrt(-disc);
  return [
    { re: half, im: r },
    { re: half, im: -r },
  ];
}

/** Jacobian of f at (x, y) by central differences: [∂f₀/∂x, ∂f₀/∂y, ∂f₁/∂x, ∂f₁/∂y]. */
export function jacobian(f: (x: number, y: number) => Point, x: number, y: number): [number, number, number, number] {
  const hx = 1e-6 * Math.max(1, Math.abs(x));
  const hy = 1e-6 * Math.max(1, Math.abs(y));
  const [ax, bx] = f(x + hx, y);
  const [cx, dx] = f(x - hx, y);
  const [ay, by] = f(x, y + hy);
  const [cy, dy] = f(x, y - hy);
  return [(ax - cx) / (2 * hx), (ay - cy) / (2 * hy), (bx - dx) / (2 * hx), (by - dy) / (2 * hy)];
}

/** Stable: every eigenvalue has Re λ < 0 (ODE) or |λ| < 1 (map). */
export function isStable(time: PlaneSystem['time'], eig: { re: number; im: number }[]): boolean {
  return eig.every((l) => (time === 'continuous' ? l.re < 0 : Math.hypot(l.re, l.im) < 1));
}

/** The displacement whose zeros are the fixed points: the ODE's rate, or x' − x for a map. */
function residual(s: PlaneSystem, x: number, y: number): Point {
  const [fx, fy] = s.step(x, y);
  return s.time === 'continuous' ? [fx, fy] : [fx - x, fy - y];
}

/**
 * The branches of a nullcline as parametric curves v ↦ (x, y): one along its own variable when
 * it is coupled to the other, else the lines own(v) = 0 (vertical or horizontal).
 */
function branches(n: SeparableNullcline, alongX: boolean, own: Interval, other: Interval): { range: Interval; at(v: number): Point }[] {
  const put = (v: number, w: number): Point => (alongX ? [v, w] : [w, v]);
  if (n.coupling !== 0) return [{ range: own, at: (v) => put(v, n.inverse(n.own(v) / n.coupling)) }];
  return rootsBySignChange(n.own, own[0], own[1]).map((r) => ({ range: other, at: (w: number) => put(r, w) }));
}

/**
 * Nullclines (sampled over the view and the model's bounds) and every fixed point in that
 * region, classified. `view` is the region shown (e.g. the trajectory's extent); models that
 * bound their fixed points (saturating units) are searched over their whole box.
 */
export function analysePlane(s: PlaneSystem, view: { x: Interval; y: Interval }): PlaneAnalysis {
  const [nx, ny] = s.nullclines;
  const dx = sampleDomain(nx.defined, s.bounds.x, view.x);
  const dy = sampleDomain(ny.defined, s.bounds.y, view.y);
  const fullX = sampleDomain([-Infinity, Infinity], s.bounds.x, view.x);
  const fullY = sampleDomain([-Infinity, Infinity], s.bounds.y, view.y);
  const bx = branches(nx, true, dx, fullY);
  const by = branches(ny, false, dy, fullX);
  const clampTo = [fullX, fullY];
  const draw = (bs: typeof bx, name: string): NullclineCurve => ({ name, points: bs.flatMap((b) => polylines(b.at, b.range, clampTo)) });
  const found: Point[] = [];
  // Fixed points: along each branch of the x-nullcline, the y-residual changes sign.
  for (const b of bx.length > 0 ? bx : []) {
    const g = (v: number) => {
      const [x, y] = b.at(v);
      return Number.isFinite(y) && Number.isFinite(x) ? residual(s, x, y)[1] : NaN;
    };
    for (const v of rootsBySignChange(g, b.range[0], b.range[1])) found.push(b.at(v));
  }
  const fixedPoints = dedupe(found).map(([x, y]) => {
    const [a, b, c, d] = jacobian((u, w) => s.step(u, w), x, y);
    const eig = eigenvalues2(a, b, c, d);
    return { x, y, stable: isStable(s.time, eig), eigenvalues: eig };
  });
  return { nullclines: [draw(bx, nx.name), draw(by, ny.name)], fixedPoints };
}

/** Points of a parametric curve over a range, split where it is undefined; far values clamped. */
function polylines(at: (v: number) => Point, range: Interval, clampTo: Interval[]): Point[][] {
  const out: Point[][] = [];
  if (!(range[1] > range[0])) return out;
  let current: Point[] = [];
  const clamp = (v: number, [lo, hi]: Interval) => {
    const pad = (hi - lo) * 2;
    return Math.max(lo - pad, Math.min(hi + pad, v));
  };
  for (const v of chebyshevPoints(range[0], range[1], DRAW_SAMPLES)) {
    const [x, y] = at(v);
    if (Number.isFinite(x) && Number.isFinite(y)) current.push([clamp(x, clampTo[0]), clamp(y, clampTo[1])]);
    else if (current.length > 0) {
      if (current.length > 1) out.push(current);
      current = [];
    }
  }
  if (current.length > 1) out.push(current);
  return out;
}

/** Points closer than 1e-7 (relative) are one fixed point. */
function dedupe(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const scale = Math.max(1, Math.abs(p[0]), Math.abs(p[1]));
    if (!out.some((q) => Math.hypot(q[0] - p[0], q[1] - p[1]) < 1e-7 * scale)) out.push(p);
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** The map's curve, the diagonal x[t+1] = x[t], and the fixed points (stable: |map′(x*)| < 1). */
export function analyseReturnMap(m: ReturnMap, view: Interval): PlaneAnalysis {
  const [lo, hi] = sampleDomain([-Infinity, Infinity], m.bounds, view);
  const curve = polylines((v) => [v, m.map(v)], [lo, hi], [
    [lo, hi],
    [lo, hi],
  ]);
  const fixedPoints = dedupe(rootsBySignChange((v) => m.map(v) - v, lo, hi).map((v): Point => [v, v])).map(([x]) => {
    const h = 1e-6 * Math.max(1, Math.abs(x));
    const slope = (m.map(x + h) - m.map(x - h)) / (2 * h);
    return { x, y: x, stable: Math.abs(slope) < 1, eigenvalues: [{ re: slope, im: 0 }] };
  });
  return {
    nullclines: [
      { name: m.name, points: curve },
      {
        name: m.diagonal,
        points: [
          [
            [lo, lo],
            [hi, hi],
          ],
        ],
      },
    ],
    fixedPoints,
  };
}

/**
 * An analysis in other coordinates, each axis mapped on its own by a monotonic function (e.g. a
 * CTRNN's states y to the outputs σ(g(y + θ)) its probe records). Fixed points keep their
 * stability: a smooth change of coordinates leaves the Jacobian's eigenvalues unchanged.
 */
export function mapAnalysis(a: PlaneAnalysis, fx: (v: number) => number, fy: (v: number) => number): PlaneAnalysis {
  const map = ([x, y]: Point): Point => [fx(x), fy(y)];
  const curve = (c: NullclineCurve): NullclineCurve => ({ name: c.name, points: c.points.map((line) => line.map(map)) });
  return {
    nullclines: [curve(a.nullclines[0]), curve(a.nullclines[1])],
    fixedPoints: a.fixedPoints.map((p) => ({ ...p, x: fx(p.x), y: fy(p.y) })),
  };
}
