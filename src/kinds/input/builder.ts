import { isTaskSignal, taskHasMask } from '../../model/index.ts';
import type { InputParams } from './schema.ts';
import { makeSignal, type SignalFn } from '../../engine/signals.ts';
import { poissonTable } from '../../engine/poisson-sampler.ts';
import { makeTask } from '../../engine/tasks/task-signals.ts';
import { Rng } from '../../engine/rng.ts';
import type { BuildContext, NodeBuilder } from '../../engine/compile/types.ts';

/**
 * An input node: y[t] = signal(t), one value per channel. Task signals (Mackey–Glass, NARMA,
 * memory capacity, xor-memory, delayed copy, adding) also write their target into the state
 * variable `target` (and the adding problem its scored steps into `mask`).
 */
export const inputBuilder: NodeBuilder<InputParams> = {
  build(node, ctx) {
    const p = node.params;
    // in the kernels' workspace when there is one (large networks): products read it in place
    const output = ctx.alloc ? ctx.alloc.f64(p.size) : new Float64Array(p.size);
    let noise = new Rng(0, 'unset');
    const task = isTaskSignal(p.signal) ? makeTask(p.signal) : null;
    const target = new Float64Array(task ? task.targetSize : 0);
    const masked = isTaskSignal(p.signal) && taskHasMask(p.signal);
    const mask = new Float64Array(masked ? 1 : 0);
    let signal = (p.signal.type === 'poisson' && kernelPoisson(p.signal.mean, ctx)) || makeSignal(p.signal);
    const vars: Record<string, Float64Array> = task ? { output, target, ...(masked ? { mask } : {}) } : { output };
    return {
      id: node.id,
      size: p.size,
      output,
      input: new Float64Array(0),
      vars,
      equation: `${node.id}.y[t] = ${p.signal.type}(t)${task ? `; ${node.id}.target[t] from the task` : ''}`,
      reads: task ? [`${node.id}.task-state`] : ['t'],
      reset(rng) {
        noise = rng;
        output.fill(0);
        target.fill(0);
        mask.fill(0);
        task?.reset(rng);
      },
      update(t) {
        if (task) task.next(t, output, target, mask);
        else signal(t, output, noise);
      },
      /** A new signal (amplitude, period, …) takes over at the next step; the noise stream goes on. */
      setParams(next) {
        if (next.size !== p.size || task || isTaskSignal(next.signal)) return false;
        signal = makeSignal(next.signal);
        return true;
      },
    };
  },
};

/**
 * A Poisson signal whose counts the kernels draw in their own memory (WASM: generator and table
 * lookup in one loop) when the output lives there (a large network's workspace): the counts and
 * the stream of makeSignal's, bit for bit; null without such kernels.
 */
function kernelPoisson(mean: number, ctx: BuildContext): SignalFn | null {
  const { alloc, kernels } = ctx;
  if (!alloc || !kernels.poissonCounts) return null;
  const table = poissonTable(mean);
  const thresholds = alloc.f64(table.thresholds.length);
  thresholds.set(table.thresholds);
  const guide = alloc.i32(table.guide.length);
  guide.set(table.guide);
  const state = alloc.i32(4);
  const inJs = makeSignal({ type: 'poisson', mean });
  return (t, out, rng) => {
    rng.saveState(state);
    if (kernels.poissonCounts!(state, thresholds, guide, out)) rng.loadState(state);
    else inJs(t, out, rng);
  };
}
