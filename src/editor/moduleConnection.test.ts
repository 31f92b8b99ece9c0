import { describe, expect, it } from 'vitest';
import { valid } from '../test-support/docs.ts';
import { connectionChoices, connectionEnd, involvesModule } from './moduleConnection.ts';
import { groupFlowId } from './scene.ts';

const doc = valid({
  format: 'recurrence-graph',
  version: 1,
  nodes: [
    { id: 'u', kind: 'input', label: 'drive', params: { signal: { type: 'constant', value: 1 } } },
    { id: 'a', kind: 'rate', params: { size: 3, activation: 'tanh', leak: 1 } },
    { id: 'b', kind: 'rate', label: 'B', params: { size: 2, activation: 'tanh', leak: 1 } },
    { id: 'c', kind: 'rate', params: { size: 1, activation: 'tanh', leak: 1 } },
  ],
  edges: [],
  groups: [{ id: 'm', label: 'Module', nodes: ['u', 'a', 'b'], collapsed: true }],
});

describe('connections to and from a collapsed module', () => {
  it('reads canvas ids as ends: a module flow id is its group, anything else a node', () => {
    expect(connectionEnd(groupFlowId('m'))).toEqual({ group: 'm' });
    expect(connectionEnd('c')).toEqual({ node: 'c' });
    expect(involvesModule({ source: { node: 'c' }, target: { group: 'm' } })).toBe(true);
    expect(involvesModule({ source: { node: 'c' }, target: { node: 'a' } })).toBe(false);
  });

  it('into a module: only members that receive edges; out of it: every member', () => {
    const into = connectionChoices(doc, { source: { node: 'c' }, target: { group: 'm' } });
    expect(into.source.map((m) => m.id)).toEqual(['c']);
    expect(into.target.map((m) => m.id)).toEqual(['a', 'b']); // not the input u
    expect(into.target[1].text).toBe('B (Rate population)');
    const out = connectionChoices(doc, { source: { group: 'm' }, target: { node: 'c' } });
    expect(out.source.map((m) => m.id)).toEqual(['u', 'a', 'b']);
    expect(out.source[0].text).toBe('drive (Input)');
  });

  it('an unknown module offers nothing', () => {
    expect(connectionChoices(doc, { source: { node: 'c' }, target: { group: 'gone' } }).target).toEqual([]);
  });
});
