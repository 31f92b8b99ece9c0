import { izhikevichConstants, type IzhikevichParams } from './schema.ts';
import type { NodeBuilder } from '../../engine/compile/types.ts';
import { expandPerUnit, fillInit } from '../shared/init-state.ts';
import { incomingEdges, SynapticInput } from '../shared/synaptic-input.ts';

/** Peak at which a spike is registered and v is reset (Izhikevich 2003). */
const V_PEAK = 30;

/**
 * Izhikevich's simple model (Izhikevich 2003, IEEE Trans. Neural Networks 14:1569, eqs. 1–3),
 * forward Euler in `substeps` substeps of h = dt/substeps (ms), per substep:
 *   v ← v + h·(0.04v² + 5v + 140 − u + I),  I = i_e + I_syn   (v in mV)
 *   u ← u + h·a·(b·v − u)                                     (with the new v, as in the paper's code)
 *   if v ≥ 30 mV: spike (output 1 this step), v ← c, u ← u + d
 * Delta synapses add their jump to v before integrating. The v trace shows the reset value c in
 * a spike step (the peak is not stored).
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
    const substeps = p.substeps;
    const h = ctx.dt / substeps;
    return {
      id: node.id,
      size: n,
      output: spikes,
      input: syn.input,
      vars: { output: spikes, v, u },
      equation: `v += h·(0.04v² + 5v + 140 − u + i_e + I_syn), u += h·a(bv − u), h = dt/${substeps}; if v ≥ 30 mV: v = c, u += d; ${syn.describe()} (${p.type ?? (p.a === undefined ? 'RS' : 'custom')}; forward Euler)`,
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
