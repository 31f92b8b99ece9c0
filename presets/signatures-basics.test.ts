/**
 * Signature behaviour of the presets of chapters 1–4 (single neurons, feed-forward vs recurrent,
 * single recurrent units, small networks), each run from its own file and seed.
 */
import { describe, expect, it } from 'vitest';
import { describeSchedule, Simulator } from '../src/engine/index.ts';
import { loadPreset, rawEdgeParams, rawNodeParams } from '../src/test-support/docs.ts';
import { column, diffs, mean, record, spikeTimes, std } from '../src/test-support/run.ts';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Times (steps) of the local maxima of a trace from step `from` on. */
function peaks(xs: number[], from: number): number[] {
  const out: number[] = [];
  for (let t = Math.max(1, from); t < xs.length - 1; t++) if (xs[t] > xs[t - 1] && xs[t] >= xs[t + 1]) out.push(t);
  return out;
}

describe('chapter 1: a single neuron', () => {
  it('single-neuron: y = σ(w·u + b) at every step, so the (u, y) trail is the monotone f–I curve', () => {
    const r = record(Simulator.fromDocument(loadPreset('single-neuron')), ['u', 'y'], 800);
    const u = column(r.u);
    const y = column(r.y);
    y.forEach((v, t) => expect(v).toBeCloseTo(sigmoid(u[t]), 12));
    expect(Math.min(...u)).toBeLessThan(-5.9);
    expect(Math.max(...u)).toBeGreaterThan(5.9);
    const byInput = u.map((x, t) => [x, y[t]]).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < byInput.length; i++) expect(byInput[i][1]).toBeGreaterThanOrEqual(byInput[i - 1][1]);
  });

  it('single-lif: silent below the rheobase (V settles at v_rest + r_m·I = −55 mV); above it fires at 1/(t_ref + τ ln(RI/(RI − 15 mV)))', () => {
    const doc = loadPreset('single-lif');
    const r = record(Simulator.fromDocument(doc), ['n', 'n.v'], 5000);
    const spikes = spikeTimes(column(r.n), doc.dt);
    expect(spikes.filter((t) => t <= 100)).toEqual([]);
    expect(column(r['n.v'])[999]).toBeCloseTo(-55, 2);
    const isi = diffs(spikes);
    const rate = 1000 / mean(isi);
    const expected = 1000 / (2 + 10 * Math.log(20 / 5)); // 63.0 Hz
    expect(std(isi)).toBeLessThan(0.11); // one step of jitter at most
    expect(Math.abs(rate - expected)).toBeLessThan(0.5);
    console.log(`single-lif: ${rate.toFixed(2)} Hz (analytic ${expected.toFixed(2)} Hz)`);
  });
});

describe('chapter 2: feed-forward versus recurrent', () => {
  it('ff-vs-recurrent: the feed-forward unit forgets the pulse after one step, the recurrent one keeps 0.9^k of it', () => {
    const r = record(Simulator.fromDocument(loadPreset('ff-vs-recurrent')), ['ff', 'rec'], 80);
    const ff = column(r.ff);
    const rec = column(r.rec);
    ff.forEach((v, t) => expect(v).toBe(t === 20 ? 1 : 0));
    rec.forEach((v, t) => expect(v).toBeCloseTo(t < 20 ? 0 : 0.9 ** (t - 20), 12));
    expect(rec[50]).toBeGreaterThan(0.04); // 30 steps later the loop still remembers
  });
});

describe('chapter 3: dynamics of single recurrent units', () => {
  const settle = (w: number) => {
    const doc = loadPreset('self-connected-unit', (raw) => {
      rawEdgeParams(raw, 'self').weight.value = w;
    });
    return column(record(Simulator.fromDocument(doc), ['x'], 240).x);
  };

  it('self-connected-unit: with w = 2 > 1 a pulse switches it between the two stable fixed points ±x*, x* = tanh(2x*); with w < 1 it forgets', () => {
    const x = settle(2);
    const star = x[110];
    expect(star).toBeCloseTo(Math.tanh(2 * star), 10);
    expect(star).toBeCloseTo(0.9575, 3);
    expect(x[15]).toBe(0); // the origin, before any pulse
    expect(x[235]).toBeCloseTo(-star, 10); // switched by the negative pulse, and held
    for (const w of [0.5, 0.9]) {
      const y = settle(w);
      expect(Math.abs(y[110])).toBeLessThan(1e-3);
      expect(Math.abs(y[235])).toBeLessThan(1e-3);
    }
  });

  it("ctrnn-oscillator: Beer's circuit oscillates with a steady period (measured) and amplitude", () => {
    const doc = loadPreset('ctrnn-oscillator');
    const y = column(record(Simulator.fromDocument(doc), ['c.y'], 12000)['c.y']);
    const p = peaks(y, 2000);
    const periods = diffs(p).map((s) => s * doc.dt);
    expect(periods.length).toBeGreaterThanOrEqual(10);
    const period = mean(periods);
    expect(std(periods)).toBeLessThanOrEqual(doc.dt);
    const late = y.slice(2000);
    expect(Math.max(...late) - Math.min(...late)).toBeGreaterThan(2);
    // One ODE system (delay-0 self-coupling, RK4): the circuit's own period, 29.0 τ.
    expect(Math.abs(period - 29.0)).toBeLessThan(0.1);
    expect(describeSchedule(Simulator.fromDocument(doc).program.schedule).filter((o) => o.type === 'integrate').map((o) => o.nodes)).toEqual([['c']]);
    console.log(`ctrnn-oscillator: period ${period.toFixed(3)} (τ units), y₁ range ${Math.min(...late).toFixed(2)}…${Math.max(...late).toFixed(2)}`);
  });

  it('wilson-cowan: the preset reaches a limit cycle; with the Neuromatch defaults it settles on a fixed point', () => {
    const doc = loadPreset('wilson-cowan');
    const E = column(record(Simulator.fromDocument(doc), ['wc.E'], 3000)['wc.E']);
    const p = peaks(E, 1000).map((t) => t * doc.dt);
    const period = mean(diffs(p));
    expect(std(diffs(p))).toBeLessThan(0.15);
    const late = E.slice(1000);
    expect(Math.max(...late) - Math.min(...late)).toBeGreaterThan(0.2);
    const fixed = loadPreset('wilson-cowan', (raw) => {
      Object.assign(rawNodeParams(raw, 'wc'), { w_EE: 9, w_EI: 4, w_IE: 13, w_II: 11, I_ext_E: 0, init_E: 0.33, init_I: 0.15 });
    });
    const F = column(record(Simulator.fromDocument(fixed), ['wc.E'], 3000)['wc.E']);
    const tail = F.slice(2500);
    expect(Math.max(...tail) - Math.min(...tail)).toBeLessThan(1e-9);
    expect(F[F.length - 1]).toBeGreaterThan(0.5); // the high-activity fixed point
    // The second column, coupled E → E without delay: one ODE system; coupled at 0.1 the columns lock in phase.
    expect(describeSchedule(Simulator.fromDocument(doc).program.schedule).filter((o) => o.type === 'integrate').map((o) => o.nodes)).toEqual([['wc', 'wc2']]);
    const correlation = (coupling: number) => {
      const coupled = loadPreset('wilson-cowan', (raw) => {
        for (const id of ['c12', 'c21']) (rawEdgeParams(raw, id).weight.values as number[][])[0][0] = coupling;
      });
      const r = record(Simulator.fromDocument(coupled), ['wc.E', 'wc2.E'], 6000);
      const a = column(r['wc.E']).slice(5000);
      const b = column(r['wc2.E']).slice(5000);
      const ma = mean(a);
      const mb = mean(b);
      return mean(a.map((v, t) => (v - ma) * (b[t] - mb))) / (std(a) * std(b));
    };
    expect(correlation(0)).toBeLessThan(0);
    expect(correlation(0.1)).toBeGreaterThan(0.999);
    console.log(`wilson-cowan: limit-cycle period ${period.toFixed(2)} ms, E range ${Math.min(...late).toFixed(3)}…${Math.max(...late).toFixed(3)}; fixed point r_E = ${F[F.length - 1].toFixed(4)}`);
  });
});

describe('chapter 3: a half-centre oscillator', () => {
  it('cpg: the two Matsuoka neurons alternate in anti-phase — one burst each per cycle, co-active less than a fifth of the time', () => {
    const doc = loadPreset('cpg');
    // Neurons and adaptation are one ODE system, integrated together.
    expect(describeSchedule(Simulator.fromDocument(doc).program.schedule).filter((o) => o.type === 'integrate').map((o) => o.nodes)).toEqual([['y', 'v']]);
    const r = record(Simulator.fromDocument(doc), ['y'], 3000);
    const y1 = column(r.y, 0).slice(500);
    const y2 = column(r.y, 1).slice(500);
    const onsets = (y: number[]) => y.flatMap((v, t) => (t > 0 && v > 0 && y[t - 1] === 0 ? [t] : []));
    const a = onsets(y1);
    const b = onsets(y2);
    expect(a.length).toBeGreaterThanOrEqual(4);
    // Strict alternation: between two onsets of unit 1 there is exactly one onset of unit 2.
    for (let k = 1; k < a.length; k++) expect(b.filter((t) => t > a[k - 1] && t < a[k]).length).toBe(1);
    const both = y1.filter((v, t) => v > 0 && y2[t] > 0).length;
    expect(both / y1.length).toBeLessThan(0.2);
    const m1 = mean(y1);
    const m2 = mean(y2);
    const corr = mean(y1.map((v, t) => (v - m1) * (y2[t] - m2))) / (std(y1) * std(y2));
    expect(corr).toBeLessThan(-0.5);
    const period = mean(diffs(a)) * 0.1; // dt = 0.1 τ per step
    // Half a period apart: unit 2 starts near the middle of unit 1's cycle.
    const phase = mean(a.slice(0, -1).map((t, k) => (b.find((s) => s > t)! - t) / (a[k + 1] - t)));
    expect(phase).toBeGreaterThan(0.4);
    expect(phase).toBeLessThan(0.6);
    console.log(`cpg: period ${period.toFixed(2)} τ, relative phase ${phase.toFixed(3)}, correlation ${corr.toFixed(3)}, co-active ${(100 * both / y1.length).toFixed(1)} %`);
  });
});

describe('chapter 4: networks', () => {
  it('elman: the context units hold exactly the previous hidden state', () => {
    const r = record(Simulator.fromDocument(loadPreset('elman')), ['hidden', 'context'], 300);
    expect(r.context[0]).toEqual(new Array(10).fill(0));
    for (let t = 1; t < 300; t++) expect(r.context[t]).toEqual(r.hidden[t - 1]);
    expect(std(column(r.hidden, 3))).toBeGreaterThan(0.05); // not a trivial copy of zeros
  });

  it('jordan: the state units are exactly s[t] = μ·s[t−1] + y[t−1] (μ = 0.5), fed from the output', () => {
    const r = record(Simulator.fromDocument(loadPreset('jordan')), ['y', 'state'], 300);
    for (let t = 1; t < 300; t++) expect(r.state[t][0]).toBe(0.5 * r.state[t - 1][0] + r.y[t - 1][0]);
    expect(std(column(r.state, 0))).toBeGreaterThan(0.01);
  });

  it.each([0, 1, 2, 3, 4])('hopfield: stored pattern %i, cued with a fifth of its bits flipped: recall reaches overlap ≥ 0.95 while the energy never rises', (index) => {
    const doc = loadPreset('hopfield', (raw) => {
      (rawNodeParams(raw, 'h').init as { index: number }).index = index;
    });
    const edgeWeight = doc.edges[0].params.weight;
    if (edgeWeight.type !== 'hebbian') throw new Error('expected Hebbian weights');
    const pattern = edgeWeight.patterns[index];
    const overlap = (x: ArrayLike<number>) => pattern.reduce((s, v, i) => s + v * x[i], 0) / pattern.length;
    const sim = Simulator.fromDocument(doc);
    expect(overlap(sim.node('h').output)).toBeCloseTo(0.6, 12);
    const e0 = sim.node('h').vars.energy[0];
    const r = record(sim, ['h', 'h.energy'], 10);
    const energy = [e0, ...column(r['h.energy'])];
    for (let t = 1; t < energy.length; t++) expect(energy[t]).toBeLessThanOrEqual(energy[t - 1] + 1e-12);
    const final = overlap(r.h[r.h.length - 1]);
    expect(final).toBeGreaterThanOrEqual(0.95);
    if (index === 0) console.log(`hopfield: overlap 0.6 → ${final.toFixed(3)}, energy ${e0.toFixed(2)} → ${energy.at(-1)!.toFixed(2)}`);
  });
});
