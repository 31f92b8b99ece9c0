import { describe, expect, it } from 'vitest';
import { leakyUnitDoc, loadPreset } from '../../test-support/docs.ts';
import { compareResults, exportText } from './tasks.ts';

describe('export worker tasks', () => {
  it('writes the notebook and the PyNN script of a document, and refuses what a target cannot express', () => {
    const nb = exportText(leakyUnitDoc(), 'notebook', 'leaky.json');
    expect(nb.ok && JSON.parse(nb.text).nbformat).toBe(4);
    const py = exportText(loadPreset('single-lif'), 'pynn');
    expect(py.ok && py.text).toContain('lif("n", 1,');
    expect(exportText(loadPreset('single-lif'), 'notebook')).toEqual({ ok: false, error: expect.stringMatching(/^cannot export to a notebook: node "n" \(lif\)/) });
    expect(exportText({ format: 'recurrence-graph', version: 1, nodes: [{ id: 'x', kind: 'rate', position: { x: 0, y: 0 }, params: { leak: 3 } }] }, 'notebook')).toEqual({
      ok: false,
      error: 'the network is not valid: nodes[0].params.leak: must be in (0, 1], got 3',
    });
  });

  it("compares results with the engine's run: rates, ratio and both rasters; refuses bad files and other networks", () => {
    const doc = loadPreset('single-lif');
    const results = { simulator: 'neuron', processes: 2, dt: 0.1, duration_ms: 500, wall_s: 0.2, populations: { n: { size: 1, rates_hz: [4], spikes: [[100, 200]] } } };
    const reply = compareResults(doc, JSON.stringify(results));
    if (!reply.ok) throw new Error(reply.error);
    const [n] = reply.populations;
    expect(n).toMatchObject({ id: 'n', size: 1, imported_hz: 4, importedSpikes: [[100, 200]] });
    // 1 nA below the rheobase for 100 ms, then 2 nA: ≈ 57 Hz for the remaining 400 ms
    expect(n.engine_hz).toBeCloseTo((n.engineSpikes[0].length * 1000) / 500, 12);
    expect(n.engineSpikes[0].length).toBeGreaterThan(15);
    expect(n.engineSpikes[0][0]).toBeGreaterThan(100);
    expect(n.ratio).toBeCloseTo(4 / n.engine_hz, 12);
    const bad = compareResults(doc, '{"simulator": 1}');
    expect(!bad.ok && bad.errors?.[0].path).toBe('simulator');
    expect(compareResults(doc, 'not json')).toMatchObject({ ok: false, errors: [{ path: '(root)' }] });
    const other = { ...results, populations: { E: { size: 1, rates_hz: [1], spikes: [[]] } } };
    expect(compareResults(doc, JSON.stringify(other))).toEqual({ ok: false, error: 'the results are for another network: they have no population "n" (they have "E")' });
  });
});
