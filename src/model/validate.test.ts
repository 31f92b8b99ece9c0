import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, formatIssue, validateDocument, migrate, MIGRATIONS, parseDocumentText, serializeDocument, type Migration } from './index.ts';
import { edge, leakyUnitDoc, node, rawDoc, valid } from '../test-support/docs.ts';

function errorsOf(raw: unknown): string[] {
  const r = validateDocument(raw);
  return r.ok ? [] : r.errors.map(formatIssue);
}

describe('graph document validation', () => {
  it('accepts the issue example and fills defaults', () => {
    const doc = valid(leakyUnitDoc());
    expect(doc.nodes.map((n) => n.id)).toEqual(['u', 'x']);
    expect(doc.edges[0].params.delay).toBe(0);
    expect(doc.edges[1].params.delay).toBe(1);
  });

  it('names the JSON path and the rule of an out-of-range parameter', () => {
    const raw = leakyUnitDoc();
    (raw.nodes[1].params as Record<string, unknown>).leak = 3;
    expect(errorsOf(raw)).toEqual(['nodes[1].params.leak: must be in (0, 1], got 3']);
  });

  it('rejects unknown kinds, listing the known ones', () => {
    const raw = leakyUnitDoc();
    raw.nodes.push(node('z', 'quantum', {}));
    expect(errorsOf(raw)[0]).toMatch(/^nodes\[2\]\.kind: unknown kind "quantum" \(known kinds: .*rate/);
  });

  it('rejects unknown fields at every level', () => {
    const raw = leakyUnitDoc();
    raw.colour = 'red';
    (raw.nodes[1].params as Record<string, unknown>).gain = 2;
    (raw.edges[0].params as Record<string, unknown>).strength = 1;
    expect(errorsOf(raw)).toEqual(
      expect.arrayContaining(['colour: unknown field', 'nodes[1].params.gain: unknown field', 'edges[0].params.strength: unknown field']),
    );
  });

  it('rejects dangling edge ends and duplicate ids', () => {
    const raw = leakyUnitDoc();
    raw.edges.push(edge('ghost', 'u', 'nowhere', { type: 'constant', value: 1 }));
    raw.nodes.push(node('x', 'rate', {}));
    raw.edges.push(edge('in', 'u', 'x', { type: 'constant', value: 1 }));
    const errors = errorsOf(raw);
    expect(errors).toContain('edges[2].target: no node with id "nowhere"');
    expect(errors).toContain('nodes[2].id: duplicate id "x" (also nodes[1])');
    expect(errors).toContain('edges[3].id: duplicate id "in" (also edges[0])');
  });

  it('rejects non-finite numbers', () => {
    const raw = leakyUnitDoc();
    (raw.nodes[1].params as Record<string, unknown>).bias = Infinity;
    raw.dt = Number.NaN;
    const errors = errorsOf(raw);
    expect(errors.some((e) => e.startsWith('dt: must be a finite number'))).toBe(true);
    expect(errors.some((e) => e.startsWith('nodes[1].params.bias:'))).toBe(true);
  });

  it('rejects sizes above the documented limit', () => {
    const raw = leakyUnitDoc();
    (raw.nodes[1].params as Record<string, unknown>).size = 1e9;
    expect(errorsOf(raw)[0]).toBe('nodes[1].params.size: must be an integer in [1, 100000], got 1000000000');
  });

  it('rejects newer format versions and wrong formats', () => {
    expect(errorsOf({ ...leakyUnitDoc(), version: CURRENT_VERSION + 1 })[0]).toMatch(new RegExp(`^version: this file has format version ${CURRENT_VERSION + 1}, newer than`));
    expect(errorsOf({ ...leakyUnitDoc(), format: 'other' })[0]).toBe('format: must be "recurrence-graph", got "other"');
    expect(errorsOf([1, 2])[0]).toMatch(/^\(root\): must be a JSON object/);
    expect(errorsOf(null)[0]).toMatch(/^\(root\)/);
  });

  it('reports text that is not JSON', () => {
    const r = parseDocumentText('{"format": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].path).toBe('(root)');
  });

  it('names the nodes of a loop whose edges all have delay 0', () => {
    const raw = rawDoc(
      [node('a', 'rate', {}), node('b', 'rate', {}), node('c', 'rate', {})],
      [
        edge('ab', 'a', 'b', { type: 'constant', value: 1 }),
        edge('bc', 'b', 'c', { type: 'constant', value: 1 }),
        edge('ca', 'c', 'a', { type: 'constant', value: 1 }),
      ],
    );
    expect(errorsOf(raw)).toEqual([
      'edges[2].params.delay: the loop a → b → c → a has no delay (edges ab, bc, ca all have delay 0); give one of its edges a delay ≥ 1',
    ]);
    (raw.edges[1].params as Record<string, unknown>).delay = 1;
    expect(errorsOf(raw)).toEqual([]);
  });

  it('requires delay ≥ 1 on a self-loop', () => {
    const raw = leakyUnitDoc();
    (raw.edges[1].params as Record<string, unknown>).delay = 0;
    expect(errorsOf(raw)[0]).toMatch(/^edges\[1\]\.params\.delay: a self-loop needs delay ≥ 1/);
  });

  it('checks matrix shapes, identity and spectral-radius squareness against node sizes', () => {
    const raw = rawDoc(
      [node('u', 'input', { size: 2, signal: { type: 'constant', value: 1 } }), node('x', 'rate', { size: 3 })],
      [
        edge('m', 'u', 'x', { type: 'matrix', values: [[1, 2], [3, 4]] }),
        edge('i', 'u', 'x', { type: 'identity' }),
        edge('s', 'u', 'x', { type: 'normal' }, 0, { spectralRadius: 0.9 }),
      ],
    );
    expect(errorsOf(raw)).toEqual([
      'edges[0].params.weight.values: must have 3 rows (target size), got 2',
      'edges[1].params.weight.type: identity needs equal source and target sizes, got 3×2',
      'edges[2].params.spectralRadius: needs a square matrix (equal source and target sizes), got 3×2',
    ]);
  });

  it('checks per-unit arrays against the size', () => {
    const raw = rawDoc([node('x', 'rate', { size: 3, bias: [1, 2] })]);
    expect(errorsOf(raw)).toEqual(['nodes[0].params.bias: must have one value per unit (size 3), got 2']);
  });

  it('names the allowed signal types', () => {
    const raw = rawDoc([node('u', 'input', { signal: { type: 'sinus' } })]);
    expect(errorsOf(raw)[0]).toBe(
      'nodes[0].params.signal.type: must be one of "constant", "sine", "step", "pulse", "uniform", "gaussian", "poisson", "sequence", "mackey-glass", "narma", "memory-capacity", "xor-memory", "delayed-copy", "adding", got "sinus"',
    );
  });

  it('checks editor groups: members exist, once each, ids distinct from nodes', () => {
    const raw = leakyUnitDoc();
    raw.groups = [
      { id: 'm1', label: 'Core', nodes: ['x', 'u'] },
      { id: 'x', nodes: ['x', 'ghost'] },
    ];
    expect(errorsOf(raw)).toEqual([
      'groups[1].id: "x" is already a node id',
      'groups[1].nodes[0]: node "x" is already in group "m1"',
      'groups[1].nodes[1]: no node with id "ghost"',
    ]);
    raw.groups = [{ id: 'm1', nodes: ['x'] }];
    expect(valid(raw).groups).toEqual([{ id: 'm1', label: 'Module', nodes: ['x'], collapsed: false }]);
  });

  it('round-trips through save and open', () => {
    const doc = valid(leakyUnitDoc());
    const again = parseDocumentText(serializeDocument(doc));
    expect(again.ok && again.doc).toEqual(doc);
  });
});

describe('migrations', () => {
  // A fake format version 0: populations were called "layers" and nodes had no positions.
  const v0ToV1: Migration = {
    from: 0,
    describe: 'v0 → v1: layers become nodes',
    up: (doc) => {
      const { layers, ...rest } = doc as { layers: { name: string; type: string; params: unknown }[] };
      return { ...rest, nodes: layers.map((l) => ({ id: l.name, kind: l.type, params: l.params })) };
    },
  };
  const v0 = {
    format: 'recurrence-graph',
    version: 0,
    title: 'old',
    layers: [{ name: 'x', type: 'rate', params: { size: 2 } }],
    edges: [],
  };

  it('runs before validation and brings an old file to the current version', () => {
    const r = validateDocument(v0, [v0ToV1, ...MIGRATIONS]);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.doc.version).toBe(CURRENT_VERSION);
      expect(r.doc.nodes[0]).toMatchObject({ id: 'x', kind: 'rate', params: { size: 2 } });
      expect(r.migrated).toEqual(['v0 → v1: layers become nodes', ...MIGRATIONS.map((m) => m.describe)]);
    }
  });

  it('does not modify the input and reports a missing migration', () => {
    const copy = structuredClone(v0);
    migrate(copy, [v0ToV1, ...MIGRATIONS]);
    expect(copy).toEqual(v0);
    expect(errorsOf(v0)).toEqual(['version: no migration from format version 0']);
  });
});
