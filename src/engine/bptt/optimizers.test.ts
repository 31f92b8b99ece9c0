import { describe, expect, it } from 'vitest';
import { Adam, clipByGlobalNorm, Sgd } from './optimizers.ts';

describe('optimisers against hand-computed steps', () => {
  it('SGD: θ ← θ − η·g', () => {
    const p = [Float64Array.from([1, -2]), Float64Array.from([0.5])];
    new Sgd(0.1).step(p, [Float64Array.from([0.3, -1]), Float64Array.from([2])]);
    expect(Array.from(p[0])).toEqual([1 - 0.1 * 0.3, -2 + 0.1]);
    expect(p[1][0]).toBeCloseTo(0.5 - 0.2, 15);
  });

  it('Adam: the first step moves every parameter by α·sign(g) (bias-corrected), the second as computed by hand', () => {
    const p = [Float64Array.from([1, -2, 0])];
    const adam = new Adam(0.01);
    adam.step(p, [Float64Array.from([0.5, -3, 0])]);
    // t = 1: m̂ = g, v̂ = g², Δ = α·g/(|g| + ε)
    expect(p[0][0]).toBeCloseTo(1 - (0.01 * 0.5) / (0.5 + 1e-8), 15);
    expect(p[0][1]).toBeCloseTo(-2 + (0.01 * 3) / (3 + 1e-8), 15);
    expect(p[0][2]).toBe(0);
    const before = p[0][0];
    adam.step(p, [Float64Array.from([-0.25, 0, 0])]);
    // t = 2 by hand for the first parameter
    const m = 0.9 * (0.1 * 0.5) + 0.1 * -0.25;
    const v = 0.999 * (0.001 * 0.25) + 0.001 * 0.0625;
    const mHat = m / (1 - 0.9 * 0.9);
    const vHat = v / (1 - 0.999 * 0.999);
    expect(p[0][0]).toBeCloseTo(before - (0.01 * mHat) / (Math.sqrt(vHat) + 1e-8), 15);
    expect(adam.steps).toBe(2);
  });

  it('clipping by the global norm rescales every block by c/‖g‖ and keeps directions; below c nothing changes', () => {
    const g = [Float64Array.from([3, 0]), Float64Array.from([4])];
    expect(clipByGlobalNorm(g, 1)).toBe(5);
    expect(g[0][0]).toBeCloseTo(0.6, 15);
    expect(g[0][1]).toBe(0);
    expect(g[1][0]).toBeCloseTo(0.8, 15);
    const h = [Float64Array.from([0.3, 0.4])];
    expect(clipByGlobalNorm(h, 1)).toBeCloseTo(0.5, 15);
    expect(Array.from(h[0])).toEqual([0.3, 0.4]);
    expect(clipByGlobalNorm([Float64Array.from([1, 1])], undefined)).toBeCloseTo(Math.SQRT2, 15);
  });
});
