/**
 * The WebAssembly text of the engine's SIMD kernels, put together from modules by job
 * (products-wat.ts, activations-wat.ts, neuron-steps-wat.ts) and assembled by `npm run build:wasm`
 * (scripts/build-wasm.ts, with the `wabt` npm package) into kernels.generated.ts. Two variants
 * differ only in the memory import: shared (a SharedArrayBuffer, so a helper worker can run rows
 * of the same product) and unshared.
 */
import { mapF64, rateUpdate, sigmoidBody, tanhBody } from './activations-wat.ts';
import { izhikevichStep, lifStep } from './neuron-steps-wat.ts';
import { csr, demote, dense, DENSE_F32, DENSE_F64, eventF64, eventSharedF64, poissonCountsWat } from './products-wat.ts';

/** The whole module's text; `shared` selects the memory import. */
export function kernelsWat(shared: boolean): string {
  const memory = shared ? '(memory 1 32768 shared)' : '(memory 1)';
  return `(module
  (import "env" "memory" ${memory})
${dense(DENSE_F64)}
${dense(DENSE_F32)}
${csr('f64')}
${csr('f32')}
${eventF64()}
${eventSharedF64()}
${poissonCountsWat()}
${demote()}
${mapF64('tanh_f64', tanhBody)}
${mapF64('sigmoid_f64', sigmoidBody)}
${rateUpdate('rate_tanh', tanhBody)}
${rateUpdate('rate_sigmoid', sigmoidBody)}
${lifStep()}
${izhikevichStep()}
)
`;
}

/** Largest memory (64 KiB pages) the shared variant may grow to (2 GiB). */
export const SHARED_MAX_PAGES = 32768;
