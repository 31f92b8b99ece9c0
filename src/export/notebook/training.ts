/**
 * The notebook's closing section for a course reader: the readouts trained as `recurrence train`
 * trains them (src/engine/readout-training.ts), in numpy. One run from the initial state (the
 * arrays saved before the loop are restored in place, so views stay views) for the longest
 * readout's washout + train + test steps; each readout records φ = [inputs; 1], its target d and
 * its output y on the scored steps of its training and test windows (a mask signal, where the
 * readout has one, says which steps are scored). Ridge readouts are then fitted offline,
 * W_out = (ΦᵀΦ + λI)⁻¹ΦᵀD (Lukoševičius 2012, §4.1; the bias column regularised too), and their
 * outputs are W_out·φ; LMS and RLS readouts learned online during the run, their outputs are the
 * run's. NRMSE = √(Σ(y − d)² / Σ(d − d̄)²) per output unit, averaged over the units (the engine's
 * tasks/metrics.ts). Written only when every readout trains by ridge, LMS or RLS (BPTT trains the
 * network before the readout: `recurrence train`).
 */
import type { NodeRuntime, Program } from '../../engine/index.ts';
import { isReadout, type ReadoutRuntime } from '../../engine/compile/readout.ts';
import { pyNumber, pyString } from '../../common/python.ts';

export interface TrainingSection {
  /** Steps of the training run (the longest washout + train + test). */
  steps: number;
  markdown: string;
  code: string;
}

/** The readouts the section trains, or null when there are none or one trains by BPTT. */
function trainableReadouts(program: Program): ReadoutRuntime[] | null {
  const readouts = program.nodes.filter(isReadout).filter((r) => r.readout.params.target !== undefined);
  if (readouts.length === 0 || readouts.some((r) => r.readout.params.training.method === 'bptt')) return null;
  return readouts;
}

/** Python expression of the array a readout's mask() is (a state variable of some node), or None. */
function maskExpression(readout: ReadoutRuntime, program: Program): string {
  const mask = readout.readout.mask();
  if (!mask) return 'None';
  for (const node of program.nodes) {
    for (const [name, values] of Object.entries((node as NodeRuntime).vars)) if (values === mask) return `state[${pyString(node.id)}][${pyString(name)}]`;
  }
  throw new Error(`readout "${readout.id}": its mask is no state variable`);
}

/** The steps a notebook's training section runs (0: the network has no section). */
export function trainingSteps(program: Program): number {
  const readouts = trainableReadouts(program);
  return readouts ? Math.max(...readouts.map((r) => r.readout.params.washout + r.readout.params.train + r.readout.params.test)) : 0;
}

/** The section (markdown and one code cell), or null when the network has none. */
export function trainingSection(program: Program): TrainingSection | null {
  const readouts = trainableReadouts(program);
  if (!readouts) return null;
  const steps = trainingSteps(program);
  const specs = readouts.map((r) => {
    const p = r.readout.params;
    const lam = p.training.method === 'ridge' ? pyNumber(p.training.lambda) : 'None';
    return `    ${pyString(r.id)}: {"method": ${pyString(p.training.method)}, "washout": ${p.washout}, "train": ${p.train}, "test": ${p.test}, "lambda": ${lam}, "mask": ${maskExpression(r, program)}},`;
  });
  const markdown = [
    '## Training the readouts',
    '',
    `As \`recurrence train\` does: one run of ${steps} steps from the initial state; each readout records φ = [inputs; 1], its target d and`,
    'its output y on the steps of its training window (after the washout) and of its test window. A **ridge** readout is then fitted',
    'offline, $W_{out} = (\\Phi^\\top\\Phi + \\lambda I)^{-1}\\Phi^\\top D$ (Lukoševičius 2012, §4.1; the bias column is regularised too);',
    '**LMS** and **RLS** readouts learned online during the run. The error is the NRMSE $\\sqrt{\\sum (y-d)^2 / \\sum (d-\\bar d)^2}$ per output unit,',
    'averaged over the units. The trace above used W_out as it was before this section; the printed errors equal `recurrence train --json`\'s.',
  ].join('\n');
  const code = [
    `TRAIN_STEPS = ${steps}`,
    'assert DRAWN_STEPS >= TRAIN_STEPS, "the random draws do not cover the training run"',
    'readouts = {',
    ...specs,
    '}',
    '',
    '',
    'def nrmse(y, d):',
    '    """Normalised root-mean-square error of one output unit (the engine\'s tasks/metrics.ts)."""',
    '    se, sv = np.sum((y - d) ** 2), np.sum((d - np.mean(d)) ** 2)',
    '    return float(np.sqrt(se / sv) if sv > 0 else np.sqrt(se / len(d)))',
    '',
    '',
    'def mean_nrmse(Y, D):',
    '    return float(np.mean([nrmse(Y[:, i], D[:, i]) for i in range(D.shape[1])]))',
    '',
    '',
    'for a, a0 in START:  # back to the initial state, in place',
    '    a[...] = a0',
    'windows = {r: {"train": ([], [], []), "test": ([], [], [])} for r in readouts}  # φ, d, y per scored step',
    'for t in range(TRAIN_STEPS):',
    '    for op in schedule:',
    '        op(t)',
    '    for r, spec in readouts.items():',
    '        k = t - spec["washout"]',
    '        if k < 0 or k >= spec["train"] + spec["test"] or (spec["mask"] is not None and spec["mask"][0] == 0):',
    '            continue',
    '        phis, ds, ys = windows[r]["train" if k < spec["train"] else "test"]',
    '        phis.append(phi[r].copy())',
    '        ds.append(state[r]["target"].copy())',
    '        ys.append(state[r]["output"].copy())',
    '',
    'training = {}',
    'for r, spec in readouts.items():',
    '    (P_train, D_train, Y_train), (P_test, D_test, Y_test) = [[np.array(x) for x in windows[r][w]] for w in ("train", "test")]',
    '    if spec["method"] == "ridge":',
    '        G = P_train.T @ P_train + spec["lambda"] * np.eye(P_train.shape[1])',
    '        W_out[r][:] = np.linalg.solve(G, P_train.T @ D_train).T',
    '        Y_train = P_train @ W_out[r].T',
    '        Y_test = P_test @ W_out[r].T if len(P_test) else Y_test',
    '    has_test = spec["test"] > 0 and len(D_test) > 0',
    '    training[r] = {"method": spec["method"], "nrmse_train": mean_nrmse(Y_train, D_train), "nrmse_test": mean_nrmse(Y_test, D_test) if has_test else None}',
    '    test = f"{training[r][\'nrmse_test\']:.6g}" if has_test else "no test window"',
    '    print(f"{r} ({spec[\'method\']}): NRMSE train {training[r][\'nrmse_train\']:.6g}, test {test}")',
    'print(json.dumps(training))',
  ].join('\n');
  return { steps, markdown, code };
}
