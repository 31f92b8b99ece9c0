/** The engine's Web Worker: a thin shell that exposes an EngineSession through Comlink. */
import * as Comlink from 'comlink';
import { EngineSession, frameTransferables } from './session.ts';
import { replyTransferables } from './measure-requests.ts';
import type { EngineApi, Frame } from './protocol.ts';

const session = new EngineSession();
const transferFrame = (frame: Frame) => Comlink.transfer(frame, frameTransferables(frame));

const api: EngineApi = {
  load: (doc) => session.load(doc),
  reset: (seed) => session.reset(seed),
  run: async (steps, probes) => transferFrame(session.runSync(steps, probes)),
  subscribe: (subscriptions) => session.subscribe(subscriptions),
  advance: async (steps, budgetMs) => transferFrame(session.advanceSync(steps, budgetMs)),
  update: (doc) => session.update(doc),
  async weights(edge, max) {
    const w = session.weightsSync(edge, max);
    return w ? Comlink.transfer(w, [w.data.buffer as ArrayBuffer]) : null;
  },
  async spectrum(edge) {
    const s = await session.spectrum(edge);
    return s ? Comlink.transfer(s, [s.re.buffer as ArrayBuffer, s.im.buffer as ArrayBuffer]) : null;
  },
  retain: (subscriptions) => session.retain(subscriptions),
  measure: async (request) => {
    const reply = session.measureSync(request);
    return Comlink.transfer(reply, replyTransferables(reply));
  },
  train: () => session.train(),
  memoryCapacity: (request) => session.memoryCapacity(request),
};

Comlink.expose(api);
