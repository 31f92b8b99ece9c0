/**
 * Gradient check (`recurrence gradcheck`): BPTT gradients against central finite differences.
 *
 * The objective is J(θ) = Σ_readouts mean ℓ over the first K scored steps of the training window,
 * the network run from its initial state with parameters θ (washout included). Its gradient is
 * computed by the adjoint over the whole run, untruncated, so it is the exact derivative; each
 * sampled parameter θᵢ is then perturbed by ±h and
 *   ĝᵢ = (J(θ + h·eᵢ) − J(θ − h·eᵢ)) / 2h        (error O(h²·J‴) + O(ε·J/h))
 * compared by the relative error |gᵢ − ĝᵢ| / max(|gᵢ|, |ĝᵢ|, floor): entries whose gradient is
 * below the floor (both estimates) are compared absolutely. Parameters are sampled from every
 * block (edges, biases, W_out) with the seeded stream "gradcheck".
 */
import type { Simulator } from '../simulator.ts';
import { Rng } from '../rng.ts';
import { Adjoint, restartKeeping, type LossTarget } from './adjoint.ts';
import { bpttReadouts } from './trainer.ts';
import { TrainingError } from '../tasks/training-error.ts';

export interface GradcheckOptions {
  /** Parameters to check (spread over the blocks; default 40). */
  samples?: number;
  /** Scored steps K in the objective (default 30, at most the training window). */
  steps?: number;
  /** Finite-difference step h (default 1e-5). */
  h?: number;
}

export interface GradcheckEntry {
  /** "W[rec][3]", "hidden.bias[0]", "out.W_out[12]". */
  parameter: string;
  analytic: number;
  numeric: number;
  rel_error: number;
}

export interface GradcheckResult {
  max_rel_error: number;
  parameters_checked: number;
  entries: GradcheckEntry[];
}

/** Gradients smaller than this are compared absolutely (a relative error of rounding noise means nothing). */
export const GRADCHECK_FLOOR = 1e-8;

export function gradientCheck(sim: Simulator, options: GradcheckOptions = {}): GradcheckResult {
  const found = bpttReadouts(sim);
  if (!found) throw new TrainingError('the network has no readout with "method": "bptt" to check');
  sim.reset();
  const steps = Math.max(1, Math.min(options.steps ?? 30, found.train));
  const h = options.h ?? 1e-5;
  const targets: LossTarget[] = found.readouts.map((r) => ({ readout: r, loss: found.settings.loss, mask: r.readout.mask() }));
  const adjoint = new Adjoint(sim.program, targets, { capacity: found.washout + steps });
  const blocks = adjoint.blocks;
  if (blocks.length === 0) throw new TrainingError('nothing to check: every parameter on the trained path is frozen');

  const objective = (): number => {
    restartKeeping(sim, blocks);
    adjoint.restart();
    for (let t = 0; t < found.washout + steps; t++) {
      sim.step();
      adjoint.record(t >= found.washout);
    }
    return adjoint.objective();
  };

  try {
    return check(sim, adjoint, objective, steps, h, options.samples ?? 40);
  } finally {
    adjoint.dispose();
  }
}

function check(sim: Simulator, adjoint: Adjoint, objective: () => number, steps: number, h: number, wanted: number): GradcheckResult {
  const blocks = adjoint.blocks;
  objective();
  if (!adjoint.hasLoss()) throw new TrainingError(`no scored step in the first ${steps} steps of the training window (check the readout's mask)`);
  adjoint.zeroGradients();
  adjoint.backward();
  const analytic = blocks.map((b) => Float64Array.from(b.grad));

  const rng = new Rng(sim.seed, 'gradcheck');
  const perBlock = Math.max(1, Math.ceil(wanted / blocks.length));
  const entries: GradcheckEntry[] = [];
  blocks.forEach((block, b) => {
    const n = block.grad.length;
    for (const i of sampleIndices(n, Math.min(n, perBlock), rng)) {
      const values = block.values();
      const v = values[i];
      values[i] = v + h;
      block.refresh();
      const plus = objective();
      block.values()[i] = v - h;
      block.refresh();
      const minus = objective();
      block.values()[i] = v;
      block.refresh();
      const numeric = (plus - minus) / (2 * h);
      const a = analytic[b][i];
      const rel = Math.abs(a - numeric) / Math.max(Math.abs(a), Math.abs(numeric), GRADCHECK_FLOOR);
      entries.push({ parameter: `${block.label}[${i}]`, analytic: a, numeric, rel_error: rel });
    }
  });
  sim.reset();
  return { max_rel_error: entries.reduce((m, e) => Math.max(m, e.rel_error), 0), parameters_checked: entries.length, entries };
}

/** k distinct indices of 0 … n−1, in increasing order (partial Fisher–Yates). */
function sampleIndices(n: number, k: number, rng: Rng): number[] {
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng.uniform() * (n - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, k).sort((a, b) => a - b);
}
