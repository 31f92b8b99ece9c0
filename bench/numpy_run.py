"""numpy stepping the leaky-tanh reservoir of bench/numpy_reservoir.py for a fixed number of steps,
recording unit 0 after every step (what `recurrence run --probe res[0]` records), as a
whole program: bench/cli.ts times it end to end beside the real CLI command.

Usage: /usr/bin/python3 numpy_run.py N DENSITY STEPS OUT
"""
import sys

import numpy as np


def main():
    n, density, steps, out = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    rng = np.random.default_rng(1)
    w = rng.standard_normal((n, n)) * (rng.random((n, n)) < density)
    w_in = rng.uniform(-1, 1, n)
    x = np.zeros(n)
    a = 0.3
    trace = np.empty(steps)
    for t in range(steps):
        u = np.sin(t * 0.1)
        x = (1 - a) * x + a * np.tanh(w @ x + w_in * u)
        trace[t] = x[0]
    np.savetxt(out, trace)


main()
