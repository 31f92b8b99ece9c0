import '/work/wt/runtime/src/kinds/registry.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { EngineSession } from '/work/wt/runtime/src/engine/worker/session.ts';
for (const f of readdirSync('/work/wt/runtime/presets').filter((f) => f.endsWith('.json'))) {
  const doc = JSON.parse(readFileSync(`/work/wt/runtime/presets/${f}`, 'utf8'));
  const s = new EngineSession();
  const t0 = performance.now();
  const r = await s.load(doc);
  const t1 = performance.now();
  if (!r.ok) { console.log(f, 'failed'); continue; }
  await s.subscribe(r.nodes.map((n) => ({ probe: n.id, window: 1000 })));
  s.advanceSync(1);
  const t2 = performance.now();
  let spec = 0;
  for (const e of r.edges) if (e.rows === e.cols && e.source === e.target) { const a = performance.now(); await s.spectrum(e.id); spec += performance.now() - a; }
  console.log(f.padEnd(28), 'load', (t1 - t0).toFixed(0).padStart(6), 'first step', (t2 - t1).toFixed(1).padStart(7), 'spectra', spec.toFixed(0));
}
process.exit(0);
