/**
 * Document format version 2: the weight options (`connectivity`, `spectralRadius`, `scale`) sit
 * only in the edge's `params` (src/model/migrate.ts). Every preset's version-1 form, kept as it was
 * in test/fixtures/v1/, migrates to exactly the version-2 preset and compiles to the same weight
 * rule, bit-identical weights and a bit-identical 100-step trace; hand-written version-1 files
 * with the options in either place or both migrate as the README says; a version-2 file with an
 * option inside `weight` is an unknown field named by its JSON path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, currentRef, formatIssue, migrate, validateDocument, WEIGHT_OPTION_KEYS, type EdgeParams, type GraphDocument } from '../src/model/index.ts';
import { weightSpecOf, type WeightSpec } from '../src/engine/compile/sample-weights.ts';
import { Simulator } from '../src/engine/index.ts';
import { spectralRadius } from '../src/engine/linalg/index.ts';
import { compiledFingerprint } from '../src/test-support/compiled-fingerprint.ts';
import { valid } from '../src/test-support/docs.ts';

const STEPS = 100;
const PRESETS = new URL('../presets/', import.meta.url);
const FIXTURES = new URL('./fixtures/v1/', import.meta.url);

type Raw = Record<string, unknown> & { version: number; edges: { id: string; source?: string; target?: string; params?: Record<string, unknown> & { weight?: Record<string, unknown> } }[] };

const jsonFiles = (dir: URL) => readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const readJson = (dir: URL, file: string) => JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Raw;

/**
 * The rule an edge's weights were drawn by as version 1 read it (engine/compile/sample-weights.ts
 * before version 2): each option from `weight`, else from `params`.
 */
function versionOneRule(params: NonNullable<Raw['edges'][number]['params']>): Omit<WeightSpec, 'init'> {
  const w = params.weight ?? {};
  return {
    connectivity: (w.connectivity ?? params.connectivity ?? 1) as number,
    spectralRadius: (w.spectralRadius ?? params.spectralRadius) as number | undefined,
    scale: (w.scale ?? params.scale) as number | undefined,
  };
}

function errorsOf(raw: unknown): string[] {
  const r = validateDocument(raw);
  return r.ok ? [] : r.errors.map(formatIssue);
}

it('every preset has its version-1 form in test/fixtures/v1 and every fixture is a preset', () => {
  expect(jsonFiles(FIXTURES)).toEqual(jsonFiles(PRESETS));
});

describe.each(jsonFiles(PRESETS))('preset %s', (file) => {
  const v1 = readJson(FIXTURES, file);
  const v2 = readJson(PRESETS, file);

  it('is version 2 with every weight option beside the weight, none inside it', () => {
    expect(v1.version).toBe(1);
    expect(v2.version).toBe(CURRENT_VERSION);
    for (const e of v2.edges) for (const key of WEIGHT_OPTION_KEYS) expect(e.params?.weight ?? {}, `${e.id}.params.weight`).not.toHaveProperty(key);
  });

  it('its version-1 form migrates to exactly the version-2 preset', () => {
    const r = migrate(structuredClone(v1));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.doc).toEqual(v2);
  });

  // three compilations: brunel-full (15.6 million synapses) takes seconds each on a loaded machine
  it('compiles from both forms to the weight rule version 1 read, bit-identical weights and a bit-identical 100-step trace', { timeout: 120_000 }, () => {
    const fromV1 = valid(structuredClone(v1));
    const doc = valid(structuredClone(v2));
    expect(fromV1).toEqual(doc);
    for (const e of v1.edges) {
      if (!e.params?.weight) continue; // an edge into a readout carries its source unchanged
      const spec = weightSpecOf(doc.edges.find((x) => x.id === e.id)!.params);
      expect({ connectivity: spec.connectivity, spectralRadius: spec.spectralRadius, scale: spec.scale }, e.id).toEqual(versionOneRule(e.params));
    }
    expect(compiledFingerprint(fromV1, STEPS)).toEqual(compiledFingerprint(doc, STEPS));
  });
});

/** A hand-written version-1 reservoir: input 3 → 40 rate units with the recurrent edge's `params`. */
function reservoir(version: number, recParams: Record<string, unknown>): Raw {
  return {
    format: 'recurrence-graph',
    version,
    title: 'hand-written',
    seed: 11,
    dt: 1,
    nodes: [
      { id: 'u', kind: 'input', params: { size: 3, signal: { type: 'sine', amplitude: 1, period: 20 } } },
      { id: 'res', kind: 'rate', params: { size: 40, activation: 'tanh', leak: 0.5 } },
    ],
    edges: [
      { id: 'in', source: 'u', target: 'res', params: { weight: { type: 'uniform', low: -1, high: 1 } } },
      { id: 'rec', source: 'res', target: 'res', params: { delay: 1, ...recParams } },
    ],
  };
}

/** The recurrent matrix of a document, dense (row = target). */
function recurrentMatrix(doc: GraphDocument) {
  const sim = Simulator.fromDocument(doc);
  try {
    const w = sim.program.edges.find((e) => e.id === 'rec')!.weights;
    if (w.format !== 'dense') throw new Error('expected a dense matrix at 40×40, connectivity ≥ 0.5');
    return { rows: w.rows, cols: w.cols, data: Float64Array.from(w.data) };
  } finally {
    sim.program.dispose();
  }
}

describe('hand-written version-1 files', () => {
  const inWeight = { weight: { type: 'normal', mean: 0, std: 1, connectivity: 0.5, spectralRadius: 0.9, scale: 2 } };
  const inParams = { weight: { type: 'normal', mean: 0, std: 1 }, connectivity: 0.5, spectralRadius: 0.9, scale: 2 };

  it('options inside weight move to the edge params, and the weights are the ones asked for', () => {
    const r = validateDocument(reservoir(1, inWeight));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migrated).toHaveLength(1);
    expect(r.doc.version).toBe(2);
    const rec = r.doc.edges.find((e) => e.id === 'rec')!.params;
    expect(rec.weight).toEqual({ type: 'normal', mean: 0, std: 1 });
    expect(rec).toMatchObject({ connectivity: 0.5, spectralRadius: 0.9, scale: 2 });
    // scale applies after the spectral-radius rescale: ρ(W) = 2 · 0.9
    expect(spectralRadius(recurrentMatrix(r.doc))).toBeCloseTo(1.8, 9);
    expect(compiledFingerprint(r.doc, STEPS)).toEqual(compiledFingerprint(valid(reservoir(2, inParams)), STEPS));
  });

  it('options already in the edge params stay there; the file is the version-2 file', () => {
    const r = migrate(reservoir(1, inParams));
    expect(r.ok && r.doc).toEqual(reservoir(2, inParams));
  });

  it('options split between both places (each once) all end in the edge params', () => {
    const split = { weight: { type: 'normal', mean: 0, std: 1, spectralRadius: 0.9 }, connectivity: 0.5, scale: 2 };
    const r = migrate(reservoir(1, split));
    expect(r.ok && r.doc).toEqual(reservoir(2, inParams));
    expect(recurrentMatrix(valid(reservoir(1, split))).data).toEqual(recurrentMatrix(valid(reservoir(2, inParams))).data);
  });

  it('an option in both places with the same value is kept once', () => {
    const twice = { weight: { type: 'normal', mean: 0, std: 1, connectivity: 0.5 }, connectivity: 0.5, spectralRadius: 0.9, scale: 2 };
    const r = migrate(reservoir(1, twice));
    expect(r.ok && r.doc).toEqual(reservoir(2, inParams));
  });

  it('an option in both places with different values is refused, naming the edge option, and the input is untouched', () => {
    const clash = { weight: { type: 'normal', mean: 0, std: 1, connectivity: 0.5 }, connectivity: 0.25 };
    const raw = reservoir(1, clash);
    const copy = structuredClone(raw);
    expect(errorsOf(raw)).toEqual([
      'edges[1].params.connectivity: is 0.25 here and 0.5 in params.weight.connectivity; give it once, here (migrating format version 1 to 2)',
    ]);
    expect(raw).toEqual(copy);
  });

  it('an edge into a readout keeps no weight: nothing to move', () => {
    const raw = reservoir(1, inWeight);
    raw.nodes = [...(raw.nodes as object[]), { id: 'ro', kind: 'readout', params: { target: 'u' } }];
    raw.edges.push({ id: 'ro-in', source: 'res', target: 'ro', params: {} });
    const r = migrate(raw);
    expect(r.ok && (r.doc as Raw).edges[2]).toEqual({ id: 'ro-in', source: 'res', target: 'ro', params: {} });
  });
});

describe('version-2 files', () => {
  it.each(WEIGHT_OPTION_KEYS)('%s inside weight is an unknown field named by its JSON path', (key) => {
    const raw = reservoir(2, { weight: { type: 'normal', mean: 0, std: 1, [key]: 0.5 } });
    expect(errorsOf(raw)).toEqual([`edges[1].params.weight.${key}: unknown field`]);
  });

  it('an option inside any weight type is an unknown field (matrix, identity, hebbian, constant, uniform)', () => {
    const raw = reservoir(2, { weight: { type: 'identity', value: 1, scale: 2 } });
    raw.edges[0].params!.weight = { type: 'uniform', low: -1, high: 1, connectivity: 0.5 };
    expect(errorsOf(raw)).toEqual(['edges[0].params.weight.connectivity: unknown field', 'edges[1].params.weight.scale: unknown field']);
  });

  it('the options in the edge params are validated there', () => {
    expect(errorsOf(reservoir(2, { weight: { type: 'normal' }, connectivity: 2 }))).toEqual(['edges[1].params.connectivity: must be in (0, 1], got 2']);
    expect(errorsOf(reservoir(2, { weight: { type: 'normal' }, spectralRadius: 0 }))).toEqual(['edges[1].params.spectralRadius: must be a number > 0, got 0']);
  });

  it('weightSpecOf reads the options from the edge params only', () => {
    const params = valid(reservoir(2, { weight: { type: 'normal' }, connectivity: 0.5, scale: 3 })).edges[1].params as EdgeParams;
    expect(weightSpecOf(params)).toEqual({ init: { type: 'normal', mean: 0, std: 1 }, connectivity: 0.5, spectralRadius: undefined, scale: 3 });
  });
});

describe('references to document values written for format 1', () => {
  it('name the weight options beside the weight; every other reference is unchanged', () => {
    expect(WEIGHT_OPTION_KEYS.map((key) => currentRef(`rec.params.weight.${key}`))).toEqual(WEIGHT_OPTION_KEYS.map((key) => `rec.params.${key}`));
    for (const ref of ['rec.params.weight.value', 'rec.params.spectralRadius', 'x.params.leak', 'rec.params.weight.scale.x', 'weight.params.weight.low']) {
      expect(currentRef(ref)).toBe(ref);
    }
  });
});
