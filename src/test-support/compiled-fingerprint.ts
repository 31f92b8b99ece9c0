/**
 * A fingerprint of what a document compiles to and how it runs: SHA-256 of each edge's sampled
 * weights (storage format, shape and values, bit for bit) and of every node's output over the
 * first `steps` steps from the document's seed. Two documents with equal fingerprints compile
 * to bit-identical weights and traces.
 */
import { createHash } from 'node:crypto';
import type { GraphDocument } from '../model/index.ts';
import { Simulator } from '../engine/index.ts';

export interface CompiledFingerprint {
  weights: Record<string, string>;
  trace: string;
}

const bytes = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

export function compiledFingerprint(doc: GraphDocument, steps: number): CompiledFingerprint {
  const sim = Simulator.fromDocument(doc);
  try {
    const weights: Record<string, string> = {};
    for (const e of sim.program.edges) {
      const h = createHash('sha256').update(`${e.weights.format} ${e.rows}×${e.cols}`);
      const w = e.weights;
      if (w.format === 'dense') h.update(bytes(w.data));
      else h.update(bytes(w.rowPtr)).update(bytes(w.colIdx)).update(bytes(w.values));
      weights[e.id] = h.digest('hex');
    }
    const trace = createHash('sha256');
    sim.run(steps, () => {
      for (const n of sim.program.nodes) trace.update(bytes(n.output));
    });
    return { weights, trace: trace.digest('hex') };
  } finally {
    sim.program.dispose();
  }
}
