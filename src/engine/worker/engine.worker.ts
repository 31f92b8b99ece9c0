/** The stepping worker: a thin shell that exposes an EngineSession through Comlink. */
import * as Comlink from 'comlink';
import '../../kinds/registry.ts';
import { EngineSession, frameTransferables } from './session.ts';
import { windowTransferables } from './measure-requests.ts';
import type { EngineApi, Frame, MatrixSnapshot } from './protocol.ts';

const session = new EngineSession();
const transferFrame = (frame: Frame) => Comlink.transfer(frame, frameTransferables(frame));
const matrixBuffers = (m: MatrixSnapshot) => (m.format === 'dense' ? [m.data.buffer] : [m.rowPtr.buffer, m.colIdx.buffer, m.values.buffer]) as ArrayBuffer[];

const api: EngineApi = {
  load: (doc, progress) => session.load(doc, progress),
  reset: (seed) => session.reset(seed),
  run: async (steps, probes) => transferFrame(session.runSync(steps, probes)),
  subscribe: (subscriptions) => session.subscribe(subscriptions),
  project: (projections) => session.project(projections),
  advance: async (steps, budgetMs, spare) => transferFrame(session.advanceSync(steps, budgetMs, spare)),
  update: (doc) => session.update(doc),
  async weights(edge, max) {
    const w = session.weightsSync(edge, max);
    return w ? Comlink.transfer(w, [w.data.buffer as ArrayBuffer]) : null;
  },
  async matrix(edge) {
    const m = session.matrixSync(edge);
    return m ? Comlink.transfer(m, matrixBuffers(m)) : null;
  },
  edgeFacts: (edge) => session.edgeFacts(edge),
  retain: (subscriptions) => session.retain(subscriptions),
  async measureWindows(request) {
    const w = await session.measureWindows(request);
    return 'target' in w ? Comlink.transfer(w, windowTransferables(w)) : w;
  },
  applyTraining: (weights) => session.applyTraining(weights),
  trainedWeights: () => session.trainedWeights(),
};

Comlink.expose(api);
