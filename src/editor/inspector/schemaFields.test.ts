import { describe, expect, it } from 'vitest';
import { allKinds, edgeParams, getKind } from '../../model/index.ts';
import { describeObject, schemaIssues, setIn, stepFor, tidy, variantValue, type Field } from './schemaFields.ts';

const byKey = (fields: Field[], key: string) => fields.find((f) => f.key === key)!;

describe('inspector fields from zod schemas', () => {
  it('reads numbers with unit, bounds and rule; enums; defaults', () => {
    const fields = describeObject(getKind('rate')!.params);
    expect(fields.map((f) => f.key)).toEqual(['size', 'activation', 'leak', 'bias', 'init', 'plasticity', 'trainable']);
    const leak = byKey(fields, 'leak');
    expect(leak).toMatchObject({ kind: 'number', defaultValue: 1, meta: { gt: 0, max: 1, rule: 'in (0, 1]' } });
    expect(byKey(fields, 'size')).toMatchObject({ kind: 'number', meta: { int: true, min: 1 } });
    expect(byKey(fields, 'activation')).toMatchObject({ kind: 'enum', options: ['linear', 'tanh', 'sigmoid', 'relu', 'step'] });
    expect(byKey(fields, 'bias').kind).toBe('json'); // a number or one per unit
    expect(byKey(fields, 'plasticity')).toMatchObject({ kind: 'variant', optional: true, discriminator: 'rule' });
    const lif = describeObject(getKind('lif')!.params);
    expect(byKey(lif, 'tau_m')).toMatchObject({ kind: 'number', meta: { unit: 'ms', description: 'membrane time constant' } });
  });

  it('reads discriminated unions as variants (input signal, edge weight)', () => {
    const signal = byKey(describeObject(getKind('input')!.params), 'signal');
    if (signal.kind !== 'variant') throw new Error('not a variant');
    expect(signal.variants.map((v) => v.value)).toContain('sine');
    const sine = signal.variants.find((v) => v.value === 'sine')!;
    expect(byKey(sine.fields, 'period')).toMatchObject({ kind: 'number', meta: { unit: 'steps', gt: 0 } });
    const weight = byKey(describeObject(edgeParams), 'weight');
    expect(weight.kind).toBe('variant');
    expect(byKey(describeObject(edgeParams), 'delay')).toMatchObject({ kind: 'number', meta: { unit: 'steps', int: true } });
  });

  it('reads a number-or-rule union as a variant with the number as a named choice (an edge\'s connectivity)', () => {
    const connectivity = byKey(describeObject(edgeParams), 'connectivity');
    if (connectivity.kind !== 'variant') throw new Error('not a variant');
    expect(connectivity).toMatchObject({ optional: true, discriminator: 'rule', scalar: { kind: 'number', meta: { gt: 0, max: 1, choice: 'independent' } } });
    expect(connectivity.variants.map((v) => v.value)).toEqual(['fixed-indegree', 'fixed-outdegree', 'fixed-total']);
    const indegree = connectivity.variants[0];
    expect(indegree.fields.map((f) => [f.key, f.kind])).toEqual([
      ['k', 'number'],
      ['autapses', 'boolean'],
    ]);
    expect(byKey(connectivity.variants[2].fields, 'n')).toMatchObject({ kind: 'number', meta: { int: true, min: 1 } });
    // from a probability to a rule: k gets a stand-in; between rules autapses is kept
    expect(variantValue(connectivity, 'fixed-indegree', undefined)).toEqual({ rule: 'fixed-indegree', k: 1 });
    expect(variantValue(connectivity, 'fixed-total', { rule: 'fixed-indegree', k: 5, autapses: true })).toEqual({ rule: 'fixed-total', n: 1, autapses: true });
  });

  it('every registered kind yields fields', () => {
    for (const k of allKinds()) expect(describeObject(k.params).length, k.kind).toBeGreaterThan(0);
  });

  it('switching a variant keeps shared fields and fills required ones', () => {
    const weight = byKey(describeObject(edgeParams), 'weight');
    if (weight.kind !== 'variant') throw new Error('not a variant');
    expect(variantValue(weight, 'identity', { type: 'constant', value: 2 })).toEqual({ type: 'identity', value: 2 });
    expect(variantValue(weight, 'uniform', { type: 'constant', value: 2 })).toEqual({ type: 'uniform', low: -1, high: 1 });
    expect(variantValue(weight, 'constant', { type: 'uniform', low: -1, high: 1 })).toEqual({ type: 'constant', value: 1 });
    const signal = byKey(describeObject(getKind('input')!.params), 'signal');
    if (signal.kind !== 'variant') throw new Error('not a variant');
    expect(schemaIssues(getKind('input')!.params, { size: 1, signal: variantValue(signal, 'sine', undefined) })).toEqual([]);
  });

  it('issues name the path and the rule', () => {
    expect(schemaIssues(getKind('rate')!.params, { size: 1, leak: 3 })).toEqual([{ path: 'leak', message: 'must be in (0, 1], got 3' }]);
  });

  it('setIn, stepFor, tidy', () => {
    expect(setIn({ a: { b: 1, c: 2 } }, ['a', 'b'], 5)).toEqual({ a: { b: 5, c: 2 } });
    expect(setIn({ a: 1, b: 2 }, ['a'], undefined)).toEqual({ b: 2 });
    expect(stepFor({ int: true }, 5)).toBe(1);
    expect(stepFor({ gt: 0, max: 1 }, 0.3)).toBe(0.01);
    expect(stepFor({}, 20)).toBe(1);
    expect(tidy(0.1 + 0.2, 0.1)).toBe(0.3);
  });
});
