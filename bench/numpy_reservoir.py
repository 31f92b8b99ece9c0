"""Steps/s of numpy stepping the same leaky-tanh reservoir as bench/engine.ts.

x = (1 - a) x + a tanh(W x + W_in u + b), W dense (N x N) or CSR (scipy, if present) at the
given density. Prints one JSON line: {"dense": steps_per_s | null, "sparse": ... }.
Usage: python3 numpy_reservoir.py N DENSITY MIN_SECONDS
"""
import json
import sys
import time

import numpy as np


def rate(step, min_seconds):
    step(1)
    n = 1
    while True:
        t0 = time.perf_counter()
        step(n)
        s = time.perf_counter() - t0
        if s >= min_seconds:
            return n / s
        n = max(n * 2, int(n * min_seconds * 1.2 / max(s, 1e-6)))


def main():
    n = int(sys.argv[1])
    density = float(sys.argv[2])
    min_seconds = float(sys.argv[3])
    rng = np.random.default_rng(1)
    w = rng.standard_normal((n, n)) * (rng.random((n, n)) < density)
    if density < 1:
        try:
            import scipy.sparse as sp
            w = sp.csr_matrix(w)
        except ImportError:
            pass
    w_in = rng.uniform(-1, 1, n)
    b = np.zeros(n)
    x = np.zeros(n)
    a = 0.3

    def step(k):
        nonlocal x
        for t in range(k):
            u = np.sin(t * 0.1)
            x = (1 - a) * x + a * np.tanh(w @ x + w_in * u + b)

    print(json.dumps({"steps_per_s": rate(step, min_seconds), "sparse_backend": density < 1 and not isinstance(w, np.ndarray)}))


main()
