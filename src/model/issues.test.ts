import { describe, expect, it } from 'vitest';
import { describeIssue } from './issues.ts';

const doc = {
  nodes: [{ id: 'u' }, { id: 'res', label: 'reservoir' }],
  edges: [{ id: 'in', label: 'W_in' }, { id: 'rec' }],
};

describe('describeIssue', () => {
  it('names a labelled edge by its label and id instead of its index', () => {
    expect(describeIssue(doc, { path: 'edges[0].params.weight.low', message: 'must be < high' })).toBe('edge “W_in” (in) params.weight.low: must be < high');
  });
  it('names an element without a label by its id', () => {
    expect(describeIssue(doc, { path: 'edges[1].params.delay', message: 'must be ≥ 0' })).toBe('edge rec params.delay: must be ≥ 0');
    expect(describeIssue(doc, { path: 'nodes[0]', message: 'unknown kind' })).toBe('node u: unknown kind');
    expect(describeIssue(doc, { path: 'nodes[1].params.leak', message: 'must be in (0, 1], got 3' })).toBe('node “reservoir” (res) params.leak: must be in (0, 1], got 3');
  });
  it('keeps other paths, and indices past the end, as JSON paths', () => {
    expect(describeIssue(doc, { path: 'dt', message: 'must be > 0' })).toBe('dt: must be > 0');
    expect(describeIssue(doc, { path: 'edges[7].source', message: 'no such node' })).toBe('edges[7].source: no such node');
  });
});
