"""Seconds numpy.linalg.eigvals takes on the matrices of bench/linalg.ts (same bytes).

Usage: /usr/bin/python3 numpy_eigvals.py FILE N REPEATS
FILE holds N*N float64 values (row-major, little-endian). Prints one JSON line:
{"seconds": best of REPEATS, "trace_error": |sum(eigvals) - trace|, "blas": library path,
 "threads": OPENBLAS_NUM_THREADS or the CPU count}.
"""
import json
import os
import sys
import time

import numpy as np


def blas_library():
    try:
        with open('/proc/self/maps') as maps:
            for line in maps:
                if 'blas' in line or 'lapack' in line:
                    return line.split()[-1]
    except OSError:
        pass
    return 'unknown'


def main():
    path, n, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    a = np.fromfile(path, dtype='<f8').reshape(n, n)
    np.linalg.eigvals(a[:8, :8])  # load LAPACK before timing
    best = float('inf')
    values = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        values = np.linalg.eigvals(a)
        best = min(best, time.perf_counter() - t0)
    print(json.dumps({
        'seconds': best,
        'trace_error': abs(float(np.sum(values).real) - float(np.trace(a))),
        'blas': blas_library(),
        'threads': int(os.environ.get('OPENBLAS_NUM_THREADS', os.cpu_count() or 1)),
    }))


main()
