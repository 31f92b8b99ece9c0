import { describe, expect, it } from 'vitest';
import { EngineSession } from '../engine/worker/session.ts';
import { leakyUnitDoc, valid } from '../test-support/docs.ts';
import { createSimulationStore } from './simulationStore.ts';
import { defaultTraceNode, probeRows, probeUnits, probesFor, traceNodeOf } from './traces.ts';

function store() {
  return createSimulationStore(() => ({ api: new EngineSession(), mode: 'in-page', dispose: () => undefined }));
}

describe('simulationStore', () => {
  it('runs a document and keeps every node’s trace', async () => {
    const sim = store();
    const outcome = await sim.getState().run(valid(leakyUnitDoc()), 50);
    expect(outcome.ok).toBe(true);
    const s = sim.getState();
    expect(s.status).toBe('done');
    expect(s.engineMode).toBe('in-page');
    expect(s.frame).toMatchObject({ t: 50, firstStep: 1, steps: 50, divergence: null });
    expect(Object.keys(s.traces).sort()).toEqual(['u', 'x']);
    const x = probeRows(s.traces.x).map((r) => r[0]);
    expect(x.slice(0, 3)).toEqual([1, 1.5, 1.75]);
    expect(x[49]).toBeCloseTo(2, 10);
  });

  it('starts every run from the seed', async () => {
    const sim = store();
    const doc = valid(leakyUnitDoc());
    await sim.getState().run(doc, 5);
    await sim.getState().run(doc, 5);
    expect(probeUnits(sim.getState().traces.x)[0]).toEqual([1, 1.5, 1.75, 1.875, 1.9375]);
  });

  it('reports divergence with the node and step', async () => {
    const raw = leakyUnitDoc();
    (raw.edges[1].params as { weight: unknown }).weight = { type: 'constant', value: 1e200 };
    const sim = store();
    await sim.getState().run(valid(raw), 100);
    const s = sim.getState();
    expect(s.frame?.divergence?.node).toBe('x');
    expect(s.divergence).toMatch(/x/);
    expect(s.frame!.steps).toBeLessThan(100);
  });

  it('clears the last run', async () => {
    const sim = store();
    await sim.getState().run(valid(leakyUnitDoc()), 3);
    sim.getState().clear();
    expect(sim.getState()).toMatchObject({ status: 'idle', frame: null, traces: {}, divergence: null });
  });
});

describe('probe selection', () => {
  const doc = valid(leakyUnitDoc());

  it('records every node while the samples fit, the trace node first', () => {
    expect(probesFor(doc, 200, 'x')).toEqual(['x', 'u']);
    expect(probesFor(doc, 200, null)).toEqual(['u', 'x']);
  });

  it('keeps the trace node when the budget is tight', () => {
    expect(probesFor(doc, 200, 'x', 300)).toEqual(['x']);
    expect(probesFor(doc, 200, 'x', 10)).toEqual(['x']);
  });

  it('picks the last non-input node as the default trace', () => {
    expect(defaultTraceNode(doc)).toBe('x');
    expect(traceNodeOf(doc, 'u')).toBe('u');
    expect(traceNodeOf(doc, 'gone')).toBe('x');
  });

  it('runs with the chosen probes only', async () => {
    const sim = store();
    await sim.getState().run(doc, 3, ['u']);
    expect(Object.keys(sim.getState().traces)).toEqual(['u']);
  });
});
