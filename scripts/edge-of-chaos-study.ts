/**
 * The edge-of-chaos study behind the `edge-of-chaos` preset's figures (README, preset description,
 * lesson): the largest Lyapunov exponent λ_max(ρ) and the mean active information storage of the
 * reservoir's units over a grid of spectral radii ρ and several seeds (each seed draws other
 * weights and another input).
 *
 *   node --import tsx scripts/edge-of-chaos-study.ts [--seeds 2012,1,2,3,4] [--from 0.5 --to 2 --step 0.05] [--ais]
 *
 * λ_max: engine/dynamics/lyapunov.ts over 2,000 steps after a washout of 200. AIS (with --ais): KSG
 * estimator, history k = 2, 4 neighbours, 1,200 steps after the washout, mean over units 0–19 (nats).
 */
import { readFileSync } from 'node:fs';
import '../src/kinds/registry.ts';
import { validateDocument, type GraphDocument } from '../src/model/index.ts';
import { Recorder, Simulator, parseProbe } from '../src/engine/index.ts';
import { largestLyapunov } from '../src/engine/dynamics/lyapunov.ts';
import { computeMeasure } from '../src/measures/index.ts';

export interface EdgeOfChaosPoint {
  rho: number;
  seed: number;
  lambda: number;
  ais?: number;
}

const WASHOUT = 200;

/** The preset with spectral radius ρ and document seed `seed`. */
export function edgeOfChaosDoc(rho: number, seed: number): GraphDocument {
  const raw = JSON.parse(readFileSync(new URL('../presets/edge-of-chaos.json', import.meta.url), 'utf8')) as Record<string, unknown> & {
    edges: { id: string; params: Record<string, unknown> }[];
  };
  raw.seed = seed;
  raw.edges.find((e) => e.id === 'rec')!.params.spectralRadius = rho;
  const r = validateDocument(raw);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.doc;
}

/** λ_max (and optionally the mean AIS of `units` units) of the preset at (ρ, seed). */
export function edgeOfChaosPoint(rho: number, seed: number, opts: { steps?: number; ais?: boolean; aisSteps?: number; units?: number } = {}): EdgeOfChaosPoint {
  const steps = opts.steps ?? 2000;
  const sim = Simulator.fromDocument(edgeOfChaosDoc(rho, seed));
  const w = sim.program.edges.find((e) => e.id === 'rec')!.weights;
  if (w.format !== 'dense') throw new Error('expected a dense W');
  const rec = new Recorder(sim, parseProbe('res'), WASHOUT + steps);
  sim.run(WASHOUT + steps, () => rec.record());
  const rows = rec.rows();
  const point: EdgeOfChaosPoint = { rho, seed, lambda: largestLyapunov(w.data, rows, WASHOUT) };
  if (opts.ais) {
    const late = rows.slice(WASHOUT, WASHOUT + (opts.aisSteps ?? 1200));
    const units = opts.units ?? 20;
    let sum = 0;
    for (let i = 0; i < units; i++) {
      const series = late.map((r) => r[i]);
      sum += computeMeasure({ measure: 'ais', estimator: 'ksg', k: 2, neighbours: 4 }, { series }, { locals: false }).average;
    }
    point.ais = sum / units;
  }
  return point;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seeds = arg('seeds', '2012,1,2,3,4').split(',').map(Number);
  const from = Number(arg('from', '0.5'));
  const to = Number(arg('to', '2'));
  const step = Number(arg('step', '0.05'));
  const ais = process.argv.includes('--ais');
  const radii: number[] = [];
  for (let k = 0; from + k * step <= to + 1e-9; k++) radii.push(Math.round((from + k * step) * 1000) / 1000);
  console.log(`rho\t${seeds.map((s) => `λ(seed ${s})`).join('\t')}\tλ mean\tλ min\tλ max${ais ? `\t${seeds.map((s) => `AIS(seed ${s})`).join('\t')}\tAIS mean` : ''}`);
  const peaks = new Map<number, { rho: number; ais: number }>();
  for (const rho of radii) {
    const points = seeds.map((seed) => edgeOfChaosPoint(rho, seed, { ais }));
    const ls = points.map((p) => p.lambda);
    const mean = ls.reduce((a, b) => a + b, 0) / ls.length;
    let line = `${rho.toFixed(2)}\t${ls.map((l) => l.toFixed(4)).join('\t')}\t${mean.toFixed(4)}\t${Math.min(...ls).toFixed(4)}\t${Math.max(...ls).toFixed(4)}`;
    if (ais) {
      const as = points.map((p) => p.ais!);
      line += `\t${as.map((a) => a.toFixed(3)).join('\t')}\t${(as.reduce((a, b) => a + b, 0) / as.length).toFixed(3)}`;
      points.forEach((p) => {
        const best = peaks.get(p.seed);
        if (!best || p.ais! > best.ais) peaks.set(p.seed, { rho, ais: p.ais! });
      });
    }
    console.log(line);
  }
  if (ais) console.log(`AIS peak per seed: ${[...peaks].map(([s, p]) => `seed ${s}: ρ ${p.rho} (${p.ais.toFixed(3)} nats)`).join('; ')}`);
}
