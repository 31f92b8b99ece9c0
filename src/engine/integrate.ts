/**
 * ODE systems of continuous-time nodes (ctrnn, wilson-cowan): one or more nodes whose states y_m
 * follow dy_m/dt = f_m(y_m, in_m), where in_m is the node's input: what edges from outside the
 * system delivered for this step (held over the step) plus the system's couplings, delay-0 edges
 * between its members, in_m ← in_m + W_e·g_s(y_s) (g_s the source's output function). Advanced by
 * dt (ms) with
 *  - forward Euler:  Y ← Y + dt·F(Y)
 *  - classic RK4:    K1 = F(Y), K2 = F(Y + dt/2·K1), K3 = F(Y + dt/2·K2), K4 = F(Y + dt·K3),
 *                    Y ← Y + dt/6·(K1 + 2K2 + 2K3 + K4)   (Runge 1895, Kutta 1901)
 * over the joint state Y = (y_1, …, y_M): every coupling is evaluated from the stage's states in
 * every stage, so a system coupled by delay-0 edges (self-loops and loops included) is integrated
 * as the one ODE it is. A node alone is a system of one without couplings.
 * Allocation-free: scratch vectors are made once per system.
 */
import type { Integrator } from '../kinds/ctrnn/schema.ts';

/** What an ODE node (a kind with `odeSystem`) gives the integrator. */
export interface OdeRuntime {
  /** The state y, integrated in place. */
  readonly state: Float64Array;
  readonly method: Integrator;
  /** Writes dy/dt at state y with total input `input` into dydt. */
  derivative(y: Float64Array, input: Float64Array, dydt: Float64Array): void;
  /** Writes the output at state y into out (e.g. σ(g(y + θ)); the state itself for Wilson–Cowan). */
  output(y: Float64Array, out: Float64Array): void;
}

/** One member of a system: its ODE, its output buffer and the input delivered from outside the system. */
export interface OdeMember {
  readonly ode: OdeRuntime;
  readonly output: Float64Array;
  readonly input: Float64Array;
}

/** A delay-0 edge inside a system: adds W·x (x the source member's stage output) into a target's stage input. */
export interface OdeCoupling {
  readonly source: number;
  readonly target: number;
  readonly add: (x: Float64Array, into: Float64Array) => void;
}

interface Scratch {
  k1: Float64Array;
  k2: Float64Array;
  k3: Float64Array;
  k4: Float64Array;
  tmp: Float64Array;
  out: Float64Array;
  in: Float64Array;
}

export class OdeSystem {
  private readonly scratch: Scratch[];

  constructor(
    readonly members: readonly OdeMember[],
    readonly couplings: readonly OdeCoupling[],
    readonly method: Integrator,
  ) {
    const rk = method === 'rk4';
    this.scratch = members.map((m) => {
      const n = m.ode.state.length;
      return {
        k1: new Float64Array(n),
        k2: new Float64Array(rk ? n : 0),
        k3: new Float64Array(rk ? n : 0),
        k4: new Float64Array(rk ? n : 0),
        tmp: new Float64Array(rk ? n : 0),
        out: new Float64Array(m.output.length),
        in: new Float64Array(m.input.length),
      };
    });
  }

  /** F(Y): every member's derivative at the states `states(m)`, with the couplings from those states' outputs. */
  private evaluate(states: (m: number) => Float64Array, into: (s: Scratch) => Float64Array): void {
    const { members, scratch, couplings } = this;
    if (couplings.length > 0) for (let m = 0; m < members.length; m++) members[m].ode.output(states(m), scratch[m].out);
    for (let m = 0; m < members.length; m++) scratch[m].in.set(members[m].input);
    for (const c of couplings) c.add(scratch[c.source].out, scratch[c.target].in);
    for (let m = 0; m < members.length; m++) members[m].ode.derivative(states(m), scratch[m].in, into(scratch[m]));
  }

  /** Advances every member's state by dt and writes its output. */
  step(dt: number): void {
    const { members, scratch } = this;
    const state = (m: number) => members[m].ode.state;
    const tmp = (m: number) => scratch[m].tmp;
    this.evaluate(state, (s) => s.k1);
    if (this.method === 'euler') {
      for (let m = 0; m < members.length; m++) axpy(members[m].ode.state, dt, scratch[m].k1);
    } else {
      this.stage(0.5 * dt, (s) => s.k1);
      this.evaluate(tmp, (s) => s.k2);
      this.stage(0.5 * dt, (s) => s.k2);
      this.evaluate(tmp, (s) => s.k3);
      this.stage(dt, (s) => s.k3);
      this.evaluate(tmp, (s) => s.k4);
      for (let m = 0; m < members.length; m++) {
        const y = members[m].ode.state;
        const { k1, k2, k3, k4 } = scratch[m];
        for (let i = 0; i < y.length; i++) y[i] += (dt / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
      }
    }
    for (const m of members) m.ode.output(m.ode.state, m.output);
  }

  /** tmp = y + h·k for every member. */
  private stage(h: number, k: (s: Scratch) => Float64Array): void {
    for (let m = 0; m < this.members.length; m++) {
      const y = this.members[m].ode.state;
      const s = this.scratch[m];
      const km = k(s);
      for (let i = 0; i < y.length; i++) s.tmp[i] = y[i] + h * km[i];
    }
  }
}

function axpy(y: Float64Array, a: number, x: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] += a * x[i];
}

/** Equation text of the integrator for the schedule. */
export function integratorText(method: Integrator): string {
  return method === 'rk4' ? 'RK4' : 'forward Euler';
}
