/**
 * Steps/s of the engine with the plain-JS kernels, alone in its process (bench/engine.ts runs
 * it): V8 shares type feedback between the programs of one process, and after the WASM
 * variants had run, the JS fallback measured 1.6× slower than it runs where it is the only
 * engine (N = 100: 49k against 79k steps/s). Prints one JSON line: {"steps_per_s": best of rounds}.
 * Usage: node --import tsx bench/js-fallback-rate.ts N DENSITY MIN_SECONDS ROUNDS
 */
import '../src/kinds/registry.ts';
import { jsKernels, Simulator } from '../src/engine/index.ts';
import { reservoirDocument } from './reservoir.ts';
import { measureRate } from './timing.ts';

const [n, density, minSeconds, rounds] = process.argv.slice(2).map(Number);
const sim = Simulator.fromDocument(reservoirDocument(n, density), { kernels: jsKernels });
let best = 0;
for (let r = 0; r < rounds; r++) best = Math.max(best, measureRate((k) => sim.run(k), minSeconds).perSecond);
console.log(JSON.stringify({ steps_per_s: best }));
