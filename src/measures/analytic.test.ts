/** Analytic and structural checks of the estimators beyond the JIDT reference vectors. */
import { describe, expect, it } from 'vitest';
import {
  EULER_GAMMA,
  aisSpec,
  computeMeasure,
  digamma,
  digammaTable,
  discreteAIS,
  discreteEntropy,
  discreteEntropyRate,
  discreteMI,
  discreteTE,
  discretiseEqualWidth,
  discretiseThreshold,
  gaussianAIS,
  gaussianEntropy,
  gaussianMI,
  gaussianSample,
  gaussianTE,
  ksgAIS,
  ksgEntropy,
  ksgEntropyRate,
  ksgMI,
  ksgTE,
  measureSignificance,
  median,
  MeasureError,
  mulberry32,
  teSpec,
} from './index.ts';

function coin(n: number, seed: number): Int32Array {
  const next = mulberry32(seed);
  return Int32Array.from({ length: n }, () => (next() < 0.5 ? 1 : 0));
}
function normals(n: number, seed: number): Float64Array {
  const next = mulberry32(seed);
  return Float64Array.from({ length: n }, () => gaussianSample(next));
}
/** y[t] = 0.6 y[t−1] + 0.5 x[t−1] + e, as the reference coupled pair. */
function coupled(n: number, seed: number): { x: Float64Array; y: Float64Array } {
  const x = normals(n, seed), e = normals(n, seed + 1), y = new Float64Array(n);
  y[0] = e[0];
  for (let t = 1; t < n; t++) y[t] = 0.6 * y[t - 1] + 0.5 * x[t - 1] + e[t];
  return { x, y };
}

/** Plug-in local CMI by string-keyed counting, as an independent check of the embedding. */
function bruteLocalCMI(rows: { x: number[]; y: number[]; z: number[] }[]): number[] {
  const count = (key: (r: (typeof rows)[number]) => string) => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
    return (r: (typeof rows)[number]) => m.get(key(r)) as number;
  };
  const cxyz = count((r) => `${r.x}|${r.y}|${r.z}`);
  const cxz = count((r) => `${r.x}|${r.z}`);
  const cyz = count((r) => `${r.y}|${r.z}`);
  const cz = count((r) => `${r.z}`);
  return rows.map((r) => Math.log2((cxyz(r) * cz(r)) / (cxz(r) * cyz(r))));
}

describe('discrete plug-in estimators', () => {
  it('a fair coin has H = 1 bit', () => {
    const x = Int32Array.from({ length: 1000 }, (_, i) => i % 2);
    const r = discreteEntropy(x);
    expect(r.average).toBe(1);
    expect(r.units).toBe('bits');
    expect(Array.from(r.locals as Float64Array).every((v) => v === 1)).toBe(true);
    expect(discreteEntropy(coin(100000, 7)).average).toBeCloseTo(1, 4);
  });

  it('I(X;X) = H(X), locally too, for base 2 and base 4', () => {
    const next = mulberry32(11);
    for (const [base, x] of [
      [2, coin(3000, 3)],
      [4, Int32Array.from({ length: 3000 }, () => Math.floor(next() * 4))],
    ] as const) {
      const mi = discreteMI(x, x, { base });
      const h = discreteEntropy(x, { base });
      expect(mi.average).toBeCloseTo(h.average, 12);
      const a = mi.locals as Float64Array, b = h.locals as Float64Array;
      for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i], 12);
    }
  });

  it('AIS + entropy rate = H(next) on the same samples', () => {
    const x = coin(2000, 5);
    for (const k of [1, 3]) {
      const a = discreteAIS(x, { k, tau: 2 });
      const h = discreteEntropyRate(x, { k, tau: 2 });
      const next = x.subarray(a.validFrom);
      expect(a.average + h.average).toBeCloseTo(discreteEntropy(next).average, 12);
    }
  });

  it('AIS with history k and delay τ embeds x[t−1−(k−1)τ … t−1] (checked against string counting)', () => {
    const next = mulberry32(21);
    const x = Int32Array.from({ length: 500 }, (_, t) => (t % 4 === 0 ? 1 : 0) ^ (next() < 0.1 ? 1 : 0));
    const k = 2, tau = 3;
    const r = discreteAIS(x, { k, tau });
    expect(r.validFrom).toBe((k - 1) * tau + 1);
    const rows = [];
    for (let t = r.validFrom; t < x.length; t++) rows.push({ x: [x[t - 4], x[t - 1]], y: [x[t]], z: [] });
    const expected = bruteLocalCMI(rows);
    const locals = r.locals as Float64Array;
    expect(locals.length).toBe(x.length);
    for (let t = 0; t < r.validFrom; t++) expect(locals[t]).toBe(0);
    expected.forEach((v, i) => expect(locals[r.validFrom + i]).toBeCloseTo(v, 12));
    expect(r.average).toBeGreaterThan(0.2);
  });

  it('TE with k, kTau, l, lTau and delay embeds as documented (checked against string counting)', () => {
    const src = coin(800, 31);
    const noise = coin(800, 32);
    const dst = Int32Array.from(src, (_, t) => (t >= 3 ? src[t - 3] ^ (noise[t] & src[t - 5 < 0 ? 0 : t - 5]) : 0));
    const opts = { k: 2, kTau: 2, l: 2, lTau: 2, delay: 3 };
    const r = discreteTE(src, dst, opts);
    expect(r.validFrom).toBe(Math.max((2 - 1) * 2 + 1, (2 - 1) * 2 + 3));
    const rows = [];
    for (let t = r.validFrom; t < src.length; t++) {
      rows.push({ x: [src[t - 5], src[t - 3]], y: [dst[t]], z: [dst[t - 3], dst[t - 1]] });
    }
    const expected = bruteLocalCMI(rows);
    const locals = r.locals as Float64Array;
    expected.forEach((v, i) => expect(locals[r.validFrom + i]).toBeCloseTo(v, 12));
    // the source–target delay matters: with delay 1 the source says little
    expect(r.average).toBeGreaterThan(0.5);
    expect(discreteTE(src, dst, { k: 2 }).average).toBeLessThan(0.1);
  });

  it('lagged MI locals are unpadded: locals[i] = i(src[i]; dst[i + lag])', () => {
    const src = coin(1000, 41);
    const dst = Int32Array.from(src, (_, t) => (t >= 2 ? src[t - 2] : 0));
    const r = discreteMI(src, dst, { lag: 2 });
    expect((r.locals as Float64Array).length).toBe(998);
    expect(r.average).toBeCloseTo(discreteEntropy(src.subarray(0, 998)).average, 12);
  });

  it('rejects non-integer data, negative values and a base too small for the data', () => {
    expect(() => discreteEntropy([0, 1, 0.5])).toThrow(MeasureError);
    expect(() => discreteEntropy([0, 1, -1])).toThrow(/non-negative integer/);
    expect(() => discreteEntropy([0, 1, 2])).toThrow(/base 2 is too small/);
    expect(discreteEntropy([0, 1, 2, 3], { base: 4 }).average).toBe(2);
    expect(() => discreteAIS([0, 1, 0], { k: 3 })).toThrow(/needs at least 4 samples/);
    expect(() => discreteTE([0, 1], [0, 1, 1])).toThrow(/equal lengths/);
  });

  it('discretises by equal-width bins and by thresholds', () => {
    expect(Array.from(discretiseEqualWidth([0, 0.24, 0.25, 0.5, 0.99, 1], 4))).toEqual([0, 0, 1, 2, 3, 3]);
    expect(Array.from(discretiseEqualWidth([2, 2, 2], 3))).toEqual([0, 0, 0]);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(Array.from(discretiseThreshold([3, 1, 2, 5], 'median'))).toEqual([1, 0, 0, 1]);
    expect(Array.from(discretiseThreshold([0.1, 0.5, 0.9], 0.5))).toEqual([0, 0, 1]);
  });
});

describe('Gaussian estimators', () => {
  it('MI of correlated normals = −½ ln(1 − ρ²)', () => {
    const n = 100000;
    for (const rho of [0.3, 0.8]) {
      const x = normals(n, 51), e = normals(n, 52);
      const y = Float64Array.from(x, (v, i) => rho * v + Math.sqrt(1 - rho * rho) * e[i]);
      const r = gaussianMI(x, y);
      expect(r.units).toBe('nats');
      expect(r.average).toBeCloseTo(-0.5 * Math.log(1 - rho * rho), 2);
      // exactly, with the sample correlation
      let sx = 0, sy = 0;
      for (let i = 0; i < n; i++) { sx += x[i]; sy += y[i]; }
      const mx = sx / n, my = sy / n;
      let cxx = 0, cyy = 0, cxy = 0;
      for (let i = 0; i < n; i++) { cxx += (x[i] - mx) ** 2; cyy += (y[i] - my) ** 2; cxy += (x[i] - mx) * (y[i] - my); }
      const r2 = (cxy * cxy) / (cxx * cyy);
      expect(r.average).toBeCloseTo(-0.5 * Math.log(1 - r2), 12);
      // mean of the locals equals the average (n−1 factors cancel in MI)
      const locals = r.locals as Float64Array;
      expect(locals.reduce((a, b) => a + b, 0) / n).toBeCloseTo(r.average, 10);
      // KSG agrees within its (small) bias
      expect(ksgMI(x.subarray(0, 5000), y.subarray(0, 5000)).average).toBeCloseTo(-0.5 * Math.log(1 - rho * rho), 1);
    }
  });

  it('entropy: closed form ½ ln(2πe σ²); mean of locals smaller by 1/(2N)', () => {
    const x = normals(1000, 61).map((v) => 2 * v);
    const r = gaussianEntropy(x);
    const locals = r.locals as Float64Array;
    expect(locals.reduce((a, b) => a + b, 0) / 1000).toBeCloseTo(r.average - 1 / 2000, 12);
    expect(r.average).toBeCloseTo(0.5 * Math.log(2 * Math.PI * Math.E * 4), 1);
  });

  it('AIS of AR(1) with coefficient a ≈ −½ ln(1 − a²); TE of the coupled pair > 0, reverse ≈ 0', () => {
    const next = mulberry32(71);
    const x = new Float64Array(50000);
    for (let t = 1; t < x.length; t++) x[t] = 0.8 * x[t - 1] + gaussianSample(next);
    expect(gaussianAIS(x).average).toBeCloseTo(-0.5 * Math.log(1 - 0.64), 2);
    const { x: s, y: d } = coupled(20000, 72);
    // T = ½ ln(var(y|y−) / var(y|y−, x−)) = ½ ln(1 + 0.25)
    expect(gaussianTE(s, d).average).toBeCloseTo(0.5 * Math.log(1.25), 2);
    expect(Math.abs(gaussianTE(d, s).average)).toBeLessThan(0.002);
  });

  it('rejects a constant series (singular covariance)', () => {
    expect(() => gaussianAIS(new Float64Array(100))).toThrow(/singular/);
  });
});

describe('KSG estimators', () => {
  it('tree and brute-force neighbour search give identical results for AIS, TE and MI, also with ties', () => {
    const n = 600;
    const raw = normals(n, 81);
    const rounded = raw.map((v) => Math.round(v * 4) / 4); // many exact ties
    for (const x of [raw, rounded]) {
      const y = Float64Array.from(x, (v, i) => (i > 0 ? 0.7 * x[i - 1] : 0) + 0.3 * v);
      const pairs: [string, (search: 'tree' | 'brute') => Float64Array][] = [
        ['ais', (search) => ksgAIS(x, { k: 3, tau: 2, search }).locals as Float64Array],
        ['ais-norm', (search) => ksgAIS(x, { k: 2, normalise: true, neighbours: 6, search }).locals as Float64Array],
        ['te', (search) => ksgTE(x, y, { k: 2, kTau: 2, l: 2, lTau: 1, delay: 3, search }).locals as Float64Array],
        ['mi', (search) => ksgMI(x, y, { lag: 1, search }).locals as Float64Array],
      ];
      for (const [name, f] of pairs) {
        const a = f('tree'), b = f('brute');
        expect(a.length, name).toBe(b.length);
        let same = 0;
        for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
        expect(same, name).toBe(a.length);
      }
    }
  });

  it('TE of a coupled pair is positive and larger than the reverse direction', () => {
    const { x, y } = coupled(3000, 91);
    const fwd = ksgTE(x, y, { k: 1 }).average;
    expect(fwd).toBeGreaterThan(0.05);
    expect(Math.abs(ksgTE(y, x, { k: 1 }).average)).toBeLessThan(fwd / 3);
  });

  it('Kozachenko–Leonenko entropy of N(0, σ²) ≈ ½ ln(2πe σ²); entropy rate of i.i.d. ≈ entropy', () => {
    const x = normals(20000, 101).map((v) => 3 * v);
    const h = 0.5 * Math.log(2 * Math.PI * Math.E * 9);
    expect(ksgEntropy(x).average).toBeCloseTo(h, 1);
    expect(ksgEntropyRate(x, { k: 2 }).average).toBeCloseTo(h, 1);
    expect(() => ksgEntropy([1, 1, 1, 1, 1, 1, 2])).toThrow(/identical neighbours/);
  });

  it('needs more samples than neighbours', () => {
    expect(() => ksgAIS(normals(5, 1), { k: 1 })).toThrow(/needs more than 4 samples/);
  });
});

describe('permutation tests', () => {
  it('TE of independent series ≈ 0 with a non-small p-value (discrete and KSG)', () => {
    const d = measureSignificance({ measure: 'te', estimator: 'discrete', k: 1 }, { source: coin(2000, 111), dest: coin(2000, 112) }, {
      surrogates: 200,
      seed: 5,
    });
    expect(d.result.average).toBeLessThan(0.005);
    expect(d.significance.p).toBeGreaterThan(0.05);
    expect(d.significance.surrogates).toHaveLength(200);
    const k = measureSignificance({ measure: 'te', estimator: 'ksg' }, { source: normals(1000, 113), dest: normals(1000, 114) }, {
      surrogates: 40,
      seed: 6,
    });
    expect(Math.abs(k.result.average)).toBeLessThan(0.03);
    expect(k.significance.p).toBeGreaterThan(0.05);
  });

  it('TE of a coupled pair is significant (small p), for all three estimators', () => {
    const { x, y } = coupled(1000, 121);
    for (const estimator of ['gaussian', 'ksg'] as const) {
      const r = measureSignificance({ measure: 'te', estimator }, { source: x, dest: y }, { surrogates: 49, seed: 1 });
      expect(r.significance.p, estimator).toBe(1 / 50);
      expect(r.significance.mean, estimator).toBeLessThan(r.result.average);
    }
    const src = coin(1000, 122), flip = coin(1000, 123);
    const dst = Int32Array.from(src, (_, t) => (t > 0 ? src[t - 1] : 0) ^ (flip[t] & (t % 5 === 0 ? 1 : 0)));
    const r = measureSignificance({ measure: 'te', estimator: 'discrete' }, { source: src, dest: dst }, { surrogates: 99, seed: 2 });
    expect(r.significance.p).toBe(0.01);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const input = { series: coin(500, 131) };
    const spec = { measure: 'ais', estimator: 'discrete', k: 2 } as const;
    const a = measureSignificance(spec, input, { surrogates: 20, seed: 9 }).significance;
    const b = measureSignificance(spec, input, { surrogates: 20, seed: 9 }).significance;
    const c = measureSignificance(spec, input, { surrogates: 20, seed: 10 }).significance;
    expect(Array.from(a.surrogates)).toEqual(Array.from(b.surrogates));
    expect(Array.from(a.surrogates)).not.toEqual(Array.from(c.surrogates));
  });

  it('is refused for entropy and entropy rate', () => {
    expect(() => measureSignificance({ measure: 'entropy', estimator: 'discrete' }, { series: [0, 1] }, { surrogates: 5, seed: 1 })).toThrow(
      MeasureError,
    );
  });
});

describe('embedding and digamma', () => {
  it('computes the valid-from index of AIS and TE as in the reference README', () => {
    expect(aisSpec(100, 4, 1).validFrom).toBe(4);
    expect(aisSpec(100, 3, 2).validFrom).toBe(5);
    expect(teSpec(100, 1, 1, 1, 1, 1).validFrom).toBe(1);
    expect(teSpec(100, 2, 1, 1, 1, 5).validFrom).toBe(5);
    expect(teSpec(100, 3, 1, 1, 1, 2).validFrom).toBe(3);
    expect(teSpec(100, 1, 1, 3, 2, 1).validFrom).toBe(5);
    expect(() => aisSpec(100, 0, 1)).toThrow(/k must be an integer/);
  });

  it('dispatches every measure × estimator through computeMeasure', () => {
    const { x, y } = coupled(300, 141);
    const bx = discretiseThreshold(x, 'median'), by = discretiseThreshold(y, 'median');
    for (const estimator of ['discrete', 'gaussian', 'ksg'] as const) {
      for (const measure of ['entropy', 'mi', 'entropy-rate', 'ais', 'te'] as const) {
        const pair = measure === 'mi' || measure === 'te';
        const [s, d] = estimator === 'discrete' ? [bx, by] : [x, y];
        const r = computeMeasure({ measure, estimator, k: 2 }, pair ? { source: s, dest: d } : { series: d });
        expect(Number.isFinite(r.average), `${measure} ${estimator}`).toBe(true);
        const n = (r.locals as Float64Array).length;
        expect(n, `${measure} ${estimator}`).toBe(300);
      }
    }
  });

  it('ψ(1) = −γ, ψ(n + 1) − ψ(n) = 1/n, ψ(½) = −γ − 2 ln 2', () => {
    expect(digamma(1)).toBeCloseTo(-EULER_GAMMA, 14);
    expect(digamma(0.5)).toBeCloseTo(-EULER_GAMMA - 2 * Math.log(2), 14);
    const t = digammaTable(1000);
    for (const n of [1, 5, 15, 16, 17, 100, 999]) expect(t[n + 1] - t[n]).toBeCloseTo(1 / n, 13);
    expect(t[1000]).toBeCloseTo(digamma(1000), 13);
  });
});
