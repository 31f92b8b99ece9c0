/**
 * `npm run build:wasm [-- --check]`: assembles the generated WebAssembly text of the SIMD kernels
 * (src/engine/kernels/wasm/kernels-wat.ts) with the `wabt` npm package (pure JS/WASM, no
 * downloads) into src/engine/kernels/wasm/kernels.generated.ts, which holds both binaries
 * (unshared and shared memory) as base64 so Node and the Vite worker load them the same way.
 * The output is deterministic; `--check` fails when the committed file is not what the current
 * source assembles to (CI and a unit test run it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assembleKernels, generatedModuleText } from '../src/engine/kernels/wasm/assemble.ts';

const target = fileURLToPath(new URL('../src/engine/kernels/wasm/kernels.generated.ts', import.meta.url));
const text = generatedModuleText(await assembleKernels());
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing: reported below
  }
  if (current !== text) {
    console.error('build:wasm: src/engine/kernels/wasm/kernels.generated.ts is stale; run `npm run build:wasm`');
    process.exit(1);
  }
  console.log('build:wasm: kernels.generated.ts is up to date');
} else {
  writeFileSync(target, text);
  console.log(`build:wasm: wrote ${target}`);
}
