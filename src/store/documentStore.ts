/**
 * The open graph document: the one source of truth the canvas and panels are views of.
 * Every load goes through validation; a bad document is reported and never replaces the
 * current one.
 */
import { create } from 'zustand';
import {
  parseDocumentText,
  validateDocument,
  type GraphDocument,
  type ValidationIssue,
  type ValidationResult,
} from '../model/index.ts';

export type LoadOutcome = { ok: true } | { ok: false; errors: ValidationIssue[] };

export interface DocumentState {
  doc: GraphDocument;
  /** Unsaved changes since the last load or save. */
  dirty: boolean;
  /** Increments on every successful load (not on edits), so views can re-fit to a new network. */
  loadCount: number;
  /** Validates `raw` and, when valid, makes it the open document. */
  load(raw: unknown): LoadOutcome;
  /** Parses and validates the text of a .json file, then loads it. */
  loadText(text: string): LoadOutcome;
  /** Moves a node (canvas drag). */
  moveNode(id: string, position: { x: number; y: number }): void;
  /** The document has been written to a file. */
  markSaved(): void;
}

/** Builds the document store with `initial` open (a separate factory keeps tests independent). */
export function createDocumentStore(initial: GraphDocument) {
  return create<DocumentState>()((set, get) => {
    const adopt = (result: ValidationResult): LoadOutcome => {
      if (!result.ok) return { ok: false, errors: result.errors };
      set({ doc: result.doc, dirty: false, loadCount: get().loadCount + 1 });
      return { ok: true };
    };
    return {
      doc: initial,
      dirty: false,
      loadCount: 0,
      load: (raw) => adopt(validateDocument(raw)),
      loadText: (text) => adopt(parseDocumentText(text)),
      moveNode(id, position) {
        const { doc } = get();
        const index = doc.nodes.findIndex((n) => n.id === id);
        if (index < 0) return;
        const old = doc.nodes[index].position;
        if (old.x === position.x && old.y === position.y) return;
        const nodes = doc.nodes.slice();
        nodes[index] = { ...nodes[index], position: { x: position.x, y: position.y } };
        set({ doc: { ...doc, nodes }, dirty: true });
      },
      markSaved: () => set({ dirty: false }),
    };
  });
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
