/**
 * The app's handle on the engine: a Comlink proxy of the worker when Web Workers are available,
 * else an EngineSession in the page (same code, same results).
 */
import * as Comlink from 'comlink';
import type { EngineApi } from './protocol.ts';
import { EngineSession } from './session.ts';

export interface EngineClient {
  api: EngineApi;
  /** "worker" or "in-page" (fallback). */
  mode: 'worker' | 'in-page';
  dispose(): void;
}

export function createEngineClient(): EngineClient {
  if (typeof Worker !== 'undefined') {
    try {
      const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'recurrence-engine' });
      const api = Comlink.wrap<EngineApi>(worker) as unknown as EngineApi;
      return { api, mode: 'worker', dispose: () => worker.terminate() };
    } catch {
      // Fall through to the in-page session (e.g. a browser that blocks module workers).
    }
  }
  return { api: new EngineSession(), mode: 'in-page', dispose: () => undefined };
}
