/**
 * Measure requests from the panels to the engine, one at a time: while one is in the worker,
 * a newer request from the same panel (key) replaces its older waiting one, which resolves
 * null (stale: dropped, never computed). So a busy worker never builds a backlog, and the run
 * loop's batches wait for at most one measure.
 */

interface Waiting<Q, R> {
  request: Q;
  resolve(reply: R | null): void;
}

export function createMeasureQueue<Q, R>(send: (request: Q) => Promise<R>) {
  const waiting = new Map<string, Waiting<Q, R>>();
  let busy = false;

  async function pump(): Promise<void> {
    if (busy) return;
    const next = waiting.entries().next();
    if (next.done) return;
    const [key, item] = next.value;
    waiting.delete(key);
    busy = true;
    try {
      item.resolve(await send(item.request));
    } catch {
      item.resolve(null);
    } finally {
      busy = false;
      void pump();
    }
  }

  return {
    /** Queues a request under `key`; resolves with the reply, or null when a newer one replaced it. */
    request(key: string, request: Q): Promise<R | null> {
      waiting.get(key)?.resolve(null);
      return new Promise<R | null>((resolve) => {
        waiting.set(key, { request, resolve });
        void pump();
      });
    },
    /** Drops every waiting request (a reset or load makes them stale). */
    clear(): void {
      for (const w of waiting.values()) w.resolve(null);
      waiting.clear();
    },
    /** Requests waiting (not counting the one in the worker). */
    get pending(): number {
      return waiting.size;
    },
  };
}
