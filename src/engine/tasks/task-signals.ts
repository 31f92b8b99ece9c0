/**
 * Task signals: inputs that carry a target for readout training. Each is a stateful generator
 * stepped once per simulation step (t = 0, 1, 2, …): it writes u(t) and its target vector.
 * Definitions and sources in model/signals.ts.
 */
import type { TaskSignal } from '../../model/index.ts';
import { taskTargetSize } from '../../model/index.ts';
import { powPositive, tanh } from '../math/detmath.ts';
import type { Rng } from '../rng.ts';

export interface TaskGenerator {
  /** Width of the target vector. */
  readonly targetSize: number;
  /** Restarts the series from its seeded initial state. */
  reset(rng: Rng): void;
  /**
   * Computes step t: writes u(t) into `output` (every channel), the target into `target` and,
   * for tasks that score only some steps, 1 (scored) or 0 into `mask[0]`.
   */
  next(t: number, output: Float64Array, target: Float64Array, mask: Float64Array): void;
}

/** A task whose input is one value u(t), the same on every channel. */
interface ScalarTask {
  readonly targetSize: number;
  reset(rng: Rng): void;
  /** Computes step t: returns u(t) and writes the target into `target`. */
  next(t: number, target: Float64Array): number;
}

function onEveryChannel(task: ScalarTask): TaskGenerator {
  return {
    targetSize: task.targetSize,
    reset: (rng) => task.reset(rng),
    next: (t, output, target) => output.fill(task.next(t, target)),
  };
}

export function makeTask(signal: TaskSignal): TaskGenerator {
  switch (signal.type) {
    case 'mackey-glass':
      return onEveryChannel(mackeyGlass(signal));
    case 'narma':
      return onEveryChannel(narma(signal.order, signal.variant === 'tanh'));
    case 'memory-capacity':
      return onEveryChannel(memoryCapacity(signal.max_delay));
    case 'xor-memory':
      return onEveryChannel(laggedBits(signal.lag, (now, past) => now ^ past));
    case 'delayed-copy':
      return onEveryChannel(laggedBits(signal.lag, (_now, past) => past));
    case 'adding':
      return adding(signal.length);
  }
}

/** xⁿ: exact repeated squaring for whole n (x may be negative), e^{n ln x} otherwise. */
function power(x: number, n: number): number {
  if (Number.isInteger(n) && n >= 0) {
    let result = 1;
    let base = x;
    for (let e = n; e > 0; e >>= 1) {
      if (e & 1) result *= base;
      base *= base;
    }
    return result;
  }
  return x > 0 ? powPositive(x, n) : 0;
}

/**
 * Mackey–Glass: dx/dt = a·x_τ/(1 + x_τⁿ) − b·x, one classical RK4 step of size h per simulation
 * step with the delayed value x_τ held fixed over the step (as ReservoirPy does); the history
 * buffer holds ⌊τ/h⌋ past values, initialised to x0 + U[−0.1, 0.1).
 */
function mackeyGlass(s: Extract<TaskSignal, { type: 'mackey-glass' }>): ScalarTask {
  const { a, b, n, h, x0, horizon } = s;
  const historyLength = Math.max(0, Math.floor(s.tau / h));
  const history = new Float64Array(Math.max(1, historyLength));
  const ahead = new Float64Array(horizon + 1); // x(t) … x(t + horizon), a ring
  let head = 0; // index in `history` of the oldest value
  let x = x0;
  let filled = 0; // values of `ahead` produced so far
  const f = (xt: number, xtau: number) => (a * xtau) / (1 + power(xtau, n)) - b * xt;
  const advance = (): number => {
    const current = x;
    let xtau = 0;
    if (historyLength > 0) {
      xtau = history[head];
      history[head] = current;
      head = (head + 1) % historyLength;
    }
    const k1 = h * f(current, xtau);
    const k2 = h * f(current + 0.5 * k1, xtau);
    const k3 = h * f(current + 0.5 * k2, xtau);
    const k4 = h * f(current + k3, xtau);
    x = current + k1 / 6 + k2 / 3 + k3 / 3 + k4 / 6;
    return current;
  };
  return {
    targetSize: 1,
    reset(rng) {
      for (let i = 0; i < historyLength; i++) history[i] = x0 + 0.2 * (rng.uniform() - 0.5);
      head = 0;
      x = x0;
      filled = 0;
      for (let i = 0; i <= horizon; i++) ahead[filled++ % (horizon + 1)] = advance();
    },
    next(t, target) {
      const slot = t % (horizon + 1);
      const u = ahead[slot];
      target[0] = ahead[(t + horizon) % (horizon + 1)];
      ahead[slot] = advance(); // becomes x(t + horizon + 1)
      filled++;
      return u;
    },
  };
}

/**
 * NARMA of order n (model/signals.ts): u ~ U[0, 0.5]; target y(t+1) from y(t … t−n+1), u(t) and
 * u(t−n+1); `bounded`: the right-hand side through tanh.
 */
function narma(order: number, bounded: boolean): ScalarTask {
  const ys = new Float64Array(order); // y(t), y(t−1), … ring
  const us = new Float64Array(order); // u(t), u(t−1), … ring
  let rng: Rng | null = null;
  let yNow = 0;
  return {
    targetSize: 1,
    reset(r) {
      rng = r;
      ys.fill(0);
      us.fill(0);
      yNow = 0;
    },
    next(t, target) {
      const u = 0.5 * rng!.uniform();
      us[t % order] = u;
      ys[t % order] = yNow;
      let sum = 0;
      for (let i = 0; i < order; i++) sum += ys[i];
      const uOld = us[(t + 1) % order]; // u(t − n + 1), 0 before the start
      const next = 0.3 * yNow + 0.05 * yNow * sum + 1.5 * uOld * u + 0.1;
      yNow = bounded ? tanh(next) : next;
      target[0] = yNow;
      return u;
    },
  };
}

/** Memory capacity: u ~ U[−0.8, 0.8]; target_k = u(t − k), k = 1 … K. */
function memoryCapacity(maxDelay: number): ScalarTask {
  const past = new Float64Array(maxDelay + 1); // ring of u(t), u(t−1), …
  let rng: Rng | null = null;
  return {
    targetSize: maxDelay,
    reset(r) {
      rng = r;
      past.fill(0);
    },
    next(t, target) {
      const u = -0.8 + 1.6 * rng!.uniform();
      const len = maxDelay + 1;
      past[t % len] = u;
      for (let k = 1; k <= maxDelay; k++) target[k - 1] = t - k >= 0 ? past[(t - k) % len] : 0;
      return u;
    },
  };
}

/**
 * Bit tasks: u(t) ∈ {0, 1} fair and independent (one draw of 32 bits per step, its lowest bit
 * used); target = rule(u(t), u(t − lag)), u before the first step counting as 0.
 * xor-memory: u(t) XOR u(t − lag); delayed-copy: u(t − lag).
 */
function laggedBits(lag: number, rule: (now: number, past: number) => number): ScalarTask {
  const past = new Uint8Array(lag + 1); // ring of u(t), u(t−1), …, u(t − lag)
  let rng: Rng | null = null;
  return {
    targetSize: 1,
    reset(r) {
      rng = r;
      past.fill(0);
    },
    next(t, target) {
      const u = rng!.nextUint32() & 1;
      past[t % (lag + 1)] = u;
      target[0] = rule(u, t >= lag ? past[(t - lag) % (lag + 1)] : 0);
      return u;
    },
  };
}

/**
 * The adding problem (Hochreiter & Schmidhuber 1997, experiment 4, as set by Le, Jaitly & Hinton
 * 2015): sequences of T steps one after another. At the start of each sequence the two marked
 * positions are drawn, p₁ uniform in [0, ⌊T/2⌋) and p₂ uniform in [⌊T/2⌋, T); at each step the
 * value v ~ U[0, 1) is drawn. Output: channel 0 = v, channel 1 = 1 at p₁ and p₂, else 0. At the
 * sequence's last step target = v(p₁) + v(p₂) and mask = 1; elsewhere both are 0.
 */
function adding(length: number): TaskGenerator {
  const half = Math.floor(length / 2);
  let rng: Rng | null = null;
  let first = 0;
  let second = 0;
  let sum = 0;
  return {
    targetSize: 1,
    reset(r) {
      rng = r;
    },
    next(t, output, target, mask) {
      const k = t % length;
      if (k === 0) {
        first = Math.floor(rng!.uniform() * half);
        second = half + Math.floor(rng!.uniform() * (length - half));
        sum = 0;
      }
      const v = rng!.uniform();
      const marked = k === first || k === second;
      if (marked) sum += v;
      output[0] = v;
      output[1] = marked ? 1 : 0;
      const last = k === length - 1;
      target[0] = last ? sum : 0;
      mask[0] = last ? 1 : 0;
    },
  };
}

export { taskTargetSize };
