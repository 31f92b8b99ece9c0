/**
 * The engine's worker protocol: what the app may ask of a simulation running in a Web Worker
 * (or, as a fallback, in the page). Calls go through Comlink (promise-based RPC); frames carry
 * their samples in typed arrays that are transferred, not copied.
 */
import type { GraphDocument, ValidationIssue } from '../../model/index.ts';
import type { ScheduleEntry } from '../compile/types.ts';

export interface NodeInfo {
  id: string;
  kind: string;
  size: number;
  variables: string[];
}

export type LoadResult =
  | { ok: true; nodes: NodeInfo[]; schedule: ScheduleEntry[] }
  | { ok: false; errors: ValidationIssue[] };

/** Samples of one probe: `count` steps × `width` values, row-major, oldest first. */
export interface ProbeFrame {
  width: number;
  count: number;
  data: Float64Array;
}

/** The result of running a batch of steps. */
export interface Frame {
  /** Steps taken since reset, after this batch. */
  t: number;
  /** Step number of the first sample in this frame (1-based). */
  firstStep: number;
  probes: Record<string, ProbeFrame>;
  /** Set when the batch stopped early because a state became non-finite. */
  divergence?: { node: string; step: number; message: string };
  /** Wall-clock milliseconds the batch took inside the engine. */
  elapsedMs: number;
}

export interface EngineApi {
  /** Validates and compiles a document; resets to its seed. */
  load(doc: unknown): Promise<LoadResult>;
  /** Back to step 0 with this seed (default: the current one). */
  reset(seed?: number): Promise<{ t: number; seed: number }>;
  /** Runs `steps` steps and returns every step's value of each probe (`ID`, `ID.VAR`, `ID[i]`). */
  run(steps: number, probes: string[]): Promise<Frame>;
}

export type { GraphDocument };
