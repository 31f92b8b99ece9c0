import { describe, expect, it } from 'vitest';
import type { PlaneSystem } from '../../model/index.ts';
import { analysePlane, analyseReturnMap, bisect, eigenvalues2, isStable, mapAnalysis, rootsBySignChange } from './nullclines.ts';
import { ctrnnPlane } from '../../kinds/ctrnn/phase-plane.ts';
import { ratePlane, rateReturnMap } from '../../kinds/rate/phase-plane.ts';
import { swapAxes } from '../../kinds/shared/plane.ts';
import { wcF, wcFInverse, wilsonCowanPlane, type WilsonCowanPlane } from '../../kinds/wilson-cowan/phase-plane.ts';

/** Neuromatch W2D4 tutorial 2 default_pars (no input). */
const NEUROMATCH: WilsonCowanPlane = { tau_E: 1, a_E: 1.2, theta_E: 2.8, tau_I: 2, a_I: 1, theta_I: 4, w_EE: 9, w_EI: 4, w_IE: 13, w_II: 11, I_E: 0, I_I: 0 };
const UNIT_VIEW = { x: [0, 1] as [number, number], y: [0, 1] as [number, number] };

/** Largest |residual| of a system's nullcline points against its own equation. */
function maxNullclineResidual(s: PlaneSystem, which: 0 | 1): number {
  const a = analysePlane(s, UNIT_VIEW);
  let worst = 0;
  for (const line of a.nullclines[which].points) {
    for (const [x, y] of line) {
      const r = s.step(x, y)[which];
      const own = s.time === 'continuous' ? r : r - (which === 0 ? x : y);
      worst = Math.max(worst, Math.abs(own));
    }
  }
  return worst;
}

describe('root finding and eigenvalues', () => {
  it('bisection and sign changes find every root of a cubic', () => {
    expect(bisect((v) => v * v - 2, 0, 2)).toBeCloseTo(Math.SQRT2, 12);
    const roots = rootsBySignChange((v) => (v - 1) * (v + 0.5) * (v - 2.25), -3, 3);
    expect(roots.map((r) => +r.toFixed(10))).toEqual([-0.5, 1, 2.25]);
  });

  it('2×2 eigenvalues: real pair, complex pair', () => {
    expect(eigenvalues2(2, 0, 0, -3)).toEqual([
      { re: 2, im: 0 },
      { re: -3, im: 0 },
    ]);
    const [l1, l2] = eigenvalues2(0.125, 0.25, -0.25, 0.125);
    expect(l1.re).toBeCloseTo(0.125, 14);
    expect(Math.abs(l1.im)).toBeCloseTo(0.25, 14);
    expect(l2.im).toBeCloseTo(-l1.im, 14);
  });

  it('stability: Re λ < 0 for flows, |λ| < 1 for maps', () => {
    const eig = [
      { re: -0.5, im: 0.9 },
      { re: -0.5, im: -0.9 },
    ];
    expect(isStable('continuous', eig)).toBe(true);
    expect(isStable('discrete', eig)).toBe(false); // |λ| ≈ 1.03
  });
});

describe('Wilson–Cowan', () => {
  it('F and F⁻¹ are inverses; F(0) = 0', () => {
    expect(wcF(0, 1.2, 2.8)).toBeCloseTo(0, 15);
    for (const x of [-2, 0.3, 2.8, 6]) expect(wcFInverse(wcF(x, 1.2, 2.8), 1.2, 2.8)).toBeCloseTo(x, 9);
    expect(wcFInverse(1, 1.2, 2.8)).toBeNaN();
  });

  it('nullclines follow the tutorial formulas', () => {
    const s = wilsonCowanPlane(NEUROMATCH);
    const a = analysePlane(s, UNIT_VIEW);
    // E-nullcline: I = (w_EE E + I_ext_E − F_E⁻¹(E)) / w_EI.
    for (const [e, i] of a.nullclines[0].points[0].filter((_, k) => k % 37 === 0)) {
      if (Math.abs(i) < 5) expect(i).toBeCloseTo((9 * e - wcFInverse(e, 1.2, 2.8)) / 4, 9);
    }
    // I-nullcline: E = (F_I⁻¹(I) + w_II I − I_ext_I) / w_IE.
    for (const [e, i] of a.nullclines[1].points[0].filter((_, k) => k % 37 === 0)) {
      if (Math.abs(e) < 5) expect(e).toBeCloseTo((wcFInverse(i, 1, 4) + 11 * i) / 13, 9);
    }
    expect(maxNullclineResidual(s, 0)).toBeLessThan(1e-9);
    expect(maxNullclineResidual(s, 1)).toBeLessThan(1e-9);
  });

  it('default parameters: stable rest at 0, a saddle, and a stable high-activity state at r_E ≈ 0.938', () => {
    const { fixedPoints } = analysePlane(wilsonCowanPlane(NEUROMATCH), UNIT_VIEW);
    expect(fixedPoints).toHaveLength(3);
    const [rest, saddle, high] = fixedPoints;
    expect(rest.x).toBeCloseTo(0, 9);
    expect(rest.y).toBeCloseTo(0, 9);
    expect(rest.stable).toBe(true);
    expect(saddle.x).toBeCloseTo(0.336852, 5);
    expect(saddle.y).toBeCloseTo(0.16842, 5);
    expect(saddle.stable).toBe(false);
    expect(saddle.eigenvalues.map((l) => +l.re.toFixed(4)).sort()).toEqual([-0.8727, 1.0572]);
    expect(high.x).toBeCloseTo(0.93843, 5);
    expect(high.y).toBeCloseTo(0.672481, 5);
    expect(high.stable).toBe(true);
  });

  it('the oscillating preset (w_EE 6.4, w_EI 4.8, w_IE 6, w_II 1.2, I_ext_E 0.8) has one unstable focus', () => {
    const s = wilsonCowanPlane({ ...NEUROMATCH, w_EE: 6.4, w_EI: 4.8, w_IE: 6, w_II: 1.2, I_E: 0.8 });
    const { fixedPoints } = analysePlane(s, UNIT_VIEW);
    expect(fixedPoints).toHaveLength(1);
    const [p] = fixedPoints;
    expect(p.stable).toBe(false);
    expect(p.eigenvalues[0].im).not.toBe(0);
    const [de, di] = s.step(p.x, p.y);
    expect(Math.hypot(de, di)).toBeLessThan(1e-10);
  });

  it('swapping the axes swaps the nullclines and the fixed points', () => {
    const a = analysePlane(swapAxes(wilsonCowanPlane(NEUROMATCH)), UNIT_VIEW);
    expect(a.nullclines[0].name).toMatch(/^I-nullcline/);
    expect(a.fixedPoints.map((p) => +p.y.toFixed(5) || 0)).toEqual([0, 0.33685, 0.93843]);
  });
});

describe('CTRNN (Beer 1995)', () => {
  // Beer's centre-crossing oscillator: θ_i = −Σ_j w_ij / 2 puts a fixed point at y* = −θ (σ = ½).
  const beer = ctrnnPlane({ tau: [1, 1], bias: [-2.75, -1.75], gain: [1, 1], w: [[4.5, 1], [-1, 4.5]], input: [0, 0] }, ['y1', 'y2']);

  it('the centre-crossing fixed point is the only one, an unstable focus with λ = 1/8 ± i/4', () => {
    const { fixedPoints } = analysePlane(beer, { x: [0, 5], y: [0, 4] });
    expect(fixedPoints).toHaveLength(1);
    const [p] = fixedPoints;
    expect(p.x).toBeCloseTo(2.75, 9);
    expect(p.y).toBeCloseTo(1.75, 9);
    expect(p.stable).toBe(false);
    expect(p.eigenvalues[0].re).toBeCloseTo(0.125, 6);
    expect(Math.abs(p.eigenvalues[0].im)).toBeCloseTo(0.25, 6);
  });

  it('nullclines: ẏ_1 = 0 is y2 = σ⁻¹((y1 − w11 σ(y1 + θ1))/w12) − θ2', () => {
    const a = analysePlane(beer, { x: [0, 5], y: [0, 4] });
    const sig = (z: number) => 1 / (1 + Math.exp(-z));
    const [y1, y2] = a.nullclines[0].points[0][100];
    const u = (y1 - 4.5 * sig(y1 - 2.75)) / 1;
    expect(y2).toBeCloseTo(Math.log(u / (1 - u)) + 1.75, 9);
  });

  it('mapped to output coordinates: points move, stability stays', () => {
    const a = analysePlane(beer, { x: [0, 5], y: [0, 4] });
    const shown = mapAnalysis(a, (y) => 1 / (1 + Math.exp(-(y - 2.75))), (y) => 1 / (1 + Math.exp(-(y - 1.75))));
    expect(shown.fixedPoints[0]).toMatchObject({ x: expect.closeTo(0.5, 9), y: expect.closeTo(0.5, 9), stable: false });
    expect(shown.nullclines[0].points.flat().every(([x, y]) => x >= 0 && x <= 1 && y >= 0 && y <= 1)).toBe(true);
  });

  it('uncoupled units (w12 = w21 = 0): nullclines are straight lines at the 1-D roots', () => {
    const s = ctrnnPlane({ tau: [1, 1], bias: [0, 0], gain: [1, 1], w: [[0, 0], [0, 0]], input: [0.5, -0.25] }, ['a', 'b']);
    const a = analysePlane(s, { x: [-1, 1], y: [-1, 1] });
    expect(a.nullclines[0].points).toHaveLength(1);
    expect(a.nullclines[0].points[0].every(([x]) => Math.abs(x - 0.5) < 1e-9)).toBe(true);
    expect(a.fixedPoints).toHaveLength(1);
    expect(a.fixedPoints[0]).toMatchObject({ stable: true });
    expect(a.fixedPoints[0].x).toBeCloseTo(0.5, 9);
    expect(a.fixedPoints[0].y).toBeCloseTo(-0.25, 9);
  });
});

describe('rate maps', () => {
  it('linear units: the fixed point solves (I − W) x = b; the nullclines are lines', () => {
    const s = ratePlane({ activation: ['linear', 'linear'], leak: [1, 1], w: [[0.5, 0.2], [-0.3, 0.4]], drive: [1, 0.5], order: 'together' }, ['x', 'y']);
    const { fixedPoints, nullclines } = analysePlane(s, { x: [-3, 3], y: [-3, 3] });
    // (I − W) = [[0.5, −0.2], [0.3, 0.6]], det 0.36: x = (0.6·1 + 0.2·0.5)/0.36, y = (0.5·0.5 − 0.3·1)/0.36.
    expect(fixedPoints).toHaveLength(1);
    expect(fixedPoints[0].x).toBeCloseTo(0.7 / 0.36, 8);
    expect(fixedPoints[0].y).toBeCloseTo(-0.05 / 0.36, 8);
    // Eigenvalues of W: 0.45 ± i·√(0.0575): |λ| ≈ 0.51 < 1.
    expect(fixedPoints[0].stable).toBe(true);
    expect(fixedPoints[0].eigenvalues[0].re).toBeCloseTo(0.45, 6);
    const line = nullclines[0].points[0];
    const [x0, y0] = line[0];
    const [x1, y1] = line[line.length - 1];
    // x-nullcline: 0.2 y = x − 0.5 x − 1 → slope 2.5.
    expect((y1 - y0) / (x1 - x0)).toBeCloseTo(2.5, 8);
  });

  it('leak changes stability, not the fixed points; the Jacobian is the leaky map’s', () => {
    const w: [[number, number], [number, number]] = [[2, 0], [0, 0.5]];
    const fast = analysePlane(ratePlane({ activation: ['tanh', 'tanh'], leak: [1, 1], w, drive: [0, 0], order: 'together' }, ['x', 'y']), { x: [-1, 1], y: [-1, 1] });
    const slow = analysePlane(ratePlane({ activation: ['tanh', 'tanh'], leak: [0.3, 0.3], w, drive: [0, 0], order: 'together' }, ['x', 'y']), { x: [-1, 1], y: [-1, 1] });
    expect(fast.fixedPoints.map((p) => +p.x.toFixed(6))).toEqual([-0.957504, 0, 0.957504]);
    expect(slow.fixedPoints.map((p) => +p.x.toFixed(6))).toEqual([-0.957504, 0, 0.957504]);
    // At the origin: λ = w (a = 1) or 1 − a + a·w (a = 0.3): 2 → 1.3 (unstable either way), 0.5 → 0.85.
    const origin = slow.fixedPoints[1].eigenvalues.map((l) => +l.re.toFixed(6)).sort();
    expect(origin).toEqual([0.85, 1.3]);
    expect(fast.fixedPoints.map((p) => p.stable)).toEqual([true, false, true]);
  });

  it('a delay-0 edge makes the update sequential: same fixed points, the composed Jacobian', () => {
    const base = { activation: ['linear', 'linear'] as ['linear', 'linear'], leak: [1, 1] as [number, number], w: [[0, 1], [-1, 0]] as [[number, number], [number, number]], drive: [0, 0] as [number, number] };
    const together = analysePlane(ratePlane({ ...base, order: 'together' }, ['x', 'y']), { x: [-1, 1], y: [-1, 1] });
    const sequential = analysePlane(ratePlane({ ...base, order: 'x-first' }, ['x', 'y']), { x: [-1, 1], y: [-1, 1] });
    // Rotation by 90°: λ = ±i (|λ| = 1, not stable). Sequential: x' = y, y' = −x' = −y → J = [[0, 1], [0, −1]].
    expect(together.fixedPoints[0].eigenvalues.map((l) => +Math.hypot(l.re, l.im).toFixed(9))).toEqual([1, 1]);
    expect(sequential.fixedPoints[0].eigenvalues.map((l) => +l.re.toFixed(9)).sort()).toEqual([-1, 0]);
  });

  it('the self-connected tanh unit (w = 2): fixed points 0 (unstable) and ±0.9575 (stable, slope 2(1 − x*²))', () => {
    const m = rateReturnMap({ activation: 'tanh', leak: 1, w: 2, drive: 0 }, 'x');
    const a = analyseReturnMap(m, [-0.2, 0.2]);
    expect(a.fixedPoints.map((p) => +p.x.toFixed(6))).toEqual([-0.957504, 0, 0.957504]);
    expect(a.fixedPoints.map((p) => p.stable)).toEqual([true, false, true]);
    const x = a.fixedPoints[2].x;
    expect(a.fixedPoints[2].eigenvalues[0].re).toBeCloseTo(2 * (1 - x * x), 6);
    expect(a.nullclines[0].name).toBe('x[t+1] = tanh(2·x)');
    expect(a.nullclines[1].name).toBe('x[t+1] = x[t]');
    // Drawn over the unit's whole range (−1, 1), not just the view.
    expect(a.nullclines[0].points[0][0][0]).toBeLessThan(-0.99);
  });

  it('w < 1: only the origin, stable', () => {
    const a = analyseReturnMap(rateReturnMap({ activation: 'tanh', leak: 1, w: 0.8, drive: 0 }, 'x'), [-1, 1]);
    expect(a.fixedPoints).toHaveLength(1);
    expect(a.fixedPoints[0]).toMatchObject({ x: expect.closeTo(0, 9), stable: true });
  });
});
