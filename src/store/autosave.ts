/**
 * Autosave: the open document is written to localStorage shortly after every change and
 * restored when the page is opened again. Writing never throws (a full or blocked storage only
 * costs the autosave), and a stored document that no longer validates is kept aside under its
 * own key, never deleted, while the app opens with something that works.
 */
import { parseDocumentText, serializeDocument, type GraphDocument } from '../model/index.ts';
import type { DocumentStore } from './documentStore.ts';

export const AUTOSAVE_KEY = 'recurrence.autosave';
/** Where a stored document that could not be restored is kept. */
export const REJECTED_KEY = 'recurrence.autosave.rejected';
/** Wait after the last change before writing, in ms. */
export const AUTOSAVE_DELAY = 400;

export interface AutosaveRecord {
  version: 1;
  savedAt: string;
  /** Whether the document had unsaved changes (not yet written to a file). */
  dirty: boolean;
  /** The document's text. */
  doc: string;
  /** The last version that passed validation (an edit may leave the document invalid for a while). */
  lastValid?: string;
}

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The storage, or null where it is unavailable (private mode, blocked cookies). */
export function browserStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * Writes the document; `valid` is what the document store's one validation of it said (an invalid
 * one keeps the last valid version beside it). Returns false when the storage refused it.
 */
export function writeAutosave(storage: StorageLike, doc: GraphDocument, dirty: boolean, valid: boolean): boolean {
  try {
    const text = serializeDocument(doc);
    const previous = readRecord(storage);
    const record: AutosaveRecord = { version: 1, savedAt: new Date().toISOString(), dirty, doc: text, lastValid: valid ? undefined : previous?.lastValid ?? previous?.doc };
    storage.setItem(AUTOSAVE_KEY, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

function readRecord(storage: StorageLike): AutosaveRecord | null {
  try {
    const raw = storage.getItem(AUTOSAVE_KEY);
    if (raw === null) return null;
    const rec = JSON.parse(raw) as AutosaveRecord;
    return typeof rec === 'object' && rec !== null && typeof rec.doc === 'string' ? rec : null;
  } catch {
    return null;
  }
}

export type RestoreOutcome =
  | { kind: 'none' }
  | { kind: 'restored'; doc: GraphDocument; dirty: boolean; olderVersion: boolean }
  | { kind: 'rejected'; reason: string };

/**
 * Reads the stored document. One that fails validation is tried again from its last valid
 * version; if nothing works the stored text moves to REJECTED_KEY and the outcome says why.
 */
export function readAutosave(storage: StorageLike): RestoreOutcome {
  let raw: string | null;
  try {
    raw = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return { kind: 'none' };
  }
  if (raw === null) return { kind: 'none' };
  const rec = readRecord(storage);
  const attempts = rec ? [rec.doc, rec.lastValid].filter((t): t is string => typeof t === 'string') : [];
  let reason = 'it is not an autosave record';
  for (const [i, text] of attempts.entries()) {
    const result = parseDocumentText(text);
    if (result.ok) return { kind: 'restored', doc: result.doc, dirty: rec!.dirty === true, olderVersion: i > 0 };
    if (i === 0) reason = `${result.errors[0].path}: ${result.errors[0].message}`;
  }
  try {
    storage.setItem(REJECTED_KEY, raw);
    storage.removeItem(AUTOSAVE_KEY);
  } catch {
    // Keeping it aside failed; leave it where it is rather than lose it.
  }
  return { kind: 'rejected', reason };
}

/** Writes the store's document after every change (debounced) and when the page is hidden. */
export function installAutosave(store: DocumentStore, storage: StorageLike | null, delay = AUTOSAVE_DELAY): () => void {
  if (!storage) return () => undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const { doc, dirty, checked } = store.getState();
    writeAutosave(storage, doc, dirty, checked(doc).ok);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.doc === prev.doc && s.dirty === prev.dirty) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, delay);
  });
  const onHide = () => timer !== null && flush();
  if (typeof window !== 'undefined') window.addEventListener('pagehide', onHide);
  return () => {
    unsubscribe();
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', onHide);
    if (timer !== null) clearTimeout(timer);
  };
}
