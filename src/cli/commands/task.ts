import type { Command } from 'commander';
import { defaultMaxDelay, MEMORY_CAPACITY_DEFAULTS, memoryCapacityInput, memoryCapacityOnSession } from '../../engine/index.ts';
import { signalOf, type GraphDocument } from '../../model/index.ts';
import { CliError } from '../errors.ts';
import { loadDocument, parseIntOption } from '../load.ts';
import { simulatorFor } from '../simulate.ts';

interface TaskOptions {
  node: string;
  input?: string;
  maxDelay?: string;
  washout: string;
  train: string;
  test: string;
  lambda: string;
  seed?: string;
  json?: boolean;
}

export function registerTask(program: Command): void {
  program
    .command('task')
    .description('run a standard benchmark task on a network: memory-capacity (Jaeger 2001)')
    .argument('<task>', 'memory-capacity')
    .argument('<file>', 'graph document (.json)')
    .requiredOption('--node <ID>', 'the node whose state is read (e.g. the reservoir)')
    .option('--input <ID>', 'the input node u comes from (default: the input with a memory-capacity signal, or the only input)')
    .option('--max-delay <K>', 'largest delay k (default: the signal\'s max_delay, else 2 × the node size)')
    .option('--washout <N>', 'steps discarded first', String(MEMORY_CAPACITY_DEFAULTS.washout))
    .option('--train <N>', 'training steps', String(MEMORY_CAPACITY_DEFAULTS.train))
    .option('--test <N>', 'test steps for r²', String(MEMORY_CAPACITY_DEFAULTS.test))
    .option('--lambda <L>', 'ridge regularisation', String(MEMORY_CAPACITY_DEFAULTS.lambda))
    .option('--seed <S>', 'seed (default: the document seed)')
    .option('--json', 'print JSON: {"mc": total, "curve": [r²(1), …, r²(K)]}')
    .action((task: string, file: string, opts: TaskOptions) => {
      if (task !== 'memory-capacity') throw new CliError(`unknown task "${task}" (known: memory-capacity)`);
      const doc = loadDocument(file);
      const node = doc.nodes.find((n) => n.id === opts.node);
      if (!node) throw new CliError(`--node: no node with id "${opts.node}"`);
      const input = chooseInput(doc, opts.input);
      const maxDelay = opts.maxDelay !== undefined ? parseIntOption('--max-delay', opts.maxDelay, 1, 10_000) : defaultMaxDelay(node, input);
      const lambda = Number(opts.lambda);
      if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new CliError(`--lambda must be a number ≥ 0, got "${opts.lambda}"`);
      const seed = opts.seed === undefined ? doc.seed : parseIntOption('--seed', opts.seed, 0, 4294967295);
      const options = {
        node: node.id,
        input: input.id,
        maxDelay,
        washout: parseIntOption('--washout', opts.washout, 0, 1e6),
        train: parseIntOption('--train', opts.train, 2, 1e6),
        test: parseIntOption('--test', opts.test, 2, 1e6),
        lambda,
      };
      const result = memoryCapacityOnSession(simulatorFor(doc, { seed }), doc, options, 'raise --lambda');
      if (!result.ok) throw new CliError(result.error);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ task, node: node.id, input: input.id, max_delay: maxDelay, mc: result.mc, curve: result.curve })}\n`);
        return;
      }
      process.stdout.write(`memory capacity of ${node.id}: MC = ${result.mc.toFixed(3)} (K = ${maxDelay})\n`);
    });
}

function chooseInput(doc: GraphDocument, id: string | undefined): GraphDocument['nodes'][number] {
  if (id !== undefined) {
    const node = doc.nodes.find((n) => n.id === id);
    if (!node || signalOf(node) === undefined) throw new CliError(`--input: no input node with id "${id}"`);
    return node;
  }
  const input = memoryCapacityInput(doc);
  if (input) return input;
  throw new CliError(`the document has ${doc.nodes.filter((n) => signalOf(n) !== undefined).length} input nodes: choose one with --input`);
}
