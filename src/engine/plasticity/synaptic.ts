/**
 * Synaptic plasticity rules of an edge, as PlasticityRuntimes the compiler schedules as 'learn'
 * operations after the step's updates. x is the presynaptic output as it arrives at the target
 * (after the edge's delay), y the postsynaptic output of the same step, η the learning rate.
 * Rules walk the edge's existing synapses (synapse-index.ts) and change its weights in place, so
 * dense and CSR edges both learn and the weight panels see the change at once; a CSR edge only
 * changes the synapses it has. Bounds w_min/w_max clip every weight a rule changes.
 */
import type { SynapticRule } from '../../model/index.ts';
import type { PlasticityRuntime } from '../compile/types.ts';
import type { SynapseColumns, SynapseRows } from '../compile/synapse-index.ts';
import { exp } from '../math/detmath.ts';

/** What a rule needs of its edge; `rows()`/`columns()` return the indices rebuilt at every reset. */
export interface PlasticEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly delay: number;
  /** Presynaptic outputs arriving at step t: x[j] = buffer[offset + j]. */
  pre(t: number): { buffer: Float64Array; offset: number };
  /** Postsynaptic outputs y[t]. */
  readonly post: Float64Array;
  /** The source's outputs of this step, x[t] at emission (before the edge's delay). */
  readonly emitted: Float64Array;
  rows(): SynapseRows;
  columns(): SynapseColumns;
  /** Step duration (ms). */
  readonly dt: number;
}

/** Whether a rule needs the column (transposed) index of its edge. */
export function needsColumns(rule: SynapticRule): boolean {
  return rule.rule === 'stdp';
}

export function synapticRule(rule: SynapticRule, e: PlasticEdge): PlasticityRuntime {
  const when = e.delay === 0 ? 't' : `t−${e.delay}`;
  const x = `${e.source}.y[${when}]`;
  const y = `${e.target}.y[t]`;
  const W = `W[${e.id}]`;
  const base = { node: e.target, edge: e.id, rule: rule.rule, frozen: rule.frozen, reads: [x, y, W], writes: [W] };
  switch (rule.rule) {
    case 'hebbian':
    case 'anti-hebbian':
      return { ...base, equation: `${W}_ij ${rule.rule === 'hebbian' ? '+' : '−'}= ${rule.eta}·y_i·x_j${boundsText(rule.w_min, rule.w_max)}  (${rule.rule === 'hebbian' ? 'Hebb 1949' : 'anti-Hebbian'})`, apply: hebbian(e, (rule.rule === 'hebbian' ? 1 : -1) * rule.eta, rule.w_min, rule.w_max) };
    case 'oja':
      return { ...base, equation: `${W}_ij += ${rule.eta}·y_i·(x_j − y_i·w_ij)  (Oja 1982)`, apply: oja(e, rule.eta) };
    case 'bcm':
      return bcm(e, rule, base);
    case 'stdp':
      return stdp(e, rule, base);
    case 'sorn-stdp':
      return sornStdp(e, rule, base);
    case 'normalise':
      return { ...base, reads: [W], equation: `${W}_ij ← ${W}_ij · ${rule.target} / Σ_j ${W}_ij  (each target unit's incoming sum held at ${rule.target})`, apply: normalise(e, rule.target) };
  }
}

function boundsText(lo?: number, hi?: number): string {
  return lo === undefined && hi === undefined ? '' : `, clipped to [${lo ?? '−∞'}, ${hi ?? '∞'}]`;
}

function clip(w: number, lo: number, hi: number): number {
  return w < lo ? lo : w > hi ? hi : w;
}

/** Δw_ij = η·y_i·x_j (η < 0: anti-Hebbian). Units with y_i = 0 are skipped (Δw = 0). */
function hebbian(e: PlasticEdge, eta: number, wMin = -Infinity, wMax = Infinity): (t: number) => void {
  return (t) => {
    const { buffer: x, offset } = e.pre(t);
    const { rowPtr, colIdx, valIdx, values } = e.rows();
    const y = e.post;
    for (let i = 0; i < y.length; i++) {
      const g = eta * y[i];
      if (g === 0) continue;
      for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        const v = valIdx ? valIdx[k] : k;
        values[v] = clip(values[v] + g * x[offset + colIdx[k]], wMin, wMax);
      }
    }
  };
}

/** Oja's rule (Oja 1982): Δw_ij = η·y_i·(x_j − y_i·w_ij); w converges to the unit-norm first PC. */
function oja(e: PlasticEdge, eta: number): (t: number) => void {
  return (t) => {
    const { buffer: x, offset } = e.pre(t);
    const { rowPtr, colIdx, valIdx, values } = e.rows();
    const y = e.post;
    for (let i = 0; i < y.length; i++) {
      const yi = y[i];
      if (yi === 0) continue;
      for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        const v = valIdx ? valIdx[k] : k;
        values[v] += eta * yi * (x[offset + colIdx[k]] - yi * values[v]);
      }
    }
  };
}

/**
 * BCM (Bienenstock, Cooper & Munro 1982; Intrator & Cooper 1992 sliding threshold):
 * Δw_ij = η·x_j·y_i·(y_i − θ_i), then θ_i ← θ_i + (dt/τ_θ)·(y_i² − θ_i) (θ a running average of y²).
 */
function bcm(e: PlasticEdge, rule: Extract<SynapticRule, { rule: 'bcm' }>, base: Omit<PlasticityRuntime, 'equation' | 'apply'>): PlasticityRuntime {
  const theta = new Float64Array(e.post.length);
  const rate = e.dt / rule.tau_theta;
  const lo = rule.w_min ?? -Infinity;
  const hi = rule.w_max ?? Infinity;
  return {
    ...base,
    writes: [...base.writes, `θ[${e.id}]`],
    equation: `W[${e.id}]_ij += ${rule.eta}·x_j·y_i·(y_i − θ_i); θ_i += (dt/${rule.tau_theta} ms)·(y_i² − θ_i)${boundsText(rule.w_min, rule.w_max)}  (BCM 1982)`,
    reset: () => theta.fill(rule.theta_init),
    apply: (t) => {
      const { buffer: x, offset } = e.pre(t);
      const { rowPtr, colIdx, valIdx, values } = e.rows();
      const y = e.post;
      for (let i = 0; i < y.length; i++) {
        const yi = y[i];
        const g = rule.eta * yi * (yi - theta[i]);
        if (g !== 0) {
          for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
            const v = valIdx ? valIdx[k] : k;
            values[v] = clip(values[v] + g * x[offset + colIdx[k]], lo, hi);
          }
        }
        theta[i] += rate * (yi * yi - theta[i]);
      }
    },
  };
}

/**
 * Pair-based STDP with exponential windows (Song, Miller & Abbott 2000; all-to-all pairing via
 * traces, Morrison et al. 2008). Per step, in this order:
 *   1. traces decay: p_j ← p_j·e^(−dt/τ+), q_i ← q_i·e^(−dt/τ−)
 *   2. presynaptic spikes: p_j ← p_j + x_j
 *   3. depression at each presynaptic spike: w_ij −= η·a−·q_i·x_j   (post fired Δt earlier)
 *   4. potentiation at each postsynaptic spike: w_ij += η·a+·p_j·y_i (pre fired Δt ≥ 0 earlier)
 *   5. postsynaptic spikes: q_i ← q_i + y_i
 * so one pair Δt = t_post − t_pre changes w by η·a+·e^(−Δt/τ+) (Δt ≥ 0) or −η·a−·e^(−|Δt|/τ−)
 * (Δt < 0); weights are clipped to [w_min, w_max]. Event-driven: only spiking units' synapses.
 */
function stdp(e: PlasticEdge, rule: Extract<SynapticRule, { rule: 'stdp' }>, base: Omit<PlasticityRuntime, 'equation' | 'apply'>): PlasticityRuntime {
  const n = e.post.length;
  let pre = new Float64Array(0);
  const post = new Float64Array(n);
  const decayPre = exp(-e.dt / rule.tau_plus);
  const decayPost = exp(-e.dt / rule.tau_minus);
  const up = rule.eta * rule.a_plus;
  const down = rule.eta * rule.a_minus;
  return {
    ...base,
    writes: [...base.writes, `traces[${e.id}]`],
    equation: `W[${e.id}]_ij += ${up}·e^(−Δt/${rule.tau_plus} ms) if pre before post, −= ${down}·e^(−|Δt|/${rule.tau_minus} ms) if post before pre, clipped to [${rule.w_min}, ${rule.w_max}]  (pair STDP, Song et al. 2000)`,
    reset: () => {
      pre = new Float64Array(e.columns().colPtr.length - 1);
      post.fill(0);
    },
    apply: (t) => {
      const { buffer: x, offset } = e.pre(t);
      const y = e.post;
      const m = pre.length;
      for (let j = 0; j < m; j++) pre[j] = pre[j] * decayPre + x[offset + j];
      for (let i = 0; i < n; i++) post[i] *= decayPost;
      const c = e.columns();
      for (let j = 0; j < m; j++) {
        const s = x[offset + j];
        if (s === 0) continue;
        for (let k = c.colPtr[j]; k < c.colPtr[j + 1]; k++) {
          const v = c.valIdx ? c.valIdx[k] : k;
          c.values[v] = clip(c.values[v] - down * post[c.rowIdx[k]] * s, rule.w_min, rule.w_max);
        }
      }
      const r = e.rows();
      for (let i = 0; i < n; i++) {
        const yi = y[i];
        if (yi === 0) continue;
        for (let k = r.rowPtr[i]; k < r.rowPtr[i + 1]; k++) {
          const v = r.valIdx ? r.valIdx[k] : k;
          r.values[v] = clip(r.values[v] + up * pre[r.colIdx[k]] * yi, rule.w_min, rule.w_max);
        }
        post[i] += yi;
      }
    },
  };
}

/**
 * SORN's discrete STDP (Lazar, Pipa & Triesch 2009, Front. Comput. Neurosci. 3:23, eq. 3):
 *   ΔW_ij = η·(x_i(t)·x_j(t−1) − x_i(t−1)·x_j(t))
 * with x_j the presynaptic unit's output at emission (the source's own step t and t−1, whatever
 * the edge's delay) and x_i the postsynaptic output (binary in the paper; dimensionless). A
 * synapse whose presynaptic unit fired one step before the postsynaptic one grows by η, the
 * reverse order shrinks it by η, simultaneous or lone firing leaves it. Every step, on the edge's
 * existing synapses; changed weights are clipped to [w_min, w_max] (Lazar: [0, 1]). The rule keeps
 * copies of both outputs of the previous step; the first step after a reset only records them.
 */
function sornStdp(e: PlasticEdge, rule: Extract<SynapticRule, { rule: 'sorn-stdp' }>, base: Omit<PlasticityRuntime, 'equation' | 'apply'>): PlasticityRuntime {
  const prevPost = new Float64Array(e.post.length);
  const prevPre = new Float64Array(e.emitted.length);
  let primed = false;
  const lo = rule.w_min ?? -Infinity;
  const hi = rule.w_max ?? Infinity;
  const x = `${e.source}.y`;
  const y = `${e.target}.y`;
  return {
    ...base,
    reads: [`${x}[t]`, `${y}[t]`, `W[${e.id}]`],
    writes: [...base.writes, `previous[${e.id}]`],
    equation: `W[${e.id}]_ij += ${rule.eta}·(${y}_i[t]·${x}_j[t−1] − ${y}_i[t−1]·${x}_j[t])${boundsText(rule.w_min, rule.w_max)}  (SORN STDP, Lazar et al. 2009)`,
    reset: () => {
      primed = false;
    },
    apply: () => {
      const now = e.emitted;
      const y = e.post;
      if (primed) {
        const { rowPtr, colIdx, valIdx, values } = e.rows();
        for (let i = 0; i < y.length; i++) {
          const yi = y[i];
          const qi = prevPost[i];
          if (yi === 0 && qi === 0) continue;
          for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
            const j = colIdx[k];
            const d = rule.eta * (yi * prevPre[j] - qi * now[j]);
            if (d === 0) continue;
            const v = valIdx ? valIdx[k] : k;
            values[v] = clip(values[v] + d, lo, hi);
          }
        }
      }
      prevPre.set(now);
      prevPost.set(y);
      primed = true;
    },
  };
}

/** Synaptic normalisation (Lazar et al. 2009): each row's sum rescaled to `target` (rows summing to 0 are left alone). */
function normalise(e: PlasticEdge, target: number): () => void {
  return () => {
    const { rowPtr, valIdx, values } = e.rows();
    for (let i = 0; i + 1 < rowPtr.length; i++) {
      let sum = 0;
      for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) sum += values[valIdx ? valIdx[k] : k];
      if (sum === 0 || !Number.isFinite(sum)) continue;
      const f = target / sum;
      for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) values[valIdx ? valIdx[k] : k] *= f;
    }
  };
}
