import { describe, expect, it } from 'vitest';
import { validateDocument, type GraphDocument } from '../../model/index.ts';
import { findPreset } from '../lessons/catalog.ts';
import { numberMetaAt, setRef, sliderFor } from './expose.ts';

function preset(name: string): GraphDocument {
  const r = validateDocument(structuredClone(findPreset(name)!.doc));
  if (!r.ok) throw new Error('invalid preset');
  return r.doc;
}

describe('exposed parameters', () => {
  const doc = preset('self-connected-unit');

  it('take bounds from the kind schema (rate leak in (0, 1])', () => {
    const s = sliderFor(doc, { ref: 'x.params.leak' });
    expect(s).toMatchObject({ ref: 'x.params.leak', value: 1, min: 0, max: 1 });
  });

  it('give unbounded values a range around them, or the link’s bounds', () => {
    const s = sliderFor(doc, { ref: 'self.params.weight.value' });
    expect(s).toMatchObject({ value: 2, min: -4, max: 4 });
    expect(sliderFor(doc, { ref: 'self.params.weight.value', min: 0, max: 3 })).toMatchObject({ min: 0, max: 3 });
  });

  it('read units and integer steps from the schema meta', () => {
    const lif = preset('single-lif');
    expect(numberMetaAt(lif, 'n.params.tau_m')).toMatchObject({ unit: 'ms' });
    expect(sliderFor(doc, { ref: 'self.params.delay' })).toMatchObject({ step: 1, min: 0 });
  });

  it('explain what cannot be a slider', () => {
    expect(sliderFor(doc, { ref: 'nope.params.leak' })).toBe('no node or edge “nope”');
    expect(sliderFor(doc, { ref: 'x.position.x' })).toMatch(/only params/);
    expect(sliderFor(doc, { ref: 'x.params.activation' })).toMatch(/not a number/);
    expect(sliderFor(doc, { ref: 'x.params.nothing' })).toMatch(/not set/);
  });

  it('write a value into a copy of the document', () => {
    const next = setRef(doc, 'self.params.weight.value', 0.9);
    expect(next.edges.find((e) => e.id === 'self')!.params.weight).toMatchObject({ type: 'constant', value: 0.9 });
    expect(doc.edges.find((e) => e.id === 'self')!.params.weight).toMatchObject({ value: 2 });
    const arr = setRef(preset('ctrnn-oscillator'), 'w.params.weight.values.0.1', 0);
    expect((arr.edges[0].params.weight as { values: number[][] }).values).toEqual([[4.5, 0], [-1, 4.5]]);
    expect(validateDocument(next).ok).toBe(true);
  });
});
