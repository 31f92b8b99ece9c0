import type { Command } from 'commander';
import { nonzeros } from '../../engine/index.ts';
import { spectralRadius } from '../../engine/linalg/spectral-radius.ts';
import { getKind } from '../../model/index.ts';
import { loadDocument } from '../load.ts';
import { simulatorFor } from '../simulate.ts';
import { parseIntOption } from '../load.ts';

export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .description('facts of the compiled network: per node its kind, size and variables; per edge its matrix shape, storage, nonzeros and spectral radius (square W)')
    .argument('<file>', 'graph document (.json)')
    .option('--seed <S>', 'seed for sampling the weights (default: the document seed)')
    .option('--json', 'print JSON')
    .action((file: string, opts: { seed?: string; json?: boolean }) => {
      const doc = loadDocument(file);
      const seed = opts.seed === undefined ? doc.seed : parseIntOption('--seed', opts.seed, 0, 4294967295);
      const sim = simulatorFor(doc, { seed });
      const nodes = doc.nodes.map((n) => {
        const rt = sim.node(n.id);
        return { id: n.id, kind: n.kind, size: rt.size, variables: Object.keys(rt.vars), summary: getKind(n.kind)?.summary(n.params) ?? '' };
      });
      const edges = sim.program.edges.map((e) => {
        const w = e.weights;
        const square = w.rows === w.cols;
        return {
          id: e.id,
          source: e.source,
          target: e.target,
          delay: e.delay,
          shape: [w.rows, w.cols],
          storage: w.format,
          nonzeros: nonzeros(w),
          spectralRadius: square ? spectralRadius(w) : null,
        };
      });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ title: doc.title, seed, nodes, edges }, null, 2)}\n`);
        return;
      }
      const lines = [`${doc.title} (seed ${seed})`, 'nodes:'];
      for (const n of nodes) lines.push(`  ${n.id}: ${n.kind}, size ${n.size}, variables ${n.variables.join(', ')}`);
      lines.push('edges:');
      for (const e of edges) {
        const rho = e.spectralRadius === null ? '' : `, spectral radius ${e.spectralRadius.toPrecision(6)}`;
        lines.push(`  ${e.id}: ${e.source} → ${e.target}, ${e.shape[0]}×${e.shape[1]} ${e.storage}, ${e.nonzeros} nonzeros, delay ${e.delay}${rho}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
