import { describe, expect, it } from 'vitest';
import { bpttXorDoc, leakyUnitDoc, loadPreset, rawDoc, valid } from '../../test-support/docs.ts';
import { AnalysisSession } from '../../engine/worker/analysis-session.ts';
import { EngineSession } from '../../engine/worker/session.ts';
import { unpackBase64 } from '../../common/base64.ts';
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

describe('export of a network trained in the app', () => {
  /** A BPTT network: training changes the input and recurrent weights, the bias of `a` and W_out. */
  const doc = bpttXorDoc();
  const SEED = 11;
  const code = (text: string) => (JSON.parse(text) as { cells: { cell_type: string; source: string[] }[] }).cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join('')).join('\n');
  /** The float64 values embedded right after `prefix` (as `unpack("BASE64", "<f8", shape)`). */
  const embedded = (all: string, prefix: string) => {
    const at = all.indexOf(`${prefix}unpack("`);
    const m = at < 0 ? null : /^unpack\("([^"]+)", "<f8"/.exec(all.slice(at + prefix.length));
    if (!m) throw new Error(`${prefix} is not embedded`);
    return Array.from(unpackBase64(m[1], 'float64'));
  };

  it("leaves with the weights the stepping session holds (readout W_out, BPTT's edges and bias) and the seed they were trained at", async () => {
    const { reply, weights } = await new AnalysisSession().train(doc, SEED);
    expect(reply.ok).toBe(true);
    const session = new EngineSession();
    await session.load(doc);
    expect(await session.trainedWeights()).toBeNull();
    await session.applyTraining(weights);
    const held = await session.trainedWeights();
    expect(held).toBe(weights);

    const trained = exportText(doc, 'notebook', 'net.json', { seed: SEED, weights: held! });
    if (!trained.ok) throw new Error(trained.error);
    const all = code(trained.text);
    expect(JSON.parse(trained.text).metadata.recurrence.seed).toBe(SEED);
    expect(all).toContain('# W_out as trained in the app');
    expect(embedded(all, 'W_out["out"] = ')).toEqual(Array.from(weights.readouts.out));
    const rec = weights.parameters!.edges.find((e) => e.id === 'rec')!.weights;
    expect(embedded(all, 'W["rec"] = ')).toEqual(Array.from(rec.format === 'dense' ? rec.data : []));
    expect(embedded(all, 'param["a"] = {"bias": ')).toEqual(Array.from(weights.parameters!.nodes.find((n) => n.id === 'a' && n.name === 'bias')!.values));

    // without a training: the document compiled afresh at its own seed, W_out as the engine starts it
    const fresh = exportText(doc, 'notebook', 'net.json');
    if (!fresh.ok) throw new Error(fresh.error);
    expect(JSON.parse(fresh.text).metadata.recurrence.seed).toBe(4);
    expect(embedded(code(fresh.text), 'W_out["out"] = ')).not.toEqual(Array.from(weights.readouts.out));
    expect(code(fresh.text)).toContain("# W_out as the engine holds it at step 0 (the document's, else untrained)");
  });

  it('a recompile forgets the training; weights of another network are refused with the reason', async () => {
    const { weights } = await new AnalysisSession().train(doc, SEED);
    const session = new EngineSession();
    await session.load(doc);
    await session.applyTraining(weights);
    const grown = valid(rawDoc([...doc.nodes.slice(0, 1), { ...doc.nodes[1], params: { ...doc.nodes[1].params, size: 6 } }, doc.nodes[2]], doc.edges, { seed: 4 }));
    expect(await session.update(grown)).toMatchObject({ ok: true, change: 'recompiled' });
    expect(await session.trainedWeights()).toBeNull();
    expect(exportText(grown, 'notebook', 'net.json', { seed: SEED, weights })).toEqual({ ok: false, error: expect.stringMatching(/^the trained weights do not fit the network \(.+\); train again$/) });
  });
});
