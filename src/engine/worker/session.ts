/**
 * The engine session behind the worker protocol: a pure module (no DOM, no worker globals),
 * so the worker, the in-page fallback and Node tests run exactly the same code.
 */
import { validateDocument } from '../../model/index.ts';
import { compile, CompileError, describeSchedule } from '../compile/compile.ts';
import { DivergenceError, Simulator } from '../simulator.ts';
import { parseProbe, ProbeError, Recorder } from '../probes.ts';
import type { EngineApi, Frame, LoadResult } from './protocol.ts';

export class EngineSession implements EngineApi {
  private sim: Simulator | null = null;

  async load(raw: unknown): Promise<LoadResult> {
    const result = validateDocument(raw);
    if (!result.ok) return { ok: false, errors: result.errors };
    try {
      const program = compile(result.doc);
      this.sim = new Simulator(program, result.doc.seed);
      return {
        ok: true,
        nodes: program.nodes.map((n) => ({ id: n.id, kind: n.kind, size: n.size, variables: Object.keys(n.vars) })),
        schedule: describeSchedule(program.schedule),
      };
    } catch (err) {
      if (err instanceof CompileError) return { ok: false, errors: [{ path: err.path, message: err.message.slice(err.path.length + 2) }] };
      throw err;
    }
  }

  async reset(seed?: number): Promise<{ t: number; seed: number }> {
    const sim = this.require();
    sim.reset(seed ?? sim.seed);
    return { t: sim.t, seed: sim.seed };
  }

  async run(steps: number, probes: string[]): Promise<Frame> {
    return this.runSync(steps, probes);
  }

  /** Synchronous core of `run`, for callers in the same thread. */
  runSync(steps: number, probes: string[]): Frame {
    const sim = this.require();
    const started = performance.now();
    const firstStep = sim.t + 1;
    const recorders = probes.map((p) => {
      try {
        return new Recorder(sim, parseProbe(p), Math.max(1, steps));
      } catch (err) {
        if (err instanceof ProbeError) throw new Error(err.message, { cause: err });
        throw err;
      }
    });
    let divergence: Frame['divergence'];
    try {
      sim.run(steps, () => {
        for (const r of recorders) r.record();
      });
    } catch (err) {
      if (!(err instanceof DivergenceError)) throw err;
      divergence = { node: err.node, step: err.step, message: err.message };
    }
    const frame: Frame = { t: sim.t, firstStep, probes: {}, elapsedMs: performance.now() - started };
    probes.forEach((p, i) => {
      const r = recorders[i];
      frame.probes[p] = { width: r.width, count: r.count, data: r.data.subarray(0, r.count * r.width) };
    });
    if (divergence) frame.divergence = divergence;
    return frame;
  }

  private require(): Simulator {
    if (!this.sim) throw new Error('no document loaded');
    return this.sim;
  }
}

/** The typed arrays of a frame, for transferring it without a copy. */
export function frameTransferables(frame: Frame): ArrayBuffer[] {
  return Object.values(frame.probes).map((p) => p.data.buffer as ArrayBuffer);
}
