/**
 * Undo history of the document, as plain data. Documents are immutable, so an entry is just the
 * document before an edit. A gesture (a drag, a slider scrub) sends many edits with the same
 * gesture key; they collapse into one entry that holds the document from before the gesture.
 */
import type { GraphDocument } from '../model/index.ts';

/** When an edit enters history: as its own step, once per gesture, or never. */
export type UndoPolicy = 'step' | 'gesture' | 'never';

export interface HistoryEntry {
  doc: GraphDocument;
  /** Name of the command that left this document ("Move", "Connect"). */
  label: string;
}

export interface History {
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** The open gesture: its key, while edits with that key keep coalescing. */
  gesture: string | null;
}

/** Entries kept; the oldest are dropped beyond this. */
export const HISTORY_LIMIT = 200;

export const emptyHistory: History = { past: [], future: [], gesture: null };

/**
 * History after an edit from `before` to the next document. `gestureKey` groups the edits of
 * one gesture: the first of them records `before`, the rest record nothing.
 */
export function recordEdit(h: History, before: GraphDocument, label: string, policy: UndoPolicy, gestureKey?: string): History {
  if (policy === 'never') return h;
  if (policy === 'gesture') {
    const key = gestureKey ?? label;
    if (h.gesture === key) return h;
    return { past: pushBounded(h.past, { doc: before, label }), future: [], gesture: key };
  }
  return { past: pushBounded(h.past, { doc: before, label }), future: [], gesture: null };
}

/** Closes the open gesture (pointer up): the next edit starts a new step. */
export function endGesture(h: History): History {
  return h.gesture === null ? h : { ...h, gesture: null };
}

/** Steps back: the document to show and the history after it; null when there is nothing to undo. */
export function undo(h: History, current: GraphDocument): { doc: GraphDocument; history: History } | null {
  const last = h.past.at(-1);
  if (!last) return null;
  return { doc: last.doc, history: { past: h.past.slice(0, -1), future: [...h.future, { doc: current, label: last.label }], gesture: null } };
}

/** Steps forward again; null when there is nothing to redo. */
export function redo(h: History, current: GraphDocument): { doc: GraphDocument; history: History } | null {
  const next = h.future.at(-1);
  if (!next) return null;
  return { doc: next.doc, history: { past: pushBounded(h.past, { doc: current, label: next.label }), future: h.future.slice(0, -1), gesture: null } };
}

function pushBounded(past: HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const next = [...past, entry];
  return next.length > HISTORY_LIMIT ? next.slice(next.length - HISTORY_LIMIT) : next;
}
