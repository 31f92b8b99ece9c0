import { describe, expect, it } from 'vitest';
import { compile } from '../../engine/index.ts';
import { loadPreset, valid } from '../../test-support/docs.ts';
import { captureOutput, tempFiles } from '../../test-support/cli.ts';
import { main } from '../../cli/main.ts';
import { ExportError } from '../../common/export-error.ts';
import { pynnNetwork } from './mapping.ts';
import { pynnFromProgram } from './script.ts';
import type { LifPopulation } from '../../kinds/lif/pynn.ts';
import type { IzhikevichPopulation } from '../../kinds/izhikevich/pynn.ts';

const pos = { x: 0, y: 0 };
function doc(nodes: object[], edges: object[], dt = 0.1) {
  return valid({ format: 'recurrence-graph', version: 1, seed: 5, dt, nodes, edges });
}
function network(d: ReturnType<typeof doc>, duration = 100) {
  const program = compile(d);
  program.initialise(d.seed);
  return pynnNetwork(program, d.seed, duration);
}

describe('PyNN mapping', () => {
  it('maps lif params to IF_curr with cm = τ_m / r_m (nF) and the sampled initial v', () => {
    const net = network(
      doc([{ id: 'n', kind: 'lif', position: pos, params: { size: 3, tau_m: 20, r_m: 40, i_e: 0.5, init_v: { type: 'uniform', low: -70, high: -60 } } }], []),
    );
    const p = net.populations[0] as LifPopulation;
    expect(p.kind).toBe('lif');
    expect(p.params).toEqual({ cm: 0.5, tau_m: 20, v_rest: -65, v_reset: -65, v_thresh: -50, tau_refrac: 2 });
    expect(Array.from(p.iOffset)).toEqual([0.5, 0.5, 0.5]);
    const program = compile(doc([{ id: 'n', kind: 'lif', position: pos, params: { size: 3, tau_m: 20, r_m: 40, i_e: 0.5, init_v: { type: 'uniform', low: -70, high: -60 } } }], []));
    program.initialise(5);
    expect(Array.from(p.v)).toEqual(Array.from(program.nodeById.get('n')!.vars.v));
  });

  it('splits an edge by sign into excitatory and inhibitory projections with delays d·dt (at least dt), weights in the right unit', () => {
    const d = doc(
      [
        { id: 'p', kind: 'poisson', position: pos, params: { size: 2, rate: 10 } },
        { id: 'n', kind: 'lif', position: pos, params: { size: 2 } },
      ],
      [
        { id: 'exc', source: 'p', target: 'n', params: { weight: { type: 'matrix', values: [[1, -2], [0, 3]] }, delay: 0, synapse: { type: 'delta' } } },
        { id: 'cur', source: 'p', target: 'n', params: { weight: { type: 'constant', value: 2 }, delay: 5 } },
      ],
    );
    const net = network(d);
    const [e, i, c] = net.projections;
    expect(e).toMatchObject({ edge: 'exc', receptor: 'excitatory', unit: 'mV', delay: 0.1 });
    expect([Array.from(e.pre_index), Array.from(e.post_index), Array.from(e.weight)]).toEqual([[0, 1], [0, 1], [1, 3]]);
    expect(i).toMatchObject({ edge: 'exc', receptor: 'inhibitory', unit: 'mV' });
    expect([Array.from(i.pre_index), Array.from(i.post_index), Array.from(i.weight)]).toEqual([[1], [0], [-2]]);
    // a one-step current of 2 nA into a delta-only LIF cell: V jumps by w·dt/cm = 2·0.1/1 mV
    expect(c).toMatchObject({ edge: 'cur', receptor: 'excitatory', unit: 'mV', delay: 0.5 });
    expect(Array.from(c.weight)).toEqual([0.2, 0.2, 0.2, 0.2].map((x) => 2 * (0.1 / 1) + 0 * x));
  });

  it('maps izhikevich with i_offset in nA (C = 1 pF) and current edges as jumps of dt·w mV', () => {
    const d = doc(
      [
        { id: 'p', kind: 'poisson', position: pos, params: { size: 1, rate: 10 } },
        { id: 'z', kind: 'izhikevich', position: pos, params: { size: 1, type: 'FS', i_e: 10 } },
      ],
      [{ id: 'e', source: 'p', target: 'z', params: { weight: { type: 'constant', value: 4 } } }],
      0.5,
    );
    const net = network(d);
    const z = net.populations[1] as IzhikevichPopulation;
    expect(z.kind).toBe('izhikevich');
    expect([z.a[0], z.b[0], z.c[0], z.d[0], z.iOffset[0]]).toEqual([0.1, 0.2, -65, 2, 0.01]);
    expect(net.projections[0]).toMatchObject({ unit: 'mV' });
    expect(Array.from(net.projections[0].weight)).toEqual([2]);
  });

  it("says in the script's header when an izhikevich node uses the paper's 1 ms scheme, which PyNN cannot express", () => {
    const nodes = (integrator: string) => [{ id: 'z', kind: 'izhikevich', position: pos, params: { size: 2, integrator } }];
    const script = (integrator: string) => {
      const program = compile(doc(nodes(integrator), [], 1));
      try {
        return pynnFromProgram(program, { durationMs: 100 });
      } finally {
        program.dispose();
      }
    };
    const header = (text: string) => text.slice(0, text.indexOf('"""', text.indexOf('"""') + 3));
    expect(header(script('izhikevich-2003'))).toContain('Differences from the engine:\n- z uses the integrator "izhikevich-2003"');
    expect(header(script('euler'))).not.toContain('Differences from the engine');
  });

  it('turns input signals into current sources (nA), grouped by drive; a delta input becomes u·cm/dt nA', () => {
    const d = doc(
      [
        { id: 'u', kind: 'input', position: pos, params: { size: 1, signal: { type: 'step', at: 10, before: 0, after: 2 } } },
        { id: 'g', kind: 'input', position: pos, params: { size: 3, signal: { type: 'gaussian', mean: 0.2, std: 0.3 } } },
        { id: 'n', kind: 'lif', position: pos, params: { size: 3, tau_m: 20, r_m: 1 } },
      ],
      [
        { id: 'a', source: 'u', target: 'n', params: { weight: { type: 'matrix', values: [[1], [1], [0.5]] } } },
        { id: 'b', source: 'g', target: 'n', params: { weight: { type: 'identity', value: 1 }, synapse: { type: 'delta' }, delay: 2 } },
      ],
    );
    const net = network(d);
    expect(net.sources).toHaveLength(3);
    expect(net.sources[0]).toMatchObject({ cells: [0, 1], waveform: { type: 'steps', times: [0, 1], amplitudes: [0, 2] }, start: 0 });
    expect(net.sources[1]).toMatchObject({ cells: [2], waveform: { type: 'steps', amplitudes: [0, 1] } });
    const noise = net.sources[2];
    expect(noise).toMatchObject({ cells: null, perCell: true, start: 0.2 });
    expect(noise.waveform).toEqual({ type: 'noise', mean: [40, 40, 40].map((x) => x + 0 * 0.2), stdev: [0.3 * 200, 0.3 * 200, 0.3 * 200] });
  });

  it('turns Poisson counts (brunel-full’s drive) into a noisy current of the same mean and variance per step: λ and λ', () => {
    const d = doc(
      [
        { id: 'x', kind: 'input', position: pos, params: { size: 2, signal: { type: 'poisson', mean: 2 } } },
        { id: 'n', kind: 'lif', position: pos, params: { size: 2, tau_m: 20, r_m: 1 } },
      ],
      [{ id: 'p', source: 'x', target: 'n', params: { weight: { type: 'identity', value: 0.1 }, synapse: { type: 'delta' } } }],
    );
    const [noise] = network(d).sources;
    // a delta kick of u mV per step is u·cm/dt nA, cm/dt = (20 ms / 1 MΩ) / 0.1 ms = 200
    expect(noise).toMatchObject({ cells: null, perCell: true });
    const w = noise.waveform as { type: 'noise'; mean: number[]; stdev: number[] };
    expect(w.type).toBe('noise');
    for (let i = 0; i < 2; i++) {
      expect(w.mean[i]).toBeCloseTo(0.1 * 2 * 200, 10);
      expect(w.stdev[i]).toBeCloseTo(0.1 * Math.sqrt(2) * 200, 10);
    }
  });

  it('refuses rate kinds and non-STDP plasticity in one line, naming them and suggesting the notebook', () => {
    expect(() => network(loadPreset('esn-sine'))).toThrow(ExportError);
    expect(() => network(loadPreset('esn-sine'))).toThrow(/nodes "u" \(input\)|"res" \(rate\)/);
    expect(() => network(loadPreset('esn-sine'))).toThrow(/--to notebook/);
    const hebb = doc(
      [
        { id: 'p', kind: 'poisson', position: pos, params: { size: 1 } },
        { id: 'n', kind: 'lif', position: pos, params: { size: 1 } },
      ],
      [{ id: 'h', source: 'p', target: 'n', params: { weight: { type: 'constant', value: 1 }, plasticity: { rule: 'hebbian' } } }],
    );
    expect(() => network(hebb)).toThrow(/edge "h" \(hebbian\) use plasticity PyNN cannot express/);
  });

  it('refuses exponential synapses of one sign with different τ into one population (one τ_syn per receptor)', () => {
    const d = doc(
      [
        { id: 'p', kind: 'poisson', position: pos, params: { size: 1 } },
        { id: 'n', kind: 'lif', position: pos, params: { size: 1 } },
      ],
      [
        { id: 'a', source: 'p', target: 'n', params: { weight: { type: 'constant', value: 1 }, synapse: { type: 'exponential', tau: 5 } } },
        { id: 'b', source: 'p', target: 'n', params: { weight: { type: 'constant', value: 1 }, synapse: { type: 'exponential', tau: 2 } } },
      ],
    );
    expect(() => network(d)).toThrow(/"a" τ = 5 ms, "b" τ = 2 ms.*one τ_syn per receptor/);
  });

  it('writes STDP with PyNN amplitudes A = η·a / w_max (NEURON changes w by w_max·A)', () => {
    const net = network(loadPreset('poisson-lif-stdp'));
    expect(net.projections[0].stdp).toEqual({ tau_plus: 20, tau_minus: 20, A_plus: 0.005 / 0.5, A_minus: 0.00525 / 0.5, w_min: 0, w_max: 0.5 });
  });

  it("writes a script with the issue's CLI and results shape", () => {
    const text = pynnFromProgram(compile(loadPreset('single-lif')), { durationMs: 250 });
    expect(text).toContain('parser.add_argument("--simulator", choices=["neuron", "nest", "brian2"], default="neuron"');
    expect(text).toContain('DEFAULT_DURATION = 250.0');
    expect(text).toContain('results = {"simulator": args.simulator, "processes": sim.num_processes(), "dt": DT, "duration_ms": args.duration, "wall_s": wall, "populations": {}}');
    expect(text).toContain('if sim.rank() == 0:');
  });
});

describe('recurrence export --to pynn and recurrence compare', () => {
  const io = captureOutput();
  const { file } = tempFiles('recurrence-pynn-');

  it('refuses --steps with --to pynn and a bad --duration', async () => {
    const f = file('lif.json', loadPreset('single-lif'));
    expect(await main(['export', f, '--to', 'pynn', '--steps', '10'])).toBe(1);
    expect(io.err).toMatch(/--steps and --probe apply to --to notebook/);
    io.err = '';
    expect(await main(['export', f, '--to', 'pynn', '--duration', '-3'])).toBe(1);
    expect(io.err).toMatch(/--duration must be a time in ms/);
  });

  it('compare validates the results file (JSON paths) and refuses results of another network', async () => {
    const f = file('lif.json', loadPreset('single-lif'));
    const base = { simulator: 'neuron', processes: 2, dt: 0.1, duration_ms: 200, wall_s: 1 };
    expect(await main(['compare', f, file('bad.json', { ...base, populations: { n: { size: 1, rates_hz: [-1], spikes: [[]] } } })])).toBe(1);
    expect(io.err).toMatch(/not a valid results file: populations\.n\.rates_hz\[0\]: must be ≥ 0/);
    io.err = '';
    expect(await main(['compare', f, file('other.json', { ...base, populations: { n: { size: 2, rates_hz: [1, 1], spikes: [[], []] } } })])).toBe(1);
    expect(io.err).toBe('recurrence: ' + file('x', '').replace(/x$/, 'other.json') + ': the results are for another network: population "n" has 2 cells in the results and 1 in the network\n');
    io.err = '';
    const spikes = Array.from({ length: 10 }, (_, k) => 20 * k);
    expect(await main(['compare', f, file('ok.json', { ...base, populations: { n: { size: 1, rates_hz: [50], spikes: [spikes] } } }), '--json'])).toBe(0);
    const report = JSON.parse(io.out);
    // single-lif: 1 nA for the first 100 ms is below the rheobase (silent), 2 nA after it fires at ≈ 57 Hz
    expect(report.populations.n.imported_hz).toBe(50);
    expect(report.populations.n.engine_hz).toBeGreaterThan(20);
    expect(report.populations.n.ratio).toBeCloseTo(50 / report.populations.n.engine_hz, 12);
  });
});
