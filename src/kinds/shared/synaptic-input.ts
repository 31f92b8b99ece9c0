/**
 * The synaptic inputs of a spiking node (lif, izhikevich), shared by their builders. Each incoming
 * edge is routed by its `synapse` (model/synapse.ts) into its own buffer:
 *  - current (default): `input` — w·y_src is a current for this step (nA for lif);
 *  - delta: `jump` — the membrane potential jumps by Σ w·s (mV) this step;
 *  - exponential τ_s: one buffer per distinct τ_s; its current follows
 *      I_s[t] = I_s[t−1]·e^(−dt/τ_s) + Σ w·s[t]   (exact solution of τ_s dI_s/dt = −I_s between spikes).
 * `advance()` (once per step, in the update) sets i_syn = input + Σ_s I_s.
 */
import type { StateAllocator } from '../../engine/kernels/kernels.ts';
import type { GraphEdge } from '../../model/index.ts';
import { exp } from '../../engine/math/detmath.ts';

interface ExpGroup {
  tau: number;
  decay: number;
  arriving: Float64Array;
  current: Float64Array;
}

export class SynapticInput {
  /** Instantaneous currents of "current" edges (the node's `input`). */
  readonly input: Float64Array;
  /** Jumps of the membrane potential from "delta" edges (mV). */
  readonly jump: Float64Array;
  /** Total synaptic current of the step: input + exponential currents. */
  readonly iSyn: Float64Array;
  private readonly groups: ExpGroup[] = [];

  constructor(
    readonly size: number,
    dt: number,
    incoming: readonly GraphEdge[],
    /** Where to allocate the buffers (a kernels workspace, BuildContext.alloc); default: new arrays. */
    alloc?: StateAllocator,
  ) {
    const f64 = (n: number) => (alloc ? alloc.f64(n) : new Float64Array(n));
    this.input = f64(size);
    this.jump = f64(size);
    for (const e of incoming) {
      const s = e.params.synapse;
      if (s?.type === 'exponential' && !this.groups.some((g) => g.tau === s.tau)) {
        this.groups.push({ tau: s.tau, decay: exp(-dt / s.tau), arriving: f64(size), current: f64(size) });
      }
    }
    this.iSyn = this.groups.length === 0 ? this.input : f64(size);
  }

  /** Whether any edge brings delta jumps or exponential currents. */
  get hasExponential(): boolean {
    return this.groups.length > 0;
  }

  inputFor(edge: GraphEdge): Float64Array {
    const s = edge.params.synapse;
    if (s?.type === 'delta') return this.jump;
    if (s?.type === 'exponential') return this.groups.find((g) => g.tau === s.tau)!.arriving;
    return this.input;
  }

  reset(): void {
    for (const g of this.groups) g.current.fill(0);
    this.iSyn.fill(0);
  }

  /** I_s ← I_s·e^(−dt/τ_s) + arriving; i_syn = input + Σ I_s. */
  advance(): void {
    if (this.groups.length === 0) return;
    const n = this.size;
    const out = this.iSyn;
    out.set(this.input);
    for (const g of this.groups) {
      const { decay, arriving, current } = g;
      for (let i = 0; i < n; i++) {
        const c = current[i] * decay + arriving[i];
        current[i] = c;
        out[i] += c;
      }
    }
  }

  /** Text of the synaptic current for the schedule. */
  describe(): string {
    return this.groups.length === 0 ? 'I_syn = Σ w·y (current edges)' : `I_syn = Σ w·y + Σ_s I_s, I_s ← I_s·e^(−dt/τ_s) + Σ w·s (τ_s = ${this.groups.map((g) => g.tau).join(', ')} ms)`;
  }
}

/** The document's edges into `id`. */
export function incomingEdges(edges: readonly GraphEdge[], id: string): GraphEdge[] {
  return edges.filter((e) => e.target === id);
}
