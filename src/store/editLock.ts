/**
 * Classroom lock: while locked, no command changes the network. The lock sits where every edit
 * arrives, the document store's commit / undo / redo, so keyboard shortcuts, the canvas, the
 * inspector and the test bridge are all covered. Changes of the panel layout alone still pass,
 * and so do exposed sliders (they commit through `unlocked`). Loading a document is not an edit.
 */
import type { GraphDocument } from '../model/index.ts';
import type { DocumentStore } from './documentStore.ts';

/** Whether `next` differs from `before` only in its panel layout. */
export function onlyPanelsChanged(before: GraphDocument, next: GraphDocument): boolean {
  const keys = new Set([...Object.keys(before), ...Object.keys(next)]);
  keys.delete('panels');
  return [...keys].every((k) => (before as unknown as Record<string, unknown>)[k] === (next as unknown as Record<string, unknown>)[k]);
}

export interface EditLock {
  setLocked(locked: boolean): void;
  isLocked(): boolean;
  /** Runs `fn` with the lock lifted (an exposed slider's edit). */
  unlocked<T>(fn: () => T): T;
}

/** Wraps the store's edit actions; `onBlocked` is told about each refused edit. */
export function installEditLock(store: DocumentStore, onBlocked: (label: string) => void): EditLock {
  let locked = false;
  let bypass = 0;
  const { commit, undo, redo } = store.getState();
  const refuse = () => locked && bypass === 0;
  store.setState({
    commit(doc, options) {
      if (refuse() && !onlyPanelsChanged(store.getState().doc, doc)) return onBlocked(options.label);
      commit(doc, options);
    },
    undo: () => (refuse() ? onBlocked('Undo') : undo()),
    redo: () => (refuse() ? onBlocked('Redo') : redo()),
  });
  return {
    setLocked: (v) => void (locked = v),
    isLocked: () => locked,
    unlocked(fn) {
      bypass++;
      try {
        return fn();
      } finally {
        bypass--;
      }
    },
  };
}
