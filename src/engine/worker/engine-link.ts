/**
 * The link between the two workers: what the analysis worker fetches from the stepping worker
 * (an edge's weight matrix, the retained windows a measure reads) without the page carrying it.
 * The page makes one MessageChannel and hands a port to each worker (again whenever either is
 * started afresh); requests and replies then go worker to worker, and the page only sends the
 * analysis request and receives its small result. Where there are no workers (Node tests, the
 * in-page fallback) the analysis session calls the engine session's link directly: the same
 * requests, the same replies.
 *
 * Every request names the network version it was made for (the page's count of loads and live
 * edits, `SimulationCore.version`). When the stepping worker runs another version the request
 * fails with StaleNetworkError, a clear message and no data: the page asked about a network that
 * has changed since, and asks again for the new one.
 */
import * as Comlink from 'comlink';
import type { MatrixSnapshot } from './analysis-protocol.ts';
import type { MeasureWindows } from './measure-requests.ts';
import type { MeasureReply, MeasureRequest } from './protocol.ts';

/** A fetch's reply: the data, or why there is none (`stale`: the stepping worker runs another network version). */
export type Fetched<T> = { ok: true; value: T } | { ok: false; error: string; stale?: true };

/** An edge's weights as stored and the step they were copied after. */
export interface MatrixAt {
  matrix: MatrixSnapshot;
  t: number;
}

/** The windows of a measure request, or the stepping worker's reply when there are none yet (nothing retained, no steps). */
export type WindowsOrReply = MeasureWindows | Extract<MeasureReply, { ok: false }>;

/** What the analysis worker may ask of the stepping worker. */
export interface EngineLink {
  /** A copy of an edge's current weights, if the network is at `version`. */
  matrix(edge: string, version: number): Promise<Fetched<MatrixAt>>;
  /** Copies of the retained windows a measure request reads, if the network is at `version`. */
  measureWindows(request: MeasureRequest, version: number): Promise<Fetched<WindowsOrReply>>;
}

/** Where the analysis worker reaches the stepping worker: a port of the page's channel, or the engine session's link in the same thread. */
export type EngineEndpoint = MessagePort | EngineLink;

/** The error of a request for a network version the stepping worker no longer (or not yet) runs. */
export class StaleNetworkError extends Error {
  override name = 'StaleNetworkError';
}

/** The reply to a request made for `asked` when the network is at `now`. */
export function staleReply(asked: number, now: number): Extract<Fetched<never>, { ok: false }> {
  return { ok: false, stale: true, error: `the network changed since this was asked (version ${asked}, now ${now}); ask again` };
}

/** The typed arrays of a reply, to move them to the other worker without a copy. */
function transferables(reply: Fetched<unknown>): Transferable[] {
  const out = new Set<ArrayBuffer>();
  const visit = (v: unknown) => {
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) out.add(v.buffer);
    } else if (v && typeof v === 'object') for (const x of Object.values(v)) visit(x);
  };
  if (reply.ok) visit(reply.value);
  return [...out];
}

/**
 * Serves `link` on `port` (the stepping worker's side of the channel), moving the replies' arrays
 * rather than copying them; returns what ends it.
 */
export function serveEngineLink(link: EngineLink, port: MessagePort): () => void {
  const served: EngineLink = {
    matrix: async (edge, version) => {
      const r = await link.matrix(edge, version);
      return Comlink.transfer(r, transferables(r));
    },
    measureWindows: async (request, version) => {
      const r = await link.measureWindows(request, version);
      return Comlink.transfer(r, transferables(r));
    },
  };
  Comlink.expose(served, port);
  return () => port.close();
}

const isPort = (e: EngineEndpoint): e is MessagePort => typeof MessagePort === 'function' && e instanceof MessagePort;

/**
 * The analysis worker's side: fetches from the endpoint it was last given. A new endpoint (the
 * stepping worker was started afresh, or the page made a new channel) ends the old one, and the
 * fetches still waiting on it fail with a clear message instead of waiting for ever.
 */
export class LinkedEngine {
  private link: EngineLink | null = null;
  private end: () => void = () => undefined;
  private waiting = new Set<(reason: Error) => void>();

  /** Fetches go to `endpoint` from now on. */
  connect(endpoint: EngineEndpoint): void {
    this.close(new Error('the engine was restarted while this analysis fetched its data; ask again'));
    if (isPort(endpoint)) {
      const remote = Comlink.wrap<EngineLink>(endpoint);
      this.link = remote;
      this.end = () => {
        remote[Comlink.releaseProxy]();
        endpoint.close();
      };
    } else {
      this.link = endpoint;
      this.end = () => undefined;
    }
  }

  /** An edge's weights at `version`; throws StaleNetworkError when the network has changed. */
  matrix(edge: string, version: number): Promise<MatrixAt> {
    return this.fetch((l) => l.matrix(edge, version));
  }

  /** A measure request's windows at `version` (or the stepping worker's reply that there are none yet). */
  measureWindows(request: MeasureRequest, version: number): Promise<WindowsOrReply> {
    return this.fetch((l) => l.measureWindows(request, version));
  }

  /** Ends the link: waiting fetches fail with `reason`. */
  close(reason = new Error('the analysis worker has no link to the engine')): void {
    for (const fail of [...this.waiting]) fail(reason);
    this.waiting.clear();
    this.end();
    this.end = () => undefined;
    this.link = null;
  }

  private async fetch<T>(call: (link: EngineLink) => Promise<Fetched<T>>): Promise<T> {
    const link = this.link;
    if (!link) throw new Error('the analysis worker has no link to the engine (the page sets one up when it starts the workers)');
    let fail!: (reason: Error) => void;
    const ended = new Promise<never>((_, reject) => (fail = reject));
    this.waiting.add(fail);
    try {
      const r = await Promise.race([call(link), ended]);
      if (r.ok) return r.value;
      throw r.stale ? new StaleNetworkError(r.error) : new Error(r.error);
    } finally {
      this.waiting.delete(fail);
    }
  }
}
