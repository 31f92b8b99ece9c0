import { describe, expect, it } from 'vitest';
import { edge, leakyUnitDoc, node, rawDoc, valid } from '../test-support/docs.ts';
import { delayLabel, reduceEdgeChanges, reduceNodeChanges, toFlow, weightSummary, withViewState } from './toFlow.ts';

describe('toFlow', () => {
  const doc = valid(leakyUnitDoc());

  it('maps every node with its kind as type, position and display data', () => {
    const { nodes } = toFlow(doc);
    expect(nodes.map((n) => [n.id, n.type, n.position])).toEqual([
      ['u', 'graph-input', { x: 0, y: 0 }],
      ['x', 'graph-rate', { x: 200, y: 0 }],
    ]);
    expect(nodes[0].data).toMatchObject({ kind: 'input', kindLabel: 'Input', group: 'inputs', title: 'u', size: 1, summary: 'constant', acceptsInput: false });
    expect(nodes[1].data).toMatchObject({ kind: 'rate', kindLabel: 'Rate population', group: 'rate', size: 1, summary: 'linear', acceptsInput: true });
  });

  it('maps edges, drawing a self-loop with its own type and keeping the delay', () => {
    const { edges } = toFlow(doc);
    expect(edges.map((e) => [e.id, e.source, e.target, e.type, e.data?.delay, e.data?.weight])).toEqual([
      ['in', 'u', 'x', 'signal', 0, '1'],
      ['self', 'x', 'x', 'selfLoop', 1, '0.5'],
    ]);
  });

  it('uses the label as title and reports population sizes', () => {
    const d = valid(
      rawDoc(
        [
          node('in', 'input', { size: 3, signal: { type: 'sine', amplitude: 1, period: 20, phase: 0 } }),
          { ...node('res', 'rate', { size: 50, activation: 'tanh', leak: 0.3 }, 300), label: 'Reservoir' },
        ],
        [edge('w', 'in', 'res', { type: 'uniform', low: -1, high: 1 }, 3, { connectivity: 0.1 })],
      ),
    );
    const { nodes, edges } = toFlow(d);
    expect(nodes[1].data).toMatchObject({ title: 'Reservoir', id: 'res', size: 50, summary: 'tanh · leak 0.3' });
    expect(nodes[0].data.size).toBe(3);
    expect(edges[0].type).toBe('signal');
    expect(edges[0].data).toEqual({ delay: 3, weight: 'U[-1, 1] · p 0.1' });
  });

  it('does not mutate the document', () => {
    const before = JSON.stringify(doc);
    const { nodes } = toFlow(doc);
    nodes[0].position.x = 999;
    expect(JSON.stringify(doc)).toBe(before);
  });
});

describe('labels', () => {
  it('writes delays as z to a negative superscript power', () => {
    expect(delayLabel(0)).toBe('');
    expect(delayLabel(1)).toBe('z⁻¹');
    expect(delayLabel(12)).toBe('z⁻¹²');
  });

  it('summarises each weight initialisation', () => {
    expect(weightSummary({ weight: { type: 'constant', value: -2 } })).toBe('-2');
    expect(weightSummary({ weight: { type: 'normal', mean: 0, std: 0.5 }, spectralRadius: 0.9 })).toBe('N(0, 0.5) · ρ 0.9');
    expect(weightSummary({ weight: { type: 'matrix', values: [[1, 2], [3, 4], [5, 6]] } })).toBe('3×2 matrix');
    expect(weightSummary({ weight: { type: 'identity', value: 1 } })).toBe('I');
    expect(weightSummary({ weight: { type: 'identity', value: 2 }, scale: 3 })).toBe('2·I · ×3');
    expect(weightSummary({ weight: { type: 'uniform', low: -1, high: 1 }, connectivity: 0.1 })).toBe('U[-1, 1] · p 0.1');
    expect(weightSummary({ weight: { type: 'constant', value: 0.1 }, connectivity: { rule: 'fixed-indegree', k: 1000 } })).toBe('0.1 · in-degree 1000');
    expect(weightSummary({ weight: { type: 'normal', mean: 0, std: 1 }, connectivity: { rule: 'fixed-total', n: 50, autapses: true }, spectralRadius: 0.9 })).toBe(
      'N(0, 1) · 50 synapses (autapses) · ρ 0.9',
    );
  });
});

describe('view state', () => {
  it('keeps measured sizes and selection apart from the document and reports moves', () => {
    const { view, moves } = reduceNodeChanges({}, [
      { type: 'dimensions', id: 'x', dimensions: { width: 150, height: 70 } },
      { type: 'select', id: 'u', selected: true },
      { type: 'position', id: 'x', position: { x: 10, y: 20 }, dragging: true },
      { type: 'remove', id: 'u' },
    ]);
    expect(view).toEqual({ x: { measured: { width: 150, height: 70 }, dragging: true }, u: { selected: true } });
    expect(moves).toEqual([{ id: 'x', position: { x: 10, y: 20 } }]);

    const nodes = withViewState(toFlow(valid(leakyUnitDoc())).nodes, view);
    expect(nodes[0].selected).toBe(true);
    expect(nodes[1].measured).toEqual({ width: 150, height: 70 });
    expect(nodes[1].position).toEqual({ x: 200, y: 0 }); // positions come from the document only
  });

  it('tracks edge selection', () => {
    expect(reduceEdgeChanges({}, [{ type: 'select', id: 'self', selected: true }])).toEqual({ self: { selected: true } });
  });
});
