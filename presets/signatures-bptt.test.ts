/**
 * Signature behaviour of the presets trained by backpropagation through time (issue #15): the
 * loss falls, the accuracies their lessons quote, and the reservoir approach (a ridge readout on
 * the same untrained network) for comparison — each from its own file and seed.
 */
import { describe, expect, it } from 'vitest';
import { BpttTrainer, Simulator, trainReadouts } from '../src/engine/index.ts';
import { loadPreset, rawNodeParams, rawEdgeParams, type RawDoc } from '../src/test-support/docs.ts';
import { record } from '../src/test-support/run.ts';

const ridge = (id: string, lambda = 1e-6) => (raw: RawDoc) => {
  rawNodeParams(raw, id).training = { method: 'ridge', lambda };
};

/** Test-window MSE of Elman's readout per position in the triple (2 = the XOR bit), after training. */
function elmanErrors(edit?: (raw: RawDoc) => void): { perPosition: number[]; report: ReturnType<typeof trainReadouts>[string] } {
  const sim = Simulator.fromDocument(loadPreset('elman', edit));
  const report = trainReadouts(sim).out;
  sim.reset(); // the trained weights stay; run again from the start to record
  const r = record(sim, ['out', 'next'], 3000);
  const se = [0, 0, 0];
  const n = [0, 0, 0];
  for (let t = 2430; t < 3000; t++) {
    const k = (t + 1) % 3; // position of the predicted bit in its triple (2 = the XOR bit)
    se[k] += (r.out[t][0] - r.next[t][0]) ** 2;
    n[k]++;
  }
  return { perPosition: se.map((s, k) => s / n[k]), report };
}

describe('presets trained by BPTT', () => {
  it('elman: BPTT on the temporal XOR makes the XOR bit predictable (better than the reservoir readout); without the context loop it is at chance', () => {
    const bptt = elmanErrors();
    const curve = bptt.report.loss_curve!;
    expect(curve[0]).toBeGreaterThan(0.65); // ≈ ln 2 at the start
    expect(curve.at(-1)!).toBeLessThan(0.52); // towards (2/3)·ln 2 ≈ 0.46, the floor the random bits set
    expect(bptt.perPosition[2]).toBeLessThan(0.05);
    expect(Math.min(bptt.perPosition[0], bptt.perPosition[1])).toBeGreaterThan(0.2); // random bits: chance 0.25
    expect(bptt.report.accuracy_test).toBeGreaterThan(0.64);
    const reservoir = elmanErrors(ridge('out', 1e-4));
    expect(reservoir.perPosition[2]).toBeGreaterThan(2 * bptt.perPosition[2]);
    const cut = elmanErrors((raw) => {
      raw.edges = raw.edges.filter((e) => e.id !== 'w_ctx');
    });
    expect(cut.perPosition[2]).toBeGreaterThan(0.2);
    console.log(
      `elman: BPTT loss ${curve[0].toFixed(3)} → ${curve.at(-1)!.toFixed(3)}, test accuracy ${bptt.report.accuracy_test!.toFixed(3)}; MSE on the XOR bit ${bptt.perPosition[2].toFixed(3)} (ridge ${reservoir.perPosition[2].toFixed(3)}, without context ${cut.perPosition[2].toFixed(3)}), random bits ${bptt.perPosition[0].toFixed(3)}, ${bptt.perPosition[1].toFixed(3)}`,
    );
  });

  it("jordan: BPTT through the closed output loop produces both plans' sequences (100 % test accuracy); the ridge readout gets a quarter wrong", () => {
    const report = trainReadouts(Simulator.fromDocument(loadPreset('jordan'))).y;
    expect(report.accuracy_test).toBe(1);
    expect(report.loss_curve!.at(-1)!).toBeLessThan(0.2 * report.loss_curve![0]);
    const reservoir = trainReadouts(Simulator.fromDocument(loadPreset('jordan', ridge('y')))).y;
    expect(reservoir.accuracy_test).toBeLessThanOrEqual(0.8);
    const slow = trainReadouts(
      Simulator.fromDocument(
        loadPreset('jordan', (raw) => {
          rawEdgeParams(raw, 'decay').weight.value = 0.95;
        }),
      ),
    ).y;
    console.log(`jordan: BPTT test accuracy ${report.accuracy_test}, loss ${report.loss_curve![0].toFixed(3)} → ${report.loss_curve!.at(-1)!.toFixed(3)}; ridge ${reservoir.accuracy_test}; μ = 0.95 ${slow.accuracy_test!.toFixed(3)}`);
  });

  it('xor-memory: 12 tanh units trained by BPTT solve u(t) XOR u(t − 2) (≥ 95 % test accuracy); a ridge readout of the same untrained network stays near chance', () => {
    const bptt = trainReadouts(Simulator.fromDocument(loadPreset('xor-memory'))).out;
    expect(bptt.accuracy_test).toBeGreaterThanOrEqual(0.95);
    expect(bptt.loss_curve!.at(-1)!).toBeLessThan(0.05 * bptt.loss_curve![0]);
    const reservoir = trainReadouts(Simulator.fromDocument(loadPreset('xor-memory', ridge('out')))).out;
    expect(reservoir.accuracy_test).toBeGreaterThan(0.4);
    expect(reservoir.accuracy_test).toBeLessThan(0.56);
    console.log(`xor-memory: BPTT test accuracy ${bptt.accuracy_test}, ridge on the untrained network ${reservoir.accuracy_test}`);
  });

  it('vanishing-gradients: the gradient flow falls like ρ^k for ρ = 0.5 and grows at ρ = 3; BPTT learns the lag-10 copy at ρ = 1 only', () => {
    const at = (rho: number) => (raw: RawDoc) => {
      rawEdgeParams(raw, 'rec').spectralRadius = rho;
    };
    const flow = (rho: number) => {
      const trainer = new BpttTrainer(Simulator.fromDocument(loadPreset('vanishing-gradients', at(rho))));
      const first = trainer.run().next();
      trainer.dispose();
      return first.done ? [] : first.value.result!.flow!;
    };
    const slope = (f: number[]) => Math.log(f[40] / f[10]) / 30; // per step, k = 10 … 40
    const vanishing = flow(0.5);
    expect(slope(vanishing)).toBeCloseTo(Math.log(0.5), 1);
    expect(vanishing[10] / vanishing[0]).toBeLessThan(1e-3);
    const exploding = flow(3);
    expect(slope(exploding)).toBeGreaterThan(0.1);
    expect(exploding[40]).toBeGreaterThan(100 * exploding[0]);
    const accuracy = (rho: number) => trainReadouts(Simulator.fromDocument(loadPreset('vanishing-gradients', at(rho)))).out.accuracy_test!;
    const learnt = accuracy(1);
    expect(learnt).toBeGreaterThanOrEqual(0.95);
    const small = accuracy(0.5);
    const large = accuracy(3);
    expect(small).toBeLessThan(0.6);
    expect(large).toBeLessThan(0.6);
    console.log(`vanishing-gradients: flow slope per step ${slope(vanishing).toFixed(3)} at ρ = 0.5 (ln 0.5 = −0.693), ${slope(exploding).toFixed(3)} at ρ = 3; test accuracy ${learnt} at ρ = 1, ${small} at 0.5, ${large} at 3`);
  });
});
