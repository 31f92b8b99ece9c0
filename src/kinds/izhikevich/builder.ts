import { izhikevichConstants, izhikevichSubsteps, type IzhikevichParams } from './schema.ts';
import type { NodeBuilder } from '../../engine/compile/types.ts';
import { expandPerUnit, fillInit } from '../shared/init-state.ts';
import { incomingEdges, SynapticInput } from '../shared/synaptic-input.ts';

/** Peak at which a spike is registered and v is reset (Izhikevich 2003). */
const V_PEAK = 30;

/**
 * Izhikevich's simple model (Izhikevich 2003, IEEE Trans. Neural Networks 14:1569, eqs. 1–3):
 *   v' = 0.04v² + 5v + 140 − u + I,  u' = a(bv − u),  I = i_e + I_syn;  if v ≥ 30 mV: v ← c, u ← u + d
 * (v in mV, t in ms, I in the paper's units). Delta synapses add their jump to v before integrating.
 *
 * "euler" (our scheme): forward Euler in `substeps` substeps of h = dt/substeps (ms; default
 * ceil(dt / 0.5 ms)), per substep v ← v + h·f(v, u), then u ← u + h·a(bv − u) with the new v, then
 * the threshold test: a crossing spikes in the same step (output 1) and resets at once. The v
 * trace shows c in a spike step.
 *
 * "izhikevich-2003": the scheme of the paper's MATLAB program (Fig. 3, net.m), per step of dt
 * (1 ms in the paper):
 *   1. units with v ≥ 30 mV spike (output 1 in this step): v ← c, u ← u + d;
 *   2. v ← v + (dt/2)·f(v, u) twice, with u held (the "0.5 ms steps for numerical stability");
 *   3. u ← u + dt·a(bv − u) with the new v.
 * The arithmetic is the program's, in its order, so at dt = 1 single neurons give its spike times
 * exactly (test/reference/izhikevich-2003). A v that reaches 30 mV in step 2 is stored as 30 mV
 * after step 3 (it overshoots in the program; only v ≥ 30 is read next step, so the dynamics are
 * the same): the trace peaks at 30 mV a step before the spike output.
 */
export const izhikevichBuilder: NodeBuilder<IzhikevichParams> = {
  // From about a thousand neurons the WASM step and event-driven delivery in place pay.
  kernelState: { from: 1024, step: 'izhikevichStep' },
  build(node, ctx) {
    const p = node.params;
    const n = p.size;
    const k = izhikevichConstants(p);
    // In a kernels workspace when the compiler offers one (large populations): the WASM step then
    // runs on these arrays in place (same results as the loop in update()).
    const alloc = ctx.alloc;
    const kernels = ctx.kernels;
    const f64 = (values: Float64Array | number) => {
      const out = alloc ? alloc.f64(n) : new Float64Array(n);
      if (typeof values !== 'number') out.set(values);
      return out;
    };
    const a = f64(expandPerUnit(k.a, n));
    const b = f64(expandPerUnit(k.b, n));
    const c = f64(expandPerUnit(k.c, n));
    const d = f64(expandPerUnit(k.d, n));
    const ie = f64(expandPerUnit(p.i_e, n));
    const v = f64(n);
    const u = f64(n);
    const spikes = f64(n);
    const syn = new SynapticInput(n, ctx.dt, incomingEdges(ctx.doc.edges, node.id), alloc);
    const paper = p.integrator === 'izhikevich-2003';
    const substeps = izhikevichSubsteps(p, ctx.dt);
    const h = ctx.dt / substeps;
    const dt = ctx.dt;
    const half = 0.5 * dt;
    const type = p.type ?? (p.a === undefined ? 'RS' : 'custom');
    return {
      id: node.id,
      size: n,
      output: spikes,
      input: syn.input,
      vars: { output: spikes, v, u },
      equation: paper
        ? `if v ≥ 30 mV: spike, v = c, u += d; then v += (dt/2)·(0.04v² + 5v + 140 − u + i_e + I_syn) twice, u += dt·a(bv − u); ${syn.describe()} (${type}; Izhikevich 2003 scheme, dt = ${dt} ms)`
        : `v += h·(0.04v² + 5v + 140 − u + i_e + I_syn), u += h·a(bv − u), h = dt/${substeps}; if v ≥ 30 mV: v = c, u += d; ${syn.describe()} (${type}; forward Euler)`,
      reads: [`${node.id}.v[t−1]`, `${node.id}.u[t−1]`],
      inputFor: (edge) => syn.inputFor(edge),
      reset(rng) {
        fillInit(p.init_v, v, rng);
        if (p.init_u === undefined) for (let i = 0; i < n; i++) u[i] = b[i] * v[i];
        else fillInit(p.init_u, u, rng);
        spikes.fill(0);
        syn.reset();
      },
      update() {
        syn.advance();
        const iSyn = syn.iSyn;
        const jump = syn.jump;
        if (paper) {
          for (let i = 0; i < n; i++) {
            let vi = v[i];
            let ui = u[i];
            let fired = 0;
            if (vi >= V_PEAK) {
              fired = 1;
              vi = c[i];
              ui = ui + d[i];
            }
            vi += jump[i];
            const I = ie[i] + iSyn[i];
            // The program's expression, evaluated left to right: 0.04*v.^2 + 5*v + 140 - u + I.
            vi = vi + half * (0.04 * (vi * vi) + 5 * vi + 140 - ui + I);
            vi = vi + half * (0.04 * (vi * vi) + 5 * vi + 140 - ui + I);
            ui = ui + dt * (a[i] * (b[i] * vi - ui));
            v[i] = vi < V_PEAK ? vi : V_PEAK;
            u[i] = ui;
            spikes[i] = fired;
          }
          return;
        }
        if (kernels.izhikevichStep?.(n, v, u, spikes, ie, iSyn, jump, a, b, c, d, h, substeps)) return;
        for (let i = 0; i < n; i++) {
          let vi = v[i] + jump[i];
          let ui = u[i];
          const I = ie[i] + iSyn[i];
          let fired = 0;
          for (let s = 0; s < substeps; s++) {
            vi += h * (0.04 * vi * vi + 5 * vi + 140 - ui + I);
            ui += h * a[i] * (b[i] * vi - ui);
            if (vi >= V_PEAK) {
              fired = 1;
              vi = c[i];
              ui += d[i];
            }
          }
          v[i] = vi;
          u[i] = ui;
          spikes[i] = fired;
        }
      },
    };
  },
};
