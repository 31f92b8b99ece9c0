/**
 * Which probes the live loop records, and with which window: every node's output by default
 * (so any panel can show any node at once, with its history), within a sample budget, plus what
 * panels ask for (`ID.VAR`, longer windows).
 */
import type { NodeInfo, Subscription } from '../engine/worker/protocol.ts';

/** Most samples (steps × units) one default probe window holds: 2 M values = 16 MB. */
export const WINDOW_BUDGET = 2_000_000;

/** Probe → (subscriber token → window). */
export type SubscriptionTable = Map<string, Map<number, number>>;

/** Every node's output with `window` steps, shortened for wide populations to fit the budget. */
export function defaultWindows(nodes: readonly NodeInfo[], window: number): Subscription[] {
  return nodes.map((n) => ({ probe: n.id, window: Math.max(1, Math.min(window, Math.floor(WINDOW_BUDGET / Math.max(1, n.size)))) }));
}

/** The defaults and the panels' extra subscriptions, one entry per probe with the longest window asked for. */
export function mergeSubscriptions(defaults: Subscription[], extra: SubscriptionTable): Subscription[] {
  const merged = new Map(defaults.map((s) => [s.probe, s.window]));
  for (const [probe, windows] of extra) {
    const longest = Math.max(...windows.values());
    merged.set(probe, Math.max(merged.get(probe) ?? 0, longest));
  }
  return [...merged].map(([probe, window]) => ({ probe, window })).sort((a, b) => a.probe.localeCompare(b.probe));
}

/** Adds a subscriber's window for `probe` to a table; returns the function that removes it. */
export function addSubscriber(table: SubscriptionTable, token: number, probe: string, window: number): () => void {
  const entry = table.get(probe) ?? new Map<number, number>();
  entry.set(token, window);
  table.set(probe, entry);
  return () => {
    entry.delete(token);
    if (entry.size === 0) table.delete(probe);
  };
}
