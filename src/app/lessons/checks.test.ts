import { describe, expect, it } from 'vitest';
import { evaluate, measuredIn, newlyHeld, quantitiesIn, resolveRef, sameNetwork, traceStat, type CheckContext, type Measured, type MeasuredQuantity, type Measurement, type Predicate, type TraceSamples } from './checks.ts';
import { lessonChecks } from './lessonChecks.ts';
import { catalog, findPreset } from './catalog.ts';
import { renderLesson } from './markdown.ts';

const doc = {
  nodes: [{ id: 'x', kind: 'rate', params: { leak: 0.5, activation: 'tanh', init: [3, -2] } }],
  edges: [{ id: 'self', source: 'x', target: 'x', params: { weight: { type: 'matrix', values: [[1, 2], [3, 4]] } } }],
};

/** One unit's samples. */
const samples = (values: number[], width = 1): TraceSamples => ({ count: values.length / width, width, data: values });
const ctx = (trace: Record<string, TraceSamples> = {}): CheckContext => ({ doc, trace: (p) => trace[p] ?? null });

describe('check predicates', () => {
  it('resolve node and edge values by ID.path, array indices included', () => {
    expect(resolveRef(doc, 'x.params.leak')).toBe(0.5);
    expect(resolveRef(doc, 'x.params.init.1')).toBe(-2);
    expect(resolveRef(doc, 'self.params.weight.values.1.0')).toBe(3);
    expect(resolveRef(doc, 'nope.params.leak')).toBeUndefined();
    expect(resolveRef(doc, 'x.params.leak.deeper')).toBeUndefined();
  });

  it('compare document values', () => {
    expect(evaluate({ ref: 'x.params.leak', op: '<', value: 1 }, ctx())).toBe(true);
    expect(evaluate({ ref: 'x.params.leak', op: '>', value: 1 }, ctx())).toBe(false);
    expect(evaluate({ ref: 'x.params.leak', op: '≈', value: 0.52, tol: 0.05 }, ctx())).toBe(true);
    expect(evaluate({ ref: 'x.params.leak', op: '≈', value: 0.52 }, ctx())).toBe(false);
    expect(evaluate({ ref: 'x.params.activation', op: '=', value: 'tanh' }, ctx())).toBe(true);
    expect(evaluate({ ref: 'x.params.activation', op: '>', value: 0 }, ctx())).toBe(false);
    expect(evaluate({ ref: 'x.params.missing', op: '<', value: 1 }, ctx())).toBe(false);
  });

  it('see removed elements', () => {
    expect(evaluate({ missing: 'self' }, ctx())).toBe(false);
    expect(evaluate({ missing: 'gone' }, ctx())).toBe(true);
  });

  it('read trace statistics over the last steps', () => {
    const s = samples([0, 1, -2, 0.5]);
    expect(traceStat(s, 0, 'final')).toBe(0.5);
    expect(traceStat(s, 0, 'min')).toBe(-2);
    expect(traceStat(s, 0, 'max', 2)).toBe(0.5);
    expect(traceStat(s, 0, 'range')).toBe(3);
    expect(traceStat(s, 0, 'absMax', 3)).toBe(2);
    expect(traceStat(s, 0, 'mean')).toBeCloseTo(-0.125);
    expect(traceStat(samples([1, -0.66]), 0, 'final', undefined, true)).toBe(0.66);
  });

  it('leave trace checks undecided without enough steps, and check every unit on request', () => {
    const p: Predicate = { trace: 'x', stat: 'final', op: '≈', value: 0, tol: 0.01, minSteps: 3 };
    expect(evaluate(p, ctx())).toBeNull();
    expect(evaluate(p, ctx({ x: samples([1, 0]) }))).toBeNull();
    expect(evaluate(p, ctx({ x: samples([1, 0.5, 0]) }))).toBe(true);
    const two = samples([1, 1, 0, 0.5], 2);
    expect(evaluate({ trace: 'x', unit: 'all', stat: 'final', op: '<', value: 0.4 }, ctx({ x: two }))).toBe(false);
    expect(evaluate({ trace: 'x', unit: 0, stat: 'final', op: '<', value: 0.4 }, ctx({ x: two }))).toBe(true);
    expect(evaluate({ trace: 'x', unit: 5, stat: 'final', op: '<', value: 0.4 }, ctx({ x: two }))).toBe(false);
  });

  it('combine with all / any / not (false wins in all, true in any, undecided stays undecided)', () => {
    const yes: Predicate = { ref: 'x.params.leak', op: '=', value: 0.5 };
    const no: Predicate = { missing: 'x' };
    const unknown: Predicate = { trace: 'x', stat: 'final', op: '>', value: 0 };
    expect(evaluate({ all: [yes, yes] }, ctx())).toBe(true);
    expect(evaluate({ all: [yes, unknown] }, ctx())).toBeNull();
    expect(evaluate({ all: [no, unknown] }, ctx())).toBe(false);
    expect(evaluate({ any: [no, unknown] }, ctx())).toBeNull();
    expect(evaluate({ any: [yes, unknown] }, ctx())).toBe(true);
    expect(evaluate({ not: no }, ctx())).toBe(true);
    expect(evaluate({ not: unknown }, ctx())).toBeNull();
  });
});

describe('measured values', () => {
  const q: MeasuredQuantity = { measure: 'ais', probe: 'x', estimator: 'ksg', k: 2, units: [0], window: 100, washout: 10 };
  const other: MeasuredQuantity = { ...q, k: 3 };
  const withLeak = (leak: number) => ({ ...doc, nodes: [{ ...doc.nodes[0], params: { ...doc.nodes[0].params, leak } }] });
  const at = (leak: number): Measured => ({ measured: q, while: { ref: 'x.params.leak', op: '≈', value: leak, tol: 1e-9 } });
  const measured = (list: Measurement[], of = q) => (m: MeasuredQuantity) => (m === of ? list : []);
  const mctx = (list: Measurement[], of = q): CheckContext => ({ doc, trace: () => null, measurements: measured(list, of) });

  it('compare the newest value measured on the open network; undecided before one', () => {
    const p: Predicate = { measured: q, op: '>', value: 1 };
    expect(evaluate(p, mctx([]))).toBeNull();
    expect(evaluate(p, { doc, trace: () => null })).toBeNull();
    expect(evaluate(p, mctx([{ doc, value: 0.5 }, { doc, value: 1.5 }]))).toBe(true);
    expect(evaluate(p, mctx([{ doc, value: 1.5 }, { doc, value: 0.5 }]))).toBe(false);
    // A value of another network (here: another leak) is not the open network's.
    expect(evaluate(p, mctx([{ doc: withLeak(0.9), value: 1.5 }]))).toBeNull();
    // …and a value of another quantity is not this one's.
    expect(evaluate(p, mctx([{ doc, value: 1.5 }], other))).toBeNull();
  });

  it('remember values by the settings they were measured at ("while")', () => {
    const list = [
      { doc: withLeak(0.2), value: 0.1 },
      { doc: withLeak(0.8), value: 2 },
      { doc: withLeak(0.2), value: 0.15 },
    ];
    expect(evaluate({ ...at(0.2), op: '≈', value: 0.15 }, mctx(list))).toBe(true);
    expect(evaluate({ ...at(0.8), op: '≈', value: 2 }, mctx(list))).toBe(true);
    expect(evaluate({ ...at(0.5), op: '>', value: 0 }, mctx(list))).toBeNull();
  });

  it('compare ratios of two remembered values; undecided while one is missing or the divisor is not positive', () => {
    const list = [
      { doc: withLeak(0.2), value: 0.1 },
      { doc: withLeak(0.8), value: 1.2 },
    ];
    const tenfold: Predicate = { ratio: [at(0.8), at(0.2)], op: '>=', value: 10 };
    expect(evaluate(tenfold, mctx(list))).toBe(true);
    expect(evaluate(tenfold, mctx([...list, { doc: withLeak(0.2), value: 0.2 }]))).toBe(false);
    expect(evaluate(tenfold, mctx(list.slice(1)))).toBeNull();
    expect(evaluate(tenfold, mctx([...list, { doc: withLeak(0.2), value: -0.01 }]))).toBeNull();
  });

  it('list what a predicate measures, inside all / any / not', () => {
    const p: Predicate = { all: [{ ref: 'x.params.leak', op: '>', value: 0 }, { not: { ratio: [at(0.8), at(0.2)], op: '>', value: 1 } }, { any: [{ measured: other, op: '<', value: 1 }] }] };
    expect(measuredIn(p)).toHaveLength(3);
    expect(quantitiesIn(p)).toEqual([q, q, other]);
  });

  it('treat a panel layout change as the same network, a seed or node change as another', () => {
    expect(sameNetwork(doc, { ...doc, panels: [] })).toBe(true);
    expect(sameNetwork(doc, { ...doc, seed: 9 })).toBe(false);
    expect(sameNetwork(doc, withLeak(0.5))).toBe(false);
    expect(sameNetwork(null, doc)).toBe(false);
  });
});

/** Every ref, missing id, trace probe, measured probe and task node a predicate names. */
function namesIn(p: Predicate): string[] {
  if ('all' in p) return p.all.flatMap(namesIn);
  if ('any' in p) return p.any.flatMap(namesIn);
  if ('not' in p) return namesIn(p.not);
  if ('missing' in p) return [p.missing];
  if ('ratio' in p || 'measured' in p) return measuredIn(p).flatMap((m) => [m.measured.probe, ...(m.while ? namesIn(m.while) : [])]);
  if ('task' in p) return ['readout' in p ? p.readout : p.node];
  return ['trace' in p ? p.trace : p.ref.split('.')[0]];
}

describe('the lessons check table', () => {
  it.each(Object.keys(lessonChecks))('%s: steps exist, names are in the preset, nothing holds before the student acts', (name) => {
    const preset = findPreset(name)!;
    expect(preset?.lessonText).toBeDefined();
    const steps = renderLesson(preset.lessonText!).stepsHtml.length;
    const presetDoc = preset.doc as { nodes: { id: string }[]; edges: { id: string }[] };
    const ids = new Set([...presetDoc.nodes, ...presetDoc.edges].map((e) => e.id));
    for (const [step, p] of Object.entries(lessonChecks[name])) {
      expect(Number(step)).toBeGreaterThanOrEqual(1);
      expect(Number(step)).toBeLessThanOrEqual(steps);
      for (const id of namesIn(p)) if (!('missing' in p && p.missing === id)) expect(ids, `${name} step ${step}`).toContain(id);
      const verdict = evaluate(p, { doc: preset.doc, trace: () => null });
      expect(verdict, `${name} step ${step} holds on the untouched preset`).not.toBe(true);
    }
  });

  it('covers at least one step in most lessons', () => {
    const lessons = catalog.filter((p) => p.lessonText);
    expect(Object.keys(lessonChecks).length).toBeGreaterThanOrEqual(lessons.length - 1);
  });
});

describe('ticking', () => {
  it('ticks a step when its check comes to hold, not again while it keeps holding (a hand-untick sticks)', () => {
    const checks: [number, Predicate][] = [
      [1, { ref: 'x.params.leak', op: '>', value: 0.4 }],
      [2, { trace: 'x', stat: 'final', op: '>', value: 0 }],
    ];
    const last = new Map();
    expect(newlyHeld(checks, ctx(), last)).toEqual([1]);
    expect(newlyHeld(checks, ctx(), last)).toEqual([]);
    expect(newlyHeld(checks, ctx({ x: samples([1]) }), last)).toEqual([2]);
    expect(newlyHeld(checks, ctx({ x: samples([-1]) }), last)).toEqual([]);
    expect(newlyHeld(checks, ctx({ x: samples([1]) }), last)).toEqual([2]);
  });
});
