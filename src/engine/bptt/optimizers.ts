/**
 * Parameter updates from gradients: plain gradient descent and Adam, and gradient clipping by the
 * global norm. Parameters and gradients come as lists of arrays (one per parameter block: an
 * edge's weights, a population's bias, a readout's W_out), updated in place. Units: a parameter
 * has the units of the quantity it multiplies or adds; the learning rate is in parameter units
 * per unit of gradient (J is dimensionless).
 */

/**
 * Global gradient norm ‖g‖ = √(Σ_blocks Σ_i g_i²), and clipping by it (Pascanu, Mikolov & Bengio
 * 2013, "On the difficulty of training recurrent neural networks", Algorithm 1): when ‖g‖ > c
 * every gradient is scaled by c/‖g‖, so the update keeps its direction. Returns ‖g‖ before clipping.
 */
export function clipByGlobalNorm(grads: readonly Float64Array[], maxNorm: number | undefined): number {
  let sq = 0;
  for (const g of grads) for (let i = 0; i < g.length; i++) sq += g[i] * g[i];
  const norm = Math.sqrt(sq);
  if (maxNorm !== undefined && norm > maxNorm) {
    const f = maxNorm / norm;
    for (const g of grads) for (let i = 0; i < g.length; i++) g[i] *= f;
  }
  return norm;
}

export interface Optimizer {
  /** Applies one update θ ← θ − Δ(g) to every block (`params[k]` with gradient `grads[k]`). */
  step(params: readonly Float64Array[], grads: readonly Float64Array[]): void;
}

/** Stochastic gradient descent: θ ← θ − η·g (η the learning rate). */
export class Sgd implements Optimizer {
  constructor(readonly learningRate: number) {}

  step(params: readonly Float64Array[], grads: readonly Float64Array[]): void {
    const eta = this.learningRate;
    params.forEach((p, k) => {
      const g = grads[k];
      for (let i = 0; i < p.length; i++) p[i] -= eta * g[i];
    });
  }
}

/**
 * Adam (Kingma & Ba 2015, "Adam: a method for stochastic optimization", Algorithm 1), with step
 * count t = 1, 2, …:
 *   m ← β₁·m + (1 − β₁)·g,   v ← β₂·v + (1 − β₂)·g²,
 *   m̂ = m/(1 − β₁ᵗ),  v̂ = v/(1 − β₂ᵗ),   θ ← θ − α·m̂/(√v̂ + ε)
 * with the paper's defaults β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸. βᵗ is kept as a running product
 * (exact repeated multiplication, no platform pow).
 */
export class Adam implements Optimizer {
  private m: Float64Array[] = [];
  private v: Float64Array[] = [];
  private beta1t = 1;
  private beta2t = 1;
  /** Updates applied so far (t). */
  steps = 0;

  constructor(
    readonly learningRate: number,
    readonly beta1 = 0.9,
    readonly beta2 = 0.999,
    readonly epsilon = 1e-8,
  ) {}

  step(params: readonly Float64Array[], grads: readonly Float64Array[]): void {
    if (this.m.length !== params.length) {
      this.m = params.map((p) => new Float64Array(p.length));
      this.v = params.map((p) => new Float64Array(p.length));
    }
    this.steps++;
    this.beta1t *= this.beta1;
    this.beta2t *= this.beta2;
    const { beta1: b1, beta2: b2, epsilon: eps, learningRate: alpha } = this;
    const c1 = 1 - this.beta1t;
    const c2 = 1 - this.beta2t;
    params.forEach((p, k) => {
      const g = grads[k];
      const m = this.m[k];
      const v = this.v[k];
      for (let i = 0; i < p.length; i++) {
        const gi = g[i];
        const mi = b1 * m[i] + (1 - b1) * gi;
        const vi = b2 * v[i] + (1 - b2) * gi * gi;
        m[i] = mi;
        v[i] = vi;
        p[i] -= (alpha * (mi / c1)) / (Math.sqrt(vi / c2) + eps);
      }
    });
  }
}

export function makeOptimizer(kind: 'adam' | 'sgd', learningRate: number): Optimizer {
  return kind === 'adam' ? new Adam(learningRate) : new Sgd(learningRate);
}
