#!/usr/bin/python3
"""Reference spike times of single Izhikevich neurons, from the published algorithm.

Izhikevich (2003), "Simple model of spiking neurons", IEEE Trans. Neural Networks 14:1569-1572,
Fig. 3 (the MATLAB program net.m), run here for one neuron at a time with constant input I and
without the random thalamic input and synapses. Each loop iteration is one millisecond t = 1..T:

    fired = find(v >= 30);             % neurons that spike at t
    v(fired) = c(fired);  u(fired) = u(fired) + d(fired);
    v = v + 0.5*(0.04*v.^2 + 5*v + 140 - u + I);   % step 0.5 ms
    v = v + 0.5*(0.04*v.^2 + 5*v + 140 - u + I);   % for numerical stability
    u = u + a.*(b.*v - u);

with v = -65 and u = b.*v at the start. This is an independent port of that program to numpy in
float64 (same operation order as MATLAB evaluates it, left to right). It does not share code with
the TypeScript engine; tests compare the engine's `"integrator": "izhikevich-2003"` against the
spike times written here.

Run:  /usr/bin/python3 generate.py > spikes.json
"""
import json
import sys

import numpy as np

# The paper's Fig. 2 parameter sets (a, b, c, d).
TYPES = {
    "RS": (0.02, 0.2, -65.0, 8.0),
    "IB": (0.02, 0.2, -55.0, 4.0),
    "CH": (0.02, 0.2, -50.0, 2.0),
    "FS": (0.1, 0.2, -65.0, 2.0),
}
I_INPUT = 10.0
T_MS = 1000


def spike_times(a, b, c, d, current, steps):
    """The 1-based millisecond indices t of net.m's loop in which the neuron is listed in `fired`."""
    a, b, c, d = (np.array([x], dtype=np.float64) for x in (a, b, c, d))
    v = np.array([-65.0])
    u = b * v
    current = np.array([current], dtype=np.float64)
    times = []
    for t in range(1, steps + 1):
        fired = np.nonzero(v >= 30)[0]
        if fired.size:
            times.append(t)
        v[fired] = c[fired]
        u[fired] = u[fired] + d[fired]
        v = v + 0.5 * (0.04 * v**2 + 5 * v + 140 - u + current)
        v = v + 0.5 * (0.04 * v**2 + 5 * v + 140 - u + current)
        u = u + a * (b * v - u)
    return times


def main():
    out = {
        "source": "Izhikevich 2003, IEEE TNN 14:1569, Fig. 3 (net.m), one neuron, constant I, numpy float64 port (generate.py)",
        "numpy": np.__version__,
        "I": I_INPUT,
        "T_ms": T_MS,
        "v0": -65.0,
        "u0": "b*v0",
        "time_convention": "t = 1..T is the loop index of net.m (ms); the engine's step k = t - 1 outputs the spike",
        "neurons": {},
    }
    for name, (a, b, c, d) in TYPES.items():
        out["neurons"][name] = {"a": a, "b": b, "c": c, "d": d, "spikes_ms": spike_times(a, b, c, d, I_INPUT, T_MS)}
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
