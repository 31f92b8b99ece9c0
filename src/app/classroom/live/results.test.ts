import { describe, expect, it } from 'vitest';
import leakyUnit from '../../../../presets/leaky-unit.json';
import { validateDocument, type GraphDocument } from '../../../model/index.ts';
import { studentRecordSchema, type StudentRecord } from '../../../model/room.ts';
import { classCsv, classTable, memoryCapacityResult, trainResult } from './results.ts';

const doc = (() => {
  const r = validateDocument(structuredClone(leakyUnit));
  if (!r.ok) throw new Error('preset invalid');
  return r.doc;
})();

const reservoir: GraphDocument = {
  ...doc,
  nodes: doc.nodes.map((n) => (n.id === 'x' ? { ...n, params: { ...n.params, size: 50 } } : n)) as GraphDocument['nodes'],
  edges: doc.edges.map((e) => (e.id === 'self' ? { ...e, params: { ...e.params, weight: { type: 'normal', mean: 0, std: 1 }, spectralRadius: 0.9 } } : e)) as GraphDocument['edges'],
};

describe('task results as record entries', () => {
  it('takes the memory capacity with the node size and the spectral radius asked for', () => {
    const r = memoryCapacityResult({ ok: true, seed: 7, options: { node: 'x' } as never, mc: 12.5, curve: new Array(40).fill(0.3) }, reservoir, 3, 1000)!;
    expect(r).toEqual({ task: 'memory-capacity', values: { mc: 12.5 }, settings: { seed: 7, units: 51, node: 'x', size: 50, spectral_radius: 0.9, max_delay: 40 }, docVersion: 3, at: 1000 });
    expect(memoryCapacityResult({ ok: false, error: 'x' }, reservoir, 3, 1000)).toBeNull();
  });

  it('takes the first readout’s NRMSE; a failed run gives nothing', () => {
    const report = { method: 'ridge', nrmse_train: 0.1, nrmse_test: 0.2, weights_norm: 1, washout: 1, train: 1, test: 1 };
    expect(trainResult({ ok: true, seed: 1, readouts: { ro: report } }, doc, null, 5)).toMatchObject({ values: { nrmse_train: 0.1, nrmse_test: 0.2 }, settings: { readout: 'ro', method: 'ridge' }, docVersion: null });
    expect(trainResult({ ok: true, seed: 1, readouts: { ro: { ...report, nrmse_test: null } } }, doc, null, 5)!.values).toEqual({ nrmse_train: 0.1 });
    expect(trainResult({ ok: false, error: 'no readout' }, doc, null, 5)).toBeNull();
  });
});

describe('the Class panel’s table', () => {
  const mc = (value: number, size: number) => memoryCapacityResult({ ok: true, seed: 1, options: { node: 'x' } as never, mc: value, curve: [1] }, { ...reservoir, nodes: reservoir.nodes.map((n) => (n.id === 'x' ? { ...n, params: { ...n.params, size } } : n)) as GraphDocument['nodes'] }, 1, 0)!;
  const records: Record<string, StudentRecord> = {
    b: { name: 'Zoë, "the =best"', following: false, ticks: { l: [1, 2] }, results: [mc(20, 100)] },
    a: { name: 'Ada', following: true, ticks: {}, results: [mc(8, 10)] },
  };

  it('has one row per student (by name) and a column per measured value and numeric setting', () => {
    for (const r of Object.values(records)) expect(studentRecordSchema.safeParse(r).success).toBe(true);
    const table = classTable(records, new Set(['a']));
    expect(table.rows.map((r) => [r.name, r.online, r.ticks, r.values.mc, r.values['memory-capacity.size']])).toEqual([
      ['Ada', true, 0, 8, 10],
      ['Zoë, "the =best"', false, 2, 20, 100],
    ]);
    expect(table.columns[0]).toBe('mc');
    expect(table.columns).toContain('memory-capacity.spectral_radius');
  });

  it('exports CSV with quoted fields and no formula injection', () => {
    const csv = classCsv(classTable(records, new Set()));
    const lines = csv.trim().split('\n');
    expect(lines[0].startsWith('name,following,online,ticks,mc,')).toBe(true);
    expect(lines[2].startsWith('"Zoë, ""the =best""",false,false,2,20,')).toBe(true);
    expect(classCsv(classTable({ x: { ...records.a, name: '=HYPERLINK("x")' } }, new Set())).split('\n')[1].startsWith(`"'=HYPERLINK(""x"")"`)).toBe(true);
  });
});
