"""Epochs/s of a numpy BPTT of the same network as bench/bptt.ts, and its loss curve.

Network: h[t] = tanh(W h[t-1] + W_in u[t] + b), y[t] = W_out [h[t]; 1], loss mean (y - d)^2 over
each truncation segment; truncated BPTT, an Adam step (Kingma & Ba 2015, defaults) after every
segment, the state carried across segments, reset to 0 at every epoch. Written the usual numpy
way: a Python loop over steps, matrix-vector products and outer products per step.

Reads the initial parameters, u and d from the JSON file given; prints one JSON line:
{"epochs_per_s": ..., "losses": [mean loss of each timed epoch]}.
Usage: python3 numpy_bptt.py PARAMS.json EPOCHS MIN_SECONDS
"""
import json
import sys
import time

import numpy as np


def main():
    spec = json.load(open(sys.argv[1]))
    epochs = int(sys.argv[2])
    min_seconds = float(sys.argv[3])
    n = spec["n"]
    W = np.array(spec["W"], dtype=float).reshape(n, n)
    W_in = np.array(spec["W_in"], dtype=float).reshape(n, 1)
    b = np.array(spec["b"], dtype=float)
    W_out = np.array(spec["W_out"], dtype=float).reshape(1, n + 1)
    u = np.array(spec["u"], dtype=float)
    d = np.array(spec["d"], dtype=float)
    steps, trunc, lr = spec["steps"], spec["truncation"], spec["learning_rate"]
    params = [W, W_in, b, W_out]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    b1, b2, eps = 0.9, 0.999, 1e-8
    t_adam = 0

    def epoch():
        nonlocal t_adam
        h = np.zeros(n)
        total = 0.0
        for start in range(0, steps, trunc):
            end = min(start + trunc, steps)
            hs, phis, ys = [h], [], []
            for t in range(start, end):
                h = np.tanh(W @ h + W_in[:, 0] * u[t] + b)
                phi = np.append(h, 1.0)
                y = W_out @ phi
                hs.append(h)
                phis.append(phi)
                ys.append(y)
            count = end - start
            grads = [np.zeros_like(p) for p in params]
            dh_next = np.zeros(n)
            for k in reversed(range(count)):
                t = start + k
                e = ys[k] - d[t]
                total += float(e @ e)
                dy = 2.0 * e / count
                grads[3] += np.outer(dy, phis[k])
                dh = W_out[:, :n].T @ dy + dh_next
                dnet = (1.0 - hs[k + 1] ** 2) * dh
                grads[2] += dnet
                grads[0] += np.outer(dnet, hs[k])
                grads[1] += np.outer(dnet, [u[t]])
                dh_next = W.T @ dnet
            t_adam += 1
            for p, g, mi, vi in zip(params, grads, m, v):
                mi *= b1
                mi += (1 - b1) * g
                vi *= b2
                vi += (1 - b2) * g * g
                p -= lr * (mi / (1 - b1 ** t_adam)) / (np.sqrt(vi / (1 - b2 ** t_adam)) + eps)
        return total / steps

    losses = []
    t0 = time.perf_counter()
    done = 0
    while done < epochs or time.perf_counter() - t0 < min_seconds:
        losses.append(epoch())
        done += 1
    seconds = time.perf_counter() - t0
    print(json.dumps({"epochs_per_s": done / seconds, "losses": losses}))


main()
