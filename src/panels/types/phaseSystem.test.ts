import { describe, expect, it } from 'vitest';
import wilsonCowan from '../../../presets/wilson-cowan.json';
import ctrnnOscillator from '../../../presets/ctrnn-oscillator.json';
import selfConnected from '../../../presets/self-connected-unit.json';
import esnSine from '../../../presets/esn-sine.json';
import { validateDocument, type GraphDocument } from '../../model/index.ts';
import { EngineSession } from '../../engine/worker/session.ts';
import { analysePlane, analyseReturnMap } from '../transforms/nullclines.ts';
import { phaseModel, type PhaseEnv, type PhaseSelection } from './phaseSystem.ts';

async function setup(raw: unknown, inputs: Record<string, number[]> = {}) {
  const v = validateDocument(raw);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  const session = new EngineSession();
  await session.load(v.doc);
  const env: PhaseEnv = { weights: (e) => session.weightsSync(e) ?? undefined, inputNow: (id) => inputs[id] ?? null };
  return { doc: v.doc, env };
}

const view = { x: [0, 1] as [number, number], y: [0, 1] as [number, number] };

describe('phase systems from documents', () => {
  it('the Wilson–Cowan preset: one unstable focus (its limit cycle), E on x; swapped with I on x', async () => {
    const { doc, env } = await setup(wilsonCowan);
    const m = phaseModel(doc, { a: 'wc', b: 'wc', ua: 0, ub: 1 }, env);
    expect(m.kind).toBe('plane');
    if (m.kind !== 'plane') return;
    const a = analysePlane(m.system, view);
    expect(a.fixedPoints).toHaveLength(1);
    expect(a.fixedPoints[0].stable).toBe(false);
    expect(a.nullclines.map((n) => n.name)).toEqual(['E-nullcline (dE/dt = 0)', 'I-nullcline (dI/dt = 0)']);
    const swapped = phaseModel(doc, { a: 'wc', b: 'wc', ua: 1, ub: 0 }, env);
    if (swapped.kind !== 'plane') throw new Error('expected a plane');
    expect(analysePlane(swapped.system, view).fixedPoints[0].x).toBeCloseTo(a.fixedPoints[0].y, 9);
    // Coupled to the second column, the state is 4-D: no plane, and the reason names the edge.
    const coupled = structuredClone(wilsonCowan);
    coupled.edges[1].params.weight.values[0][0] = 0.1;
    const { doc: d2, env: env2 } = await setup(coupled);
    const none = phaseModel(d2, { a: 'wc', b: 'wc', ua: 0, ub: 1 }, env2);
    expect(none.kind).toBe('none');
    if (none.kind === 'none') expect(none.reason).toMatch(/^wc also receives wc2 /);
  });

  it('Neuromatch defaults restored in the preset: three fixed points, the high one at r_E ≈ 0.938', async () => {
    const doc = structuredClone(wilsonCowan);
    Object.assign(doc.nodes[0].params, { w_EE: 9, w_EI: 4, w_IE: 13, w_II: 11, I_ext_E: 0 });
    const { doc: d, env } = await setup(doc);
    const m = phaseModel(d, { a: 'wc', b: 'wc', ua: 0, ub: 1 }, env);
    if (m.kind !== 'plane') throw new Error('expected a plane');
    const fps = analysePlane(m.system, view).fixedPoints;
    expect(fps.map((p) => p.stable)).toEqual([true, false, true]);
    expect(fps[2].x).toBeCloseTo(0.938, 3);
  });

  it('Beer’s CTRNN oscillator: the centre-crossing fixed point (2.75, 1.75), unstable', async () => {
    const { doc, env } = await setup(ctrnnOscillator);
    const m = phaseModel(doc, { a: 'c', b: 'c', ua: 0, ub: 1 }, env);
    if (m.kind !== 'plane') throw new Error(m.kind === 'none' ? m.reason : 'expected a plane');
    const [p] = analysePlane(m.system, { x: [0, 5], y: [0, 4] }).fixedPoints;
    expect(p.x).toBeCloseTo(2.75, 8);
    expect(p.y).toBeCloseTo(1.75, 8);
    expect(p.stable).toBe(false);
    // The probes record outputs σ(y + θ): there the fixed point sits at (½, ½).
    const [toX, toY] = m.axes!.toShown;
    expect(toX(p.x)).toBeCloseTo(0.5, 9);
    expect(toY(p.y)).toBeCloseTo(0.5, 9);
    expect(m.axes!.fromShown[0](0.5)).toBeCloseTo(2.75, 9);
  });

  it('the self-connected unit: a return map at the current input, fixed points ±0.9575 and 0', async () => {
    const { doc, env } = await setup(selfConnected, { u: [0] });
    const m = phaseModel(doc, { a: 'x', b: 'x', ua: 0, ub: 0 }, env);
    if (m.kind !== 'return-map') throw new Error(m.kind === 'none' ? m.reason : 'expected a return map');
    expect(m.note).toBe('for the current input u = 0');
    expect(analyseReturnMap(m.map, [0, 1]).fixedPoints.map((p) => +p.x.toFixed(4))).toEqual([-0.9575, 0, 0.9575]);
    // During the pulse (u = 1) the map shifts: one fixed point left, near tanh(2x + 1) = x.
    const pulse = phaseModel(doc, { a: 'x', b: 'x', ua: 0, ub: 0 }, { ...env, inputNow: () => [1] });
    if (pulse.kind !== 'return-map') throw new Error('expected a return map');
    expect(analyseReturnMap(pulse.map, [0, 1]).fixedPoints).toHaveLength(1);
  });

  it('two 1-unit rate nodes joined both ways (one delay-0 edge): a plane with sequential updates', async () => {
    const doc = {
      format: 'recurrence-graph',
      version: 1,
      title: 'pair',
      seed: 1,
      dt: 1,
      nodes: [
        { id: 'p', kind: 'rate', params: { activation: 'tanh', bias: 0.1 } },
        { id: 'q', kind: 'rate', params: { activation: 'sigmoid', leak: 0.5 } },
        { id: 'k', kind: 'input', params: { signal: { type: 'constant', value: 2 } } },
      ],
      edges: [
        { id: 'pq', source: 'p', target: 'q', params: { weight: { type: 'constant', value: 1.5 } } },
        { id: 'qp', source: 'q', target: 'p', params: { weight: { type: 'constant', value: -2 }, delay: 1 } },
        { id: 'pp', source: 'p', target: 'p', params: { weight: { type: 'constant', value: 0.5 }, delay: 1 } },
        { id: 'kq', source: 'k', target: 'q', params: { weight: { type: 'constant', value: 0.25 } } },
      ],
    };
    const { doc: d, env } = await setup(doc, { k: [2] });
    const m = phaseModel(d, { a: 'p', b: 'q', ua: 0, ub: 0 }, env);
    if (m.kind !== 'plane') throw new Error(m.kind === 'none' ? m.reason : 'expected a plane');
    expect(m.note).toBeUndefined(); // a constant input needs no caveat
    const [fp] = analysePlane(m.system, { x: [-1, 1], y: [0, 1] }).fixedPoints;
    // p = tanh(0.5 p − 2 q + 0.1), q = σ(1.5 p + 0.5).
    expect(Math.tanh(0.5 * fp.x - 2 * fp.y + 0.1)).toBeCloseTo(fp.x, 9);
    expect(1 / (1 + Math.exp(-(1.5 * fp.x + 0.5)))).toBeCloseTo(fp.y, 9);
  });

  it('says why not: a 100-unit reservoir, a sine input, a long delay, weights not fetched yet', async () => {
    const { doc, env } = await setup(esnSine);
    const big = phaseModel(doc, { a: 'res', b: 'res', ua: 0, ub: 1 }, env);
    expect(big).toMatchObject({ kind: 'none', reason: expect.stringMatching(/res has 100 units/) });
    const sine = structuredClone(selfConnected) as unknown as GraphDocument;
    (sine.nodes[0].params as Record<string, unknown>).signal = { type: 'sine', amplitude: 1, period: 20 };
    const s = await setup(sine, { u: [0] });
    expect(phaseModel(s.doc, { a: 'x', b: 'x', ua: 0, ub: 0 }, s.env)).toMatchObject({ kind: 'none', reason: 'input u varies (sine): no fixed nullclines' });
    const delayed = structuredClone(selfConnected) as unknown as GraphDocument;
    delayed.edges[1].params.delay = 3;
    const dd = await setup(delayed, { u: [0] });
    expect(phaseModel(dd.doc, { a: 'x', b: 'x', ua: 0, ub: 0 }, dd.env)).toMatchObject({ kind: 'none', reason: expect.stringMatching(/delay of 3 steps/) });
    const sel: PhaseSelection = { a: 'x', b: 'x', ua: 0, ub: 0 };
    expect(phaseModel(dd.doc, sel, { ...dd.env, weights: () => undefined })).toMatchObject({ kind: 'none', reason: expect.stringMatching(/waiting/) });
  });
});
