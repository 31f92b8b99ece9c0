import { describe, expect, it } from 'vitest';
import { allKinds, signalSchema } from './index.ts';
import { defaultMaxDelay, memoryCapacityInput, signalOf } from './task-inputs.ts';
import { node, rawDoc, valid } from '../test-support/docs.ts';

const noise = { type: 'uniform', low: -1, high: 1 };
const mc = { type: 'memory-capacity', max_delay: 40 };

describe('the input that drives a task', () => {
  it('only kinds that play a signal have one, and it is their params’ own', () => {
    const playing = allKinds().filter((k) => k.signal !== undefined);
    expect(playing.map((k) => k.kind)).toEqual(['input']);
    for (const k of playing) expect(signalSchema.safeParse(k.signal!(k.defaults())).success).toBe(true);
    const doc = valid(rawDoc([node('u', 'input', { signal: mc }), node('p', 'poisson', { size: 3 }), node('r', 'rate', { size: 5 })]));
    expect(doc.nodes.map((n) => signalOf(n)?.type)).toEqual(['memory-capacity', undefined, undefined]);
  });

  it('the memory-capacity input among several, else the only one, else none; Poisson sources do not count', () => {
    const pick = (nodes: Record<string, unknown>[]) => memoryCapacityInput(valid(rawDoc(nodes)))?.id ?? null;
    const res = node('r', 'rate', { size: 10 });
    expect(pick([node('a', 'input', { signal: noise }), node('b', 'input', { signal: mc }), res])).toBe('b');
    expect(pick([node('a', 'input', { signal: noise }), node('p', 'poisson', { size: 2 }), res])).toBe('a');
    expect(pick([node('a', 'input', { signal: noise }), node('b', 'input', { signal: noise }), res])).toBeNull();
    expect(pick([node('p', 'poisson', { size: 2 }), res])).toBeNull();
  });

  it('K is the signal’s max_delay, else twice the node’s size', () => {
    const doc = valid(rawDoc([node('a', 'input', { signal: mc }), node('b', 'input', { signal: noise }), node('r', 'rate', { size: 10 })]));
    const [a, b, r] = doc.nodes;
    expect([defaultMaxDelay(r, a), defaultMaxDelay(r, b)]).toEqual([40, 20]);
  });
});
