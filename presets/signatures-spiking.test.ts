/**
 * Signature behaviour of the spiking presets of chapter 8, each run from its own file and seed.
 * The large networks (brunel, izhikevich-1000) are simulated for a shorter window than one would
 * show in class, but from the preset file itself.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../src/engine/index.ts';
import { loadPreset } from '../src/test-support/docs.ts';
import { mean } from '../src/test-support/run.ts';
import { readIzhikevichNetworkReference } from '../src/test-support/reference.ts';
import { measurePopulation } from '../src/test-support/spiking-stats.ts';

/**
 * Power spectrum of a series by Welch's method (Hann-windowed segments of `segment` samples,
 * 50 % overlap, mean removed per segment); returns power at frequencies k·fs/segment.
 */
function welch(x: number[], segment: number, fs: number): { f: number[]; p: number[] } {
  const hann = Array.from({ length: segment }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (segment - 1)));
  const half = Math.floor(segment / 2);
  const p = new Array<number>(half + 1).fill(0);
  let count = 0;
  for (let start = 0; start + segment <= x.length; start += half) {
    const seg = x.slice(start, start + segment);
    const m = mean(seg);
    for (let k = 0; k <= half; k++) {
      let re = 0;
      let im = 0;
      for (let t = 0; t < segment; t++) {
        const v = (seg[t] - m) * hann[t];
        re += v * Math.cos((2 * Math.PI * k * t) / segment);
        im -= v * Math.sin((2 * Math.PI * k * t) / segment);
      }
      p[k] += re * re + im * im;
    }
    count++;
  }
  return { f: p.map((_, k) => (k * fs) / segment), p: p.map((v) => v / count) };
}

describe('chapter 8: spiking networks', () => {
  it('brunel: asynchronous irregular firing — mean CV of the ISIs in 0.7–1.5 and synchrony χ < 0.3', () => {
    const sim = Simulator.fromDocument(loadPreset('brunel'));
    const n = sim.node('E').size;
    // 500 ms after a 100 ms transient; χ (Golomb 2007) over 500 neurons' potentials
    const { rate, cv, cvNeurons, chi } = measurePopulation(sim, 'E', 5000, 1000, { chiNeurons: 500, minIntervals: 3 });
    expect(cvNeurons).toBeGreaterThan(n / 2);
    expect(cv).toBeGreaterThanOrEqual(0.7);
    expect(cv).toBeLessThanOrEqual(1.5);
    expect(chi).toBeLessThan(0.3);
    expect(rate).toBeGreaterThan(1);
    expect(rate).toBeLessThan(100);
    console.log(`brunel: E rate ${rate.toFixed(1)} Hz, mean CV(ISI) ${cv.toFixed(3)} over ${cvNeurons} neurons, χ ${chi.toFixed(3)}`);
  });

  it("izhikevich-1000: the paper's scheme, its rates and its alpha rhythm, against a numpy port of the published program", () => {
    const doc = loadPreset('izhikevich-1000');
    for (const node of doc.nodes.filter((n) => n.kind === 'izhikevich')) expect(node.params).toMatchObject({ integrator: 'izhikevich-2003' });
    const ref = readIzhikevichNetworkReference();
    const sim = Simulator.fromDocument(doc);
    const E = sim.node('E');
    const I = sim.node('I');
    const counts: number[] = [];
    let spikesE = 0;
    let spikesI = 0;
    let step = 0;
    sim.run(ref.T_ms, () => {
      let kE = 0;
      let kI = 0;
      for (const s of E.output) kE += s;
      for (const s of I.output) kI += s;
      if (step++ >= ref.transient_ms) {
        spikesE += kE;
        spikesI += kI;
      }
      counts.push(kE + kI);
    });
    const seconds = (ref.T_ms - ref.transient_ms) / 1000;
    const rateE = spikesE / E.size / seconds;
    const rateI = spikesI / I.size / seconds;
    const x = counts.slice(ref.transient_ms);
    const { f, p } = welch(x, 500, 1000);
    const band = f.map((v, k) => [v, p[k]]).filter(([v]) => v >= 2 && v <= 100);
    const [peakF, peakP] = band.reduce((a, b) => (b[1] > a[1] ? b : a));
    const sorted = band.map(([, v]) => v).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    // The published program (5 seeds, synapses one ms later as in the preset): E 7.2–7.4 Hz, I 6.4–6.8 Hz, peak at 8 Hz.
    const runs = ref.one_ms_later;
    const refE = mean(runs.map((r) => r.rate_e_hz));
    const refI = mean(runs.map((r) => r.rate_i_hz));
    expect(Math.abs(rateE - refE) / refE).toBeLessThan(0.08);
    expect(Math.abs(rateI - refI) / refI).toBeLessThan(0.1);
    expect(runs.every((r) => r.peak_hz === 8)).toBe(true);
    expect(peakF).toBeGreaterThanOrEqual(8);
    expect(peakF).toBeLessThanOrEqual(13);
    expect(peakP).toBeGreaterThan(5 * median);
    console.log(`izhikevich-1000: E ${rateE.toFixed(2)} Hz (numpy port ${refE.toFixed(2)}), I ${rateI.toFixed(2)} Hz (${refI.toFixed(2)}), spectrum peak ${peakF} Hz (${(peakP / median).toFixed(1)}× the median power 2–100 Hz)`);
  });

  it('sorn: with IP, STDP and normalisation the excitatory rate stays bounded near the IP target 0.1', () => {
    const sim = Simulator.fromDocument(loadPreset('sorn'));
    const E = sim.node('E');
    const n = E.size;
    const blocks: number[] = [];
    const perUnit = new Float64Array(n);
    for (let b = 0; b < 10; b++) {
      let k = 0;
      sim.run(1000, () => {
        for (let i = 0; i < n; i++) {
          k += E.output[i];
          if (b >= 5) perUnit[i] += E.output[i];
        }
      });
      blocks.push(k / n / 1000);
    }
    for (const r of blocks.slice(2)) {
      expect(r).toBeGreaterThan(0.05);
      expect(r).toBeLessThan(0.15);
    }
    expect(Math.max(...perUnit) / 5000).toBeLessThan(0.5); // no unit runs away
    // Synaptic normalisation: every excitatory unit's incoming E→E weights still sum to 1.
    const w = sim.program.edges.find((e) => e.id === 'EE')!.weights;
    const rowSums = new Float64Array(n);
    if (w.format === 'csr') {
      for (let i = 0; i < n; i++) for (let k = w.rowPtr[i]; k < w.rowPtr[i + 1]; k++) rowSums[i] += w.values[k];
    } else {
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) rowSums[i] += w.data[i * n + j];
    }
    for (const s of rowSums) if (s !== 0) expect(s).toBeCloseTo(1, 9);
    console.log(`sorn: excitatory rate per 1000-step block ${blocks.map((r) => r.toFixed(3)).join(', ')}`);
  });
});
