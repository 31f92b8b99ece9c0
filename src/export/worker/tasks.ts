/**
 * What the app's export worker computes (pure functions, tested in Node): the notebook or PyNN
 * text of a document, and a results file compared with the engine's run of the same document.
 */
import { compile, CompileError, type Program } from '../../engine/index.ts';
import type { TrainedWeights } from '../../engine/worker/analysis-protocol.ts';
import { applyTrainedWeights } from '../../engine/worker/trained-weights.ts';
import { validateDocument, type GraphDocument, type ValidationIssue } from '../../model/index.ts';
import { ExportError } from '../../common/export-error.ts';
import { notebookFromProgram } from '../notebook/notebook.ts';
import { pynnFromProgram } from '../pynn/script.ts';
import { compareRates, engineSpikes, mismatch, parseResults, spikingPopulations } from '../results.ts';

export type ExportTarget = 'notebook' | 'pynn';

export type ExportReply = { ok: true; text: string } | { ok: false; error: string };

function withProgram<T>(raw: unknown, f: (doc: GraphDocument, program: Program) => T): T | { ok: false; error: string } {
  const valid = validateDocument(raw);
  if (!valid.ok) return { ok: false, error: `the network is not valid: ${valid.errors[0].path}: ${valid.errors[0].message}` };
  let program: Program | undefined;
  try {
    program = compile(valid.doc);
    return f(valid.doc, program);
  } catch (err) {
    if (err instanceof ExportError || err instanceof CompileError) return { ok: false, error: err.message };
    throw err;
  } finally {
    program?.dispose();
  }
}

/** What the running network holds from a training in the app, and the seed it runs (the stepping worker's `trainedWeights`). */
export interface TrainedRun {
  seed: number;
  weights: TrainedWeights;
}

/**
 * The document as a notebook (1,000 steps) or a PyNN script (1,000 ms). With `trained` (the app
 * trained the network), the program carries the trained values — every readout's W_out, BPTT's
 * edges and parameters — and runs the app's seed; without, it is the document compiled afresh
 * (W_out as the engine has it at step 0, as `recurrence export` writes it).
 */
export function exportText(raw: unknown, to: ExportTarget, source?: string, trained?: TrainedRun | null): ExportReply {
  return withProgram(raw, (_doc, program) => {
    const seed = trained?.seed;
    if (trained) {
      program.initialise(trained.seed); // the weights sampled, as the stepping worker's were when it took the training
      const misfit = applyTrainedWeights(program, trained.weights);
      if (misfit) return { ok: false as const, error: `the trained weights do not fit the network (${misfit}); train again` };
    }
    if (to === 'notebook') return { ok: true as const, text: `${JSON.stringify(notebookFromProgram(program, { steps: 1000, seed, source, trained: trained !== undefined && trained !== null }), null, 1)}\n` };
    return { ok: true as const, text: pynnFromProgram(program, { durationMs: 1000, seed, source }) };
  });
}

export interface PopulationComparison {
  id: string;
  size: number;
  engine_hz: number;
  imported_hz: number;
  ratio: number | null;
  /** Spike times (ms) per cell. */
  engineSpikes: number[][];
  importedSpikes: number[][];
}

export type CompareReply =
  | { ok: true; simulator: string; processes: number; duration_ms: number; populations: PopulationComparison[] }
  | { ok: false; error: string; errors?: ValidationIssue[] };

/** A results file (its text) beside the engine's run of the document over the same duration. */
export function compareResults(raw: unknown, text: string): CompareReply {
  const parsed = parseResults(text);
  if (!parsed.ok) return { ok: false, error: 'the file is not a valid results file', errors: parsed.errors };
  const results = parsed.results;
  return withProgram(raw, (doc, program) => {
    const pops = spikingPopulations(doc, program);
    if (pops.length === 0) return { ok: false as const, error: 'the open network has no spiking population to compare' };
    const why = mismatch(results, pops);
    if (why) return { ok: false as const, error: why };
    const engine = engineSpikes(program, doc.seed, results.duration_ms);
    const rates = compareRates(results, engine);
    return {
      ok: true as const,
      simulator: results.simulator,
      processes: results.processes,
      duration_ms: results.duration_ms,
      populations: pops.map((p) => ({ id: p.id, ...rates[p.id], engineSpikes: engine.get(p.id)!, importedSpikes: results.populations[p.id].spikes })),
    };
  });
}
