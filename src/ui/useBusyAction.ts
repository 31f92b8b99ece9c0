/**
 * An action that takes a while (a worker's export, a class started on the server): `busy` holds
 * what it is doing ("Writing …") from its start to its end, so the controls that start it can be
 * disabled and a status shown; what it throws becomes `onError`'s message (a toast), never an
 * unhandled rejection.
 */
import { useState } from 'react';

export function useBusyAction(onError: (message: string) => void) {
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (what: string, action: () => Promise<unknown>): Promise<void> => {
    setBusy(what);
    try {
      await action();
    } catch (err) {
      onError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}
