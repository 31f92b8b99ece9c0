/**
 * Simulation results coming back from an exported PyNN script: the file's schema (validated like
 * any input, errors naming JSON paths), the check that it belongs to the open network (the same
 * spiking populations with the same sizes), and the engine's rates over the same duration for
 * the comparison (`recurrence compare`, the app's results panel).
 */
import { z } from 'zod';
import { fromZodIssues, type GraphDocument, type ValidationIssue } from '../model/index.ts';
import { DivergenceError, Simulator, type Program } from '../engine/index.ts';
import { KINDS } from '../kinds/registry.ts';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const count = z.number().int().min(0);

const populationSchema = z
  .strictObject({
    size: count,
    rates_hz: z.array(finite.refine((x) => x >= 0, 'must be ≥ 0')),
    spikes: z.array(z.array(finite)),
  })
  .superRefine((p, ctx) => {
    if (p.rates_hz.length !== p.size) ctx.addIssue({ code: 'custom', path: ['rates_hz'], message: `must have one rate per cell (size ${p.size}), got ${p.rates_hz.length}` });
    if (p.spikes.length !== p.size) ctx.addIssue({ code: 'custom', path: ['spikes'], message: `must have one spike list per cell (size ${p.size}), got ${p.spikes.length}` });
  });

export const resultsSchema = z.strictObject({
  simulator: z.string(),
  processes: z.number().int().min(1),
  dt: finite.refine((x) => x > 0, 'must be > 0'),
  duration_ms: finite.refine((x) => x > 0, 'must be > 0'),
  wall_s: finite.refine((x) => x >= 0, 'must be ≥ 0'),
  populations: z.record(z.string(), populationSchema),
});

export type SimulationResults = z.output<typeof resultsSchema>;

/** Parses a results file's text: the results, or the problems with their JSON paths. */
export function parseResults(text: string): { ok: true; results: SimulationResults } | { ok: false; errors: ValidationIssue[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [{ path: '(root)', message: `not valid JSON (${(err as Error).message})` }] };
  }
  const parsed = resultsSchema.safeParse(raw);
  return parsed.success ? { ok: true, results: parsed.data } : { ok: false, errors: fromZodIssues(parsed.error.issues) };
}

/**
 * Kinds whose populations a results file reports: those that spike (`output: 'spikes'`) and
 * leave as a PyNN population, whose spikes a PyNN script records (kinds' registry).
 */
export const RESULT_KINDS: readonly string[] = KINDS.filter((k) => k.output === 'spikes' && k.pynn?.population !== undefined).map((k) => k.kind);

/** The network's spiking populations and their sizes. */
export function spikingPopulations(doc: GraphDocument, program: Program): { id: string; size: number }[] {
  return doc.nodes.filter((n) => RESULT_KINDS.includes(n.kind)).map((n) => ({ id: n.id, size: program.nodeById.get(n.id)!.size }));
}

/** Why these results are not of this network (one line), or null when they are. */
export function mismatch(results: SimulationResults, populations: { id: string; size: number }[]): string | null {
  const ids = new Set(populations.map((p) => p.id));
  for (const p of populations) {
    const r = results.populations[p.id];
    if (!r) return `the results are for another network: they have no population "${p.id}" (they have ${Object.keys(results.populations).map((k) => `"${k}"`).join(', ') || 'none'})`;
    if (r.size !== p.size) return `the results are for another network: population "${p.id}" has ${r.size} cells in the results and ${p.size} in the network`;
  }
  const extra = Object.keys(results.populations).filter((k) => !ids.has(k));
  if (extra.length > 0) return `the results are for another network: the network has no population ${extra.map((k) => `"${k}"`).join(', ')}`;
  return null;
}

export interface RateComparison {
  size: number;
  /** Mean rate over cells and duration, Hz. */
  engine_hz: number;
  imported_hz: number;
  /** imported / engine (null when the engine's rate is 0). */
  ratio: number | null;
}

/** Spike times (ms) per cell of every spiking population, from the engine over `durationMs`. */
export function engineSpikes(program: Program, seed: number, durationMs: number): Map<string, number[][]> {
  const sim = new Simulator(program, seed);
  const dt = program.doc.dt;
  const steps = Math.round(durationMs / dt);
  const pops = program.nodes.filter((n) => RESULT_KINDS.includes(n.kind));
  const spikes = new Map(pops.map((n) => [n.id, Array.from({ length: n.size }, () => [] as number[])]));
  try {
    sim.run(steps, (t) => {
      for (const n of pops) {
        const out = n.output;
        const lists = spikes.get(n.id)!;
        for (let i = 0; i < out.length; i++) if (out[i] !== 0) lists[i].push(t * dt);
      }
    });
  } catch (err) {
    if (err instanceof DivergenceError) throw new Error(`the engine's run diverged: ${err.message}`, { cause: err });
    throw err;
  }
  return spikes;
}

/** Mean rate (Hz) of spike lists over a duration (ms). */
export function meanRate(spikes: readonly (readonly number[])[], durationMs: number): number {
  if (spikes.length === 0) return 0;
  const total = spikes.reduce((s, l) => s + l.length, 0);
  return (total * 1000) / durationMs / spikes.length;
}

/** Per population: the engine's mean rate and the imported one over the results' duration. */
export function compareRates(results: SimulationResults, engine: Map<string, number[][]>): Record<string, RateComparison> {
  const out: Record<string, RateComparison> = {};
  for (const [id, lists] of engine) {
    const r = results.populations[id];
    const engineHz = meanRate(lists, results.duration_ms);
    const importedHz = r.rates_hz.length === 0 ? 0 : r.rates_hz.reduce((s, x) => s + x, 0) / r.rates_hz.length;
    out[id] = { size: lists.length, engine_hz: engineHz, imported_hz: importedHz, ratio: engineHz === 0 ? null : importedHz / engineHz };
  }
  return out;
}
