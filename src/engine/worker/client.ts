/**
 * The page's handle on the stepping worker: a Comlink proxy of engine.worker.ts. The engine
 * never runs on the page's thread; a browser that cannot start a module worker gets a client
 * whose every call fails with the reason (tests pass an EngineSession of their own instead).
 */
import * as Comlink from 'comlink';
import type { EngineApi } from './protocol.ts';

export interface EngineClient {
  api: EngineApi;
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
    return { api: Comlink.wrap<EngineApi>(worker) as unknown as EngineApi, callback: (fn) => Comlink.proxy(fn), transfer: (value, buffers) => Comlink.transfer(value, buffers), mode: 'worker', dispose: () => worker.terminate() };
  } catch (err) {
    const reason = `this browser could not start the engine's worker (${err instanceof Error ? err.message : String(err)}); Recurrence needs module Web Workers`;
    return { api: failingApi<EngineApi>(reason), callback: (fn) => fn, transfer: (value) => value, mode: 'worker', dispose: () => undefined };
  }
}

/** A client calling an engine in the same thread (Node tests; the page never runs one). */
export function localEngineClient(api: EngineApi): EngineClient {
  return { api, callback: (fn) => fn, transfer: (value) => value, mode: 'in-page', dispose: () => undefined };
}
