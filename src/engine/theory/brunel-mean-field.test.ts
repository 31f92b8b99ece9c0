import { describe, expect, it } from 'vitest';
import { erfcx } from '../math/erfcx.ts';
import { brunelRate, inputMoments, siegertRate, thresholdRate, type BrunelParams } from './brunel-mean-field.ts';

/** Brunel 2000, Fig. 8: τ = 20 ms, θ = 20 mV, V_r = 10 mV, τ_rp = 2 ms, J = 0.1 mV, C_E = 1000, γ = 0.25. */
const fig8 = (g: number, eta: number): BrunelParams => ({ tau: 20, theta: 20, vReset: 10, tRef: 2, J: 0.1, CE: 1000, g, gamma: 0.25, nuExt: eta * 10 });

describe('erfcx', () => {
  it('matches reference values (scipy.special.erfcx 1.10) to 1e-13 relative', () => {
    const ref: [number, number][] = [
      [-6, 8622463094230390.0],
      [-3, 16205.988853999586],
      [-1.5, 18.653886256262734],
      [-0.5, 1.952360489182557],
      [0, 1.0],
      [0.3, 0.7345993345676554],
      [1, 0.427583576155807],
      [1.99, 0.25646783671952994],
      [2, 0.2553956763105058],
      [2.5, 0.2108063640611436],
      [3.9, 0.14031418160068973],
      [4, 0.1369994576250614],
      [7, 0.07980005432915295],
      [10, 0.05614099274382259],
      [30, 0.018795888861416754],
    ];
    for (const [x, y] of ref) expect(Math.abs(erfcx(x) / y - 1), `erfcx(${x})`).toBeLessThan(1e-13);
  });
});

describe('Brunel 2000 mean-field rate (model A)', () => {
  it('ν_thr = θ/(J·C_E·τ) = 10 Hz for the paper’s network', () => {
    expect(thresholdRate(fig8(5, 2))).toBeCloseTo(10, 12);
  });

  it('μ and σ follow eqs. 4–5', () => {
    const { mu, sigma } = inputMoments(fig8(5, 2), 40);
    // μ = 1000·0.1·20·(0.02 + 0.04·(1 − 1.25)) = 20 mV; σ² = 0.01·1000·20·(0.02 + 0.04·7.25) = 62 mV².
    expect(mu).toBeCloseTo(20, 12);
    expect(sigma * sigma).toBeCloseTo(62, 10);
  });

  it('Siegert’s rate: no noise below threshold is silent; the deterministic limit above it is 1/(τ_rp + τ ln((μ − V_r)/(μ − θ)))', () => {
    const p = fig8(5, 2);
    expect(siegertRate(p, 15, 0.05)).toBeLessThan(1e-100);
    const mu = 30;
    expect(siegertRate(p, mu, 0.01)).toBeCloseTo(1000 / (2 + 20 * Math.log((mu - 10) / (mu - 20))), 3);
  });

  it('the self-consistent rates equal those of an independent solution (scipy quad + brentq) to 1e-8', () => {
    // /usr/bin/python3, scipy 1.10.1: quad(erfcx(−u)) at 1e-13, brentq on (1e-9, 0.5)/ms.
    const ref: [number, number, number][] = [
      [5, 2, 37.949697085763376],
      [6, 2, 22.84979296698086],
      [5, 4, 90.72469198125573],
      [6, 4, 55.84126237616999],
    ];
    for (const [g, eta, rate] of ref) {
      const r = brunelRate(fig8(g, eta));
      expect(Math.abs(r.rate / rate - 1), `g = ${g}, ν_ext/ν_thr = ${eta}`).toBeLessThan(1e-8);
      const { mu, sigma } = inputMoments(fig8(g, eta), r.rate);
      expect(siegertRate(fig8(g, eta), mu, sigma)).toBeCloseTo(r.rate, 8);
    }
  });

  it('stronger inhibition lowers the rate, stronger drive raises it', () => {
    expect(brunelRate(fig8(6, 2)).rate).toBeLessThan(brunelRate(fig8(5, 2)).rate);
    expect(brunelRate(fig8(5, 4)).rate).toBeGreaterThan(brunelRate(fig8(5, 2)).rate);
  });
});
