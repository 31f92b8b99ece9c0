import { z } from 'zod';
import { int } from '../../model/schema-helpers.ts';
import { isTaskSignal, signalSchema, taskChannels, taskHasMask } from '../../model/signals.ts';
import { LIMITS } from '../../model/limits.ts';
import { defineKindSpec, type ParamProblem } from '../../model/kind-spec.ts';
import { checkPerUnitLength } from '../shared/checks.ts';

export const inputParams = z.strictObject({
  size: int({ min: 1, max: LIMITS.maxPopulationSize, description: 'channels' }).default(1),
  signal: signalSchema,
});
export type InputParams = z.output<typeof inputParams>;

declare module '../../model/document.ts' {
  interface ParamsByKind {
    input: InputParams;
  }
}

/** A source of external signals: `size` channels, each carrying the signal. */
export const inputSpec = defineKindSpec<InputParams>({
  kind: 'input',
  label: 'Input',
  group: 'inputs',
  role: 'source',
  output: 'analog',
  continuousTime: false,
  steadyOutput: (p) => steadiness(p.signal.type),
  signal: (p) => p.signal,
  idPrefix: 'u',
  description: 'External signal: constant, sine, step, pulse, noise, a sequence, or a task (Mackey–Glass, NARMA, memory capacity, xor-memory, delayed copy, adding) with its target.',
  docs: {
    update: '`y[t] = signal(t)`',
    params: '`size` (channels, default 1), `signal` (below)',
    variables: 'output (+ target for a task signal, + mask for the adding task)',
  },
  params: inputParams,
  defaults: () => ({ size: 1, signal: { type: 'sine', amplitude: 1, period: 50, phase: 0, offset: 0 } }),
  outputSize: (p) => p.size,
  variables: (p) => (isTaskSignal(p.signal) ? ['output', 'target', ...(taskHasMask(p.signal) ? ['mask'] : [])] : ['output']),
  summary: (p) => p.signal.type,
  check: (p) => checkSignalChannels(p),
});

/** Constant signals never change; step, pulse and sequence are constant between their changes. */
function steadiness(type: InputParams['signal']['type']): 'constant' | 'piecewise' | false {
  if (type === 'constant') return 'constant';
  return type === 'step' || type === 'pulse' || type === 'sequence' ? 'piecewise' : false;
}

function checkSignalChannels(p: InputParams): ParamProblem[] {
  const s = p.signal;
  if (isTaskSignal(s) && taskChannels(s) > 0 && p.size !== taskChannels(s)) {
    return [{ path: ['size'], message: `the ${s.type} task drives ${taskChannels(s)} channels (values and markers): set size to ${taskChannels(s)}` }];
  }
  if (s.type === 'constant') return checkPerUnitLength(s.value, p.size, ['signal', 'value']);
  if (s.type === 'sequence') {
    const problems: ParamProblem[] = [];
    s.values.forEach((row, t) => {
      if (Array.isArray(row)) problems.push(...checkPerUnitLength(row, p.size, ['signal', 'values', t]));
    });
    return problems.slice(0, 5);
  }
  return [];
}
