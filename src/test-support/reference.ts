/**
 * The JIDT 1.6.1 reference vectors vendored in the repository (test/reference/jidt/, see its
 * README): the one place that names their folder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the repository (this file is src/test-support/reference.ts). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Folder of the JIDT reference files. */
export const referenceDir = path.join(repoRoot, 'test', 'reference', 'jidt');

/** Parses one reference file (e.g. `ais-ksg.json`). */
export function readReference<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(referenceDir, file), 'utf8')) as T;
}

/** Spike times of single Izhikevich neurons from the paper's published algorithm (test/reference/izhikevich-2003, see its README). */
export interface IzhikevichReference {
  I: number;
  T_ms: number;
  neurons: Record<string, { a: number; b: number; c: number; d: number; spikes_ms: number[] }>;
}

export function readIzhikevichReference(): IzhikevichReference {
  return JSON.parse(readFileSync(path.join(repoRoot, 'test', 'reference', 'izhikevich-2003', 'spikes.json'), 'utf8')) as IzhikevichReference;
}

/** One run of the paper's whole network (test/reference/izhikevich-2003/network.py). */
export interface IzhikevichNetworkRun {
  seed: number;
  rate_e_hz: number;
  rate_i_hz: number;
  peak_hz: number;
  peak_over_median: number;
}

/** Rates and spectral peaks of the published 1000-neuron program over several seeds: synapses in the same ms (as net.m) and one ms later (as the preset). */
export function readIzhikevichNetworkReference(): { T_ms: number; transient_ms: number; same_ms: IzhikevichNetworkRun[]; one_ms_later: IzhikevichNetworkRun[] } {
  return JSON.parse(readFileSync(path.join(repoRoot, 'test', 'reference', 'izhikevich-2003', 'network.json'), 'utf8')) as ReturnType<typeof readIzhikevichNetworkReference>;
}
