#!/usr/bin/python3
"""Rates and rhythm of the paper's whole network, from the published program.

Izhikevich (2003), IEEE Trans. Neural Networks 14:1569, Fig. 3 (net.m), ported to numpy float64:
Ne = 800 excitatory neurons (a = 0.02, b = 0.2, c = -65 + 15 r^2, d = 8 - 6 r^2) and Ni = 200
inhibitory ones (a = 0.02 + 0.08 r, b = 0.25 - 0.05 r, c = -65, d = 2), r ~ U[0, 1] per neuron;
S = [0.5 U[0,1] (from E), -U[0,1] (from I)] all to all; each millisecond
    I = [5 randn(Ne); 2 randn(Ni)];  fired = find(v >= 30);  reset;
    I = I + sum(S(:, fired), 2);  two 0.5 ms v steps;  one u step.
The synaptic current of the spikes at t enters the same millisecond here (the engine's delay-1
edges deliver it one step later; see the preset's description).

For each seed: the mean rate of E and of I (Hz) over t = 101..T, and the peak of the population
spike count's Welch spectrum (Hann, 500 ms segments, 50 % overlap) in 2-100 Hz. Statistics, not
spike times: the engine's random numbers are not numpy's.

Run:  /usr/bin/python3 network.py > network.json
"""
import json
import sys

import numpy as np

NE, NI, T_MS, TRANSIENT = 800, 200, 3100, 100


def run(seed, synapse_lag):
    rng = np.random.default_rng(seed)
    re, ri = rng.random(NE), rng.random(NI)
    a = np.concatenate([0.02 * np.ones(NE), 0.02 + 0.08 * ri])
    b = np.concatenate([0.2 * np.ones(NE), 0.25 - 0.05 * ri])
    c = np.concatenate([-65 + 15 * re**2, -65 * np.ones(NI)])
    d = np.concatenate([8 - 6 * re**2, 2 * np.ones(NI)])
    S = np.hstack([0.5 * rng.random((NE + NI, NE)), -rng.random((NE + NI, NI))])
    v = -65.0 * np.ones(NE + NI)
    u = b * v
    counts_e, counts_i, counts = [], [], []
    pending = np.zeros(NE + NI)
    for t in range(1, T_MS + 1):
        I = np.concatenate([5 * rng.standard_normal(NE), 2 * rng.standard_normal(NI)])
        fired = np.nonzero(v >= 30)[0]
        v[fired] = c[fired]
        u[fired] = u[fired] + d[fired]
        syn = S[:, fired].sum(axis=1)
        if synapse_lag:
            I = I + pending
            pending = syn
        else:
            I = I + syn
        v = v + 0.5 * (0.04 * v**2 + 5 * v + 140 - u + I)
        v = v + 0.5 * (0.04 * v**2 + 5 * v + 140 - u + I)
        u = u + a * (b * v - u)
        counts_e.append(int((fired < NE).sum()))
        counts_i.append(int((fired >= NE).sum()))
        counts.append(int(fired.size))
    x = np.array(counts[TRANSIENT:], dtype=np.float64)
    seg, half = 500, 250
    hann = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(seg) / (seg - 1))
    p = np.zeros(half + 1)
    n = 0
    for start in range(0, len(x) - seg + 1, half):
        s = (x[start:start + seg] - x[start:start + seg].mean()) * hann
        p += np.abs(np.fft.rfft(s)) ** 2
        n += 1
    f = np.arange(half + 1) * 1000.0 / seg
    band = (f >= 2) & (f <= 100)
    k = np.argmax(np.where(band, p, -1))
    return {
        "seed": seed,
        "rate_e_hz": float(np.mean(counts_e[TRANSIENT:]) * 1000 / NE),
        "rate_i_hz": float(np.mean(counts_i[TRANSIENT:]) * 1000 / NI),
        "peak_hz": float(f[k]),
        "peak_over_median": float(p[k] / np.median(p[band])),
    }


def main():
    out = {
        "source": "Izhikevich 2003, IEEE TNN 14:1569, Fig. 3 (net.m), numpy float64 port (network.py)",
        "numpy": np.__version__,
        "T_ms": T_MS,
        "transient_ms": TRANSIENT,
        "same_ms": [run(s, False) for s in range(5)],
        "one_ms_later": [run(s, True) for s in range(5)],
    }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
