/**
 * The open graph document: the one source of truth the canvas and panels are views of.
 * Every load goes through validation; a bad document is reported and never replaces the
 * current one. Edits arrive as named commands (editor/commands) through `commit`, which records
 * undo history by the command's policy; loading and simulation state never enter history.
 */
import { create } from 'zustand';
import {
  parseDocumentText,
  validateDocument,
  type GraphDocument,
  type ValidationIssue,
  type ValidationResult,
} from '../model/index.ts';
import { moveNodes } from './edits.ts';
import { emptyHistory, endGesture, recordEdit, redo, undo, type History, type UndoPolicy } from './history.ts';

export type LoadOutcome = { ok: true } | { ok: false; errors: ValidationIssue[] };

export interface CommitOptions {
  /** Name of the command, shown in Undo's tooltip. */
  label: string;
  undo: UndoPolicy;
  /** Edits of one gesture share a key and become one undo step. */
  gestureKey?: string;
}

export interface DocumentState {
  doc: GraphDocument;
  /** Unsaved changes: the document differs from the one last loaded or saved. */
  dirty: boolean;
  /** The document as last loaded or saved (dirty = doc !== savedDoc). */
  savedDoc: GraphDocument;
  /** Increments on every successful load (not on edits), so views can re-fit to a new network. */
  loadCount: number;
  history: History;
  /**
   * Validates `raw` and, when valid, makes it the open document (history starts afresh).
   * `dirty`: it has changes no file holds yet (a restored autosave).
   */
  load(raw: unknown, options?: { dirty?: boolean }): LoadOutcome;
  /** Parses and validates the text of a .json file, then loads it. */
  loadText(text: string): LoadOutcome;
  /** Makes `doc` the open document as an edit, recorded by `options.undo`. */
  commit(doc: GraphDocument, options: CommitOptions): void;
  /** Ends the open gesture (pointer released). */
  endGesture(): void;
  undo(): void;
  redo(): void;
  /** Moves a node (one undo step). */
  moveNode(id: string, position: { x: number; y: number }): void;
  /** The document has been written to a file. */
  markSaved(): void;
  /**
   * `doc` validated: the document as the engine runs it (defaults filled in), or its issues. A
   * document this store loaded was validated on the way in; an edited one is validated here, once
   * — the editor's issue list, the engine and the edge inspector (which checks its candidate edit
   * here before committing it) read this answer, which is kept until something other than
   * positions changes (a drag does not re-validate; the engine ignores positions).
   */
  checked(doc: GraphDocument): ValidationResult;
  /** The validation issues of `doc` (none: it is valid); see `checked`. */
  issuesOf(doc: GraphDocument): readonly ValidationIssue[];
}

/**
 * What validation depends on, compared by identity: moving a node replaces the node object but
 * keeps its params; an edited edge is a new object around the params the inspector checked.
 */
function structureKey(doc: GraphDocument): unknown[] {
  const key: unknown[] = [doc.dt, doc.seed, doc.title, doc.description, doc.precision, doc.groups, doc.nodes.length, doc.edges.length];
  for (const n of doc.nodes) key.push(n.id, n.kind, n.params, n.label);
  for (const e of doc.edges) key.push(e.id, e.source, e.target, e.params, e.label);
  return key;
}

/**
 * Answers kept: the open document's and the latest candidate's (an inspector checks the edit it
 * is about to commit; the committed document then finds that answer).
 */
const KEPT_ANSWERS = 2;

const sameKey = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Builds the document store with `initial` open. */
export function createDocumentStore(initial: GraphDocument) {
  /** Documents that passed validation as they were loaded (edits make new, unvalidated objects). */
  const validated = new WeakSet<GraphDocument>();
  let recent: { key: unknown[]; result: ValidationResult }[] = [];
  return create<DocumentState>()((set, get) => {
    const adopt = (result: ValidationResult, dirty = false): LoadOutcome => {
      if (!result.ok) return { ok: false, errors: result.errors };
      validated.add(result.doc);
      // A dirty document's saved version is unknown: no document is identical to it.
      const savedDoc = dirty ? ({ ...result.doc } as GraphDocument) : result.doc;
      set({ doc: result.doc, savedDoc, dirty, loadCount: get().loadCount + 1, history: emptyHistory });
      return { ok: true };
    };
    const show = (doc: GraphDocument, history: History) => set({ doc, history, dirty: doc !== get().savedDoc });
    return {
      doc: initial,
      savedDoc: initial,
      dirty: false,
      loadCount: 0,
      history: emptyHistory,
      load: (raw, options) => adopt(validateDocument(raw), options?.dirty),
      loadText: (text) => adopt(parseDocumentText(text)),
      commit(doc, options) {
        const { doc: before, history } = get();
        if (doc === before) return;
        show(doc, recordEdit(history, before, options.label, options.undo, options.gestureKey));
      },
      endGesture() {
        const { history } = get();
        const next = endGesture(history);
        if (next !== history) set({ history: next });
      },
      undo() {
        const step = undo(get().history, get().doc);
        if (step) show(step.doc, step.history);
      },
      redo() {
        const step = redo(get().history, get().doc);
        if (step) show(step.doc, step.history);
      },
      moveNode(id, position) {
        get().commit(moveNodes(get().doc, [{ id, position }]), { label: 'Move', undo: 'step' });
      },
      markSaved: () => set({ savedDoc: get().doc, dirty: false }),
      checked(doc) {
        if (validated.has(doc)) return { ok: true, doc, migrated: [] };
        const key = structureKey(doc);
        const known = recent.find((r) => sameKey(r.key, key));
        const answer = known ?? { key, result: validateDocument(doc) };
        recent = [answer, ...recent.filter((r) => r !== answer)].slice(0, KEPT_ANSWERS);
        return answer.result;
      },
      issuesOf(doc) {
        const result = get().checked(doc);
        return result.ok ? [] : result.errors;
      },
    };
  });
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
