import type { LifParams } from './schema.ts';
import type { LifStepFn } from '../../engine/kernels/kernels.ts';
import type { NodeBuilder } from '../../engine/compile/types.ts';
import { expandPerUnit, fillInit } from '../shared/init-state.ts';
import { incomingEdges, SynapticInput } from '../shared/synaptic-input.ts';

/**
 * Leaky integrate-and-fire population (Lapicque 1907; Dayan & Abbott 2001, eq. 5.8; Gerstner et
 * al. 2014, eq. 1.5), forward Euler with step dt (ms):
 *   V ← V + (dt/τ_m)·(−(V − v_rest) + r_m·(i_e + I_syn)) + Σ_delta w·s        [mV; MΩ·nA = mV]
 *   if V ≥ v_th: spike (output 1 this step), V ← v_reset, held there for round(t_ref/dt) steps
 *   (delta inputs arriving while refractory are dropped, as in NEST's iaf_psc_delta).
 * I_syn from the synapse models of the incoming edges (synaptic-input.ts). With constant i_e and
 * v_reset = v_rest the rate is 1 / (t_ref + τ_m·ln(r_m·i_e / (r_m·i_e − (v_th − v_rest)))) when
 * r_m·i_e > v_th − v_rest (the rheobase), else 0 (Dayan & Abbott eq. 5.11 with refractoriness).
 */
export const lifBuilder: NodeBuilder<LifParams> = {
  // From about a thousand neurons the WASM step and event-driven delivery in place pay.
  kernelState: { from: 1024, step: 'lifStep' },
  build(node, ctx) {
    const p = node.params;
    const n = p.size;
    const dt = ctx.dt;
    // In a kernels workspace when the compiler offers one (large networks): the WASM step then
    // runs on these arrays in place (same results as lifStep below).
    const alloc = ctx.alloc;
    const f64 = (k: number) => (alloc ? alloc.f64(k) : new Float64Array(k));
    const v = f64(n);
    const spikes = f64(n);
    const refractory = alloc ? alloc.i32(n) : new Int32Array(n);
    const refSteps = Math.round(p.t_ref / dt);
    const ie = expandPerUnit(p.i_e, n);
    const syn = new SynapticInput(n, dt, incomingEdges(ctx.doc.edges, node.id), alloc);
    const { tau_m: tau, v_rest: vRest, v_reset: vReset, v_th: vTh, r_m: rm } = p;
    const h = dt / tau;
    /** (dt/τ_m)·(v_rest + r_m·i_e): the constant part of the Euler step. */
    const drive = f64(n);
    drive.set(ie.map((x) => h * (vRest + rm * x)));
    const kernels = ctx.kernels;
    return {
      id: node.id,
      size: n,
      output: spikes,
      input: syn.input,
      vars: { output: spikes, v, i_syn: syn.iSyn },
      equation: `V += (dt/τ_m)·(−(V − v_rest) + r_m·(i_e + I_syn)) + Σ w·s_delta; ${syn.describe()}; spike if V ≥ v_th → V = v_reset for t_ref (forward Euler; τ_m = ${tau} ms, v_rest = ${vRest} mV, r_m = ${rm} MΩ, v_th = ${vTh} mV, v_reset = ${vReset} mV, t_ref = ${p.t_ref} ms)`,
      reads: [`${node.id}.v[t−1]`],
      inputFor: (edge) => syn.inputFor(edge),
      reset(rng) {
        if (p.init_v === undefined) v.fill(vRest);
        else fillInit(p.init_v, v, rng);
        spikes.fill(0);
        refractory.fill(0);
        syn.reset();
      },
      update() {
        syn.advance();
        if (!kernels.lifStep?.(n, v, spikes, refractory, drive, syn.iSyn, syn.jump, 1 - h, h * rm, vTh, vReset, refSteps)) {
          lifStep(n, v, spikes, refractory, drive, syn.iSyn, syn.jump, 1 - h, h * rm, vTh, vReset, refSteps);
        }
      },
    };
  },
};

/**
 * One Euler step of n LIF neurons, written as V ← (1 − dt/τ)·V + (dt/τ)·(v_rest + r_m·i_e) +
 * (dt/τ)·r_m·I_syn + jump (the same equation, with the constants folded; a plain function over
 * typed arrays so the hot loop stays monomorphic).
 */
const lifStep: LifStepFn = (n, v, spikes, refractory, drive, iSyn, jump, decay, hr, vTh, vReset, refSteps) => {
  for (let i = 0; i < n; i++) {
    const r = refractory[i];
    let vi = decay * v[i] + drive[i] + hr * iSyn[i] + jump[i];
    let s = 0;
    if (r > 0) {
      refractory[i] = r - 1;
      vi = vReset;
    } else if (vi >= vTh) {
      s = 1;
      vi = vReset;
      refractory[i] = refSteps;
    }
    spikes[i] = s;
    v[i] = vi;
  }
};
