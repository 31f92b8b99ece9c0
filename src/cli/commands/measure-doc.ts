/**
 * The simulation source of `recurrence measure`: runs a graph document (`--doc FILE --steps N
 * [--seed S] --probe ID[i]…`) and offers each probed unit's trace as a series named by its probe.
 */
import { parseProbe, ProbeError } from '../../engine/index.ts';
import { CliError } from '../errors.ts';
import { loadDocument, parseIntOption } from '../load.ts';
import { simulatorFor } from '../simulate.ts';
import { runWithProbes } from './run.ts';
import type { SeriesSource } from './measure-series.ts';

export interface SimulationSourceOptions {
  doc: string;
  steps?: string;
  seed?: string;
  probe?: string[];
}

/** --doc needs --steps and at least one --probe (checked before the measure's own flags). */
export function requireSimulationFlags(opts: Partial<SimulationSourceOptions>): void {
  if (opts.steps === undefined) throw new CliError('--doc needs --steps N (how long to simulate)', 2);
  if ((opts.probe ?? []).length === 0) throw new CliError('--doc needs at least one --probe ID[i] (the unit to measure)', 2);
}

export function seriesFromSimulation(opts: SimulationSourceOptions): SeriesSource {
  requireSimulationFlags(opts);
  const probes = opts.probe ?? [];
  const steps = parseIntOption('--steps', opts.steps!, 1, 10_000_000);
  const doc = loadDocument(opts.doc);
  const seed = opts.seed === undefined ? doc.seed : parseIntOption('--seed', opts.seed, 0, 4294967295);
  for (const p of probes) {
    try {
      parseProbe(p);
    } catch (err) {
      if (err instanceof ProbeError) throw new CliError(`--probe ${err.message}`);
      throw err;
    }
  }
  const result = runWithProbes(simulatorFor(doc, { seed }), probes, steps);
  for (const [name, probe] of Object.entries(result.probes)) {
    if (probe.size !== 1) throw new CliError(`--probe ${name}: records ${probe.size} units; a measure needs one unit, e.g. ${name}[0]`);
  }
  return {
    origin: `${opts.doc} (${steps} steps, seed ${seed})`,
    get(name, flag) {
      const probe = result.probes[name];
      if (!probe) throw new CliError(`${flag} ${name}: not one of the probes (${probes.join(', ')})`);
      return Float64Array.from(probe.values, (row) => row[0]);
    },
  };
}

/** With --doc, the series names default to the probes: one probe → --series, two → --source and --dest. */
export function defaultSeriesNames<T extends { doc?: string; probe?: string[]; series?: string; source?: string; dest?: string; measure?: string }>(opts: T): T {
  const probes = opts.probe ?? [];
  if (opts.doc === undefined || probes.length === 0) return opts;
  const pair = opts.measure === 'mi' || opts.measure === 'te';
  if (!pair && opts.series === undefined && probes.length === 1) return { ...opts, series: probes[0] };
  if (pair && opts.source === undefined && opts.dest === undefined && probes.length === 2) return { ...opts, source: probes[0], dest: probes[1] };
  return opts;
}
