/**
 * The simulator: reset(seed) · step() · run(n) over a compiled Program. Deterministic: the same
 * document and seed give bit-identical outputs in Node and in every browser.
 */
import type { GraphDocument } from '../model/index.ts';
import { compile, type CompileOptions, type Program } from './compile/compile.ts';
import type { NodeRuntime } from './compile/types.ts';

/** A run stopped because a state became NaN or ±Infinity. */
export class DivergenceError extends Error {
  constructor(
    readonly node: string,
    /** 1-based number of the step in which the value appeared. */
    readonly step: number,
    readonly unit: number,
    readonly value: number,
  ) {
    super(`node "${node}" diverged at step ${step}: unit ${unit} became ${value}`);
    this.name = 'DivergenceError';
  }
}

export class Simulator {
  /** Steps taken since the last reset. */
  t = 0;
  seed: number;
  /**
   * The nodes whose outputs can stop being finite: not the spiking kinds, whose output is a spike
   * flag (0 or 1) by construction.
   */
  private readonly checked: NodeRuntime[];

  /** `progress` is told the share of the weights sampled so far (Program.initialise). */
  constructor(
    readonly program: Program,
    seed = program.doc.seed,
    progress?: (fraction: number) => void,
  ) {
    this.seed = seed >>> 0;
    this.checked = program.nodes.filter((n) => !n.spiking);
    this.program.initialise(this.seed, progress);
  }

  static fromDocument(doc: GraphDocument, options: CompileOptions & { seed?: number } = {}): Simulator {
    return new Simulator(compile(doc, options), options.seed ?? doc.seed);
  }

  /** Back to step 0: weights and initial states sampled again from `seed`. */
  reset(seed = this.seed): void {
    this.seed = seed >>> 0;
    this.t = 0;
    this.program.initialise(this.seed);
  }

  /** Back to step 0 with the weights as they are (initial states only): a training epoch's start. */
  restart(): void {
    this.t = 0;
    this.program.resetState(this.seed);
  }

  /** Advances one step; throws DivergenceError when an output stops being finite. */
  step(): void {
    const t = this.t;
    for (const op of this.program.schedule) op.run(t);
    this.t = t + 1;
    for (const node of this.checked) checkFinite(node, this.t);
  }

  /** Advances n steps, calling `after` after each one (e.g. to record probes). */
  run(n: number, after?: (t: number) => void): void {
    for (let i = 0; i < n; i++) {
      this.step();
      after?.(this.t);
    }
  }

  node(id: string): NodeRuntime {
    const node = this.program.nodeById.get(id);
    if (!node) throw new Error(`no node "${id}"`);
    return node;
  }
}

function checkFinite(node: NodeRuntime, step: number): void {
  const y = node.output;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (v - v !== 0) throw new DivergenceError(node.id, step, i, v);
  }
}
