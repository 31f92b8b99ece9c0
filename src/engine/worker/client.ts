/**
 * The page's handle on the stepping worker: a Comlink proxy of engine.worker.ts. The engine
 * never runs on the page's thread; a browser that cannot start a module worker gets a client
 * whose every call fails with the reason (tests pass an EngineSession of their own instead).
 */
import * as Comlink from 'comlink';
import type { EngineApi } from './protocol.ts';
import type { EngineEndpoint, EngineLink } from './engine-link.ts';

export interface EngineClient {
  api: EngineApi;
  /**
   * A new way in to this engine for the analysis worker (engine-link.ts): a port of a fresh
   * MessageChannel whose other port went to the stepping worker (replacing its previous one), or,
   * for a session in this thread, its link itself.
   */
  link(): EngineEndpoint;
  /** Prepares a callback for the trip to the worker (a Comlink proxy; as it is in the same thread). */
  callback<F extends (...args: never[]) => unknown>(fn: F): F;
  /** Marks buffers of an argument to be moved to the worker, not copied (the page gives them up); returns the argument. */
  transfer<T>(value: T, buffers: ArrayBuffer[]): T;
  /** "worker", or "in-page" for a session in the same thread (Node tests). */
  mode: 'worker' | 'in-page';
  dispose(): void;
}

/** Calls of an API that always fail with `reason`. */
export function failingApi<T extends object>(reason: string): T {
  return new Proxy({} as T, { get: () => () => Promise.reject(new Error(reason)) });
}

export function createEngineClient(): EngineClient {
  try {
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'recurrence-engine' });
    const api = Comlink.wrap<EngineApi>(worker) as unknown as EngineApi;
    const link = () => {
      const channel = new MessageChannel();
      void api.link(Comlink.transfer(channel.port1, [channel.port1]));
      return channel.port2;
    };
    return { api, link, callback: (fn) => Comlink.proxy(fn), transfer: (value, buffers) => Comlink.transfer(value, buffers), mode: 'worker', dispose: () => worker.terminate() };
  } catch (err) {
    const reason = `this browser could not start the engine's worker (${err instanceof Error ? err.message : String(err)}); Recurrence needs module Web Workers`;
    return { api: failingApi<EngineApi>(reason), link: () => failingApi<EngineLink>(reason), callback: (fn) => fn, transfer: (value) => value, mode: 'worker', dispose: () => undefined };
  }
}

/** A client calling an engine in the same thread (Node tests; the page never runs one): the analysis session calls its link directly. */
export function localEngineClient(api: EngineApi & { engineLink(): EngineLink }): EngineClient {
  return { api, link: () => api.engineLink(), callback: (fn) => fn, transfer: (value) => value, mode: 'in-page', dispose: () => undefined };
}
