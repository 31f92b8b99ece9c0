/**
 * One ODE step helper shared by the smooth continuous-time kinds (ctrnn, wilson-cowan):
 * dy/dt = f(y) over a state vector, advanced by dt (ms) with
 *  - forward Euler:  y ← y + dt·f(y)
 *  - classic RK4:    k1 = f(y), k2 = f(y + dt/2·k1), k3 = f(y + dt/2·k2), k4 = f(y + dt·k3),
 *                    y ← y + dt/6·(k1 + 2k2 + 2k3 + k4)   (Runge 1895, Kutta 1901)
 * Inputs from edges are held constant within the step (they were delivered for this step), so
 * coupling between nodes is always forward Euler, as the foundation's delay rule implies.
 * Allocation-free: scratch vectors are made once per node.
 */
import type { Integrator } from '../kinds/ctrnn/schema.ts';

/** Writes f(y) into dydt. */
export type Derivative = (y: Float64Array, dydt: Float64Array) => void;

export class OdeStepper {
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly tmp: Float64Array;

  constructor(
    readonly size: number,
    readonly method: Integrator,
  ) {
    this.k1 = new Float64Array(size);
    const rk = method === 'rk4' ? size : 0;
    this.k2 = new Float64Array(rk);
    this.k3 = new Float64Array(rk);
    this.k4 = new Float64Array(rk);
    this.tmp = new Float64Array(rk);
  }

  /** Advances y in place by dt. */
  step(y: Float64Array, dt: number, f: Derivative): void {
    const { k1, k2, k3, k4, tmp } = this;
    const n = this.size;
    f(y, k1);
    if (this.method === 'euler') {
      for (let i = 0; i < n; i++) y[i] += dt * k1[i];
      return;
    }
    for (let i = 0; i < n; i++) tmp[i] = y[i] + 0.5 * dt * k1[i];
    f(tmp, k2);
    for (let i = 0; i < n; i++) tmp[i] = y[i] + 0.5 * dt * k2[i];
    f(tmp, k3);
    for (let i = 0; i < n; i++) tmp[i] = y[i] + dt * k3[i];
    f(tmp, k4);
    for (let i = 0; i < n; i++) y[i] += (dt / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
  }
}

/** Equation text of the integrator for the schedule. */
export function integratorText(method: Integrator): string {
  return method === 'rk4' ? 'RK4' : 'forward Euler';
}
