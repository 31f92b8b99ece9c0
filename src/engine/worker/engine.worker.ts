/** The stepping worker: a thin shell that exposes an EngineSession through Comlink. */
import * as Comlink from 'comlink';
import '../../kinds/registry.ts';
import { EngineSession, frameTransferables } from './session.ts';
import { SamplingThread } from '../compile/sampling-thread.ts';
import type { EngineApi, Frame } from './protocol.ts';

// the weight sampler's helper starts with this worker, so it runs when the first network loads
const session = new EngineSession({ samplingThread: SamplingThread.startIfIsolated() });
const transferFrame = (frame: Frame) => Comlink.transfer(frame, frameTransferables(frame));

const api: EngineApi = {
  load: (doc, progress, version, cancel) => session.load(doc, progress, version, cancel),
  reset: (seed) => session.reset(seed),
  run: async (steps, probes) => transferFrame(session.runSync(steps, probes)),
  subscribe: (subscriptions) => session.subscribe(subscriptions),
  project: (projections) => session.project(projections),
  advance: async (steps, budgetMs, spare) => transferFrame(session.advanceSync(steps, budgetMs, spare)),
  update: (doc, version) => session.update(doc, version),
  async weights(edge, max) {
    const w = session.weightsSync(edge, max);
    return w ? Comlink.transfer(w, [w.data.buffer as ArrayBuffer]) : null;
  },
  edgeFacts: (edge) => session.edgeFacts(edge),
  retain: (subscriptions) => session.retain(subscriptions),
  link: (port) => session.link(port),
  applyTraining: (weights) => session.applyTraining(weights),
  trainedWeights: () => session.trainedWeights(),
};

Comlink.expose(api);
