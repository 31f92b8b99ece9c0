/** The engine's Web Worker: a thin shell that exposes an EngineSession through Comlink. */
import * as Comlink from 'comlink';
import { EngineSession, frameTransferables } from './session.ts';
import type { EngineApi } from './protocol.ts';

const session = new EngineSession();

const api: EngineApi = {
  load: (doc) => session.load(doc),
  reset: (seed) => session.reset(seed),
  async run(steps, probes) {
    const frame = session.runSync(steps, probes);
    return Comlink.transfer(frame, frameTransferables(frame));
  },
};

Comlink.expose(api);
