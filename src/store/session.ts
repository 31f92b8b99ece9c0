/**
 * Starting the app: the share link in the URL wins, else the autosaved document, else the
 * default preset (already open). A bad link or a bad autosave never stops the app: the link's
 * errors are shown in the load-error dialog, a bad autosave is kept aside with a message.
 */
import { openDocument, type AppStores } from './appStores.ts';
import { browserStorage, installAutosave, readAutosave, REJECTED_KEY, type StorageLike } from './autosave.ts';
import { readShareHash } from './shareLink.ts';

type SessionStores = Pick<AppStores, 'docs' | 'ui' | 'editor'>;

/** Restores the autosave. */
export function restoreAutosave(stores: SessionStores, storage: StorageLike | null): void {
  if (!storage) return;
  const outcome = readAutosave(storage);
  const toast = stores.editor.getState().toast;
  if (outcome.kind === 'restored') {
    stores.docs.getState().load(outcome.doc, { dirty: outcome.dirty });
    if (outcome.olderVersion) toast('Restored the last valid version of your autosaved network; the newest changes did not pass validation.', 'warning');
  } else if (outcome.kind === 'rejected') {
    toast(`The autosaved network could not be restored (${outcome.reason}). It is kept in this browser's storage under “${REJECTED_KEY}”; the default network is open instead.`, 'warning');
  }
}

/** Opens the network a share link carries (when the hash has one), then clears the hash. */
export function openShareHash(stores: SessionStores): void {
  const link = readShareHash(window.location.hash);
  if (link.kind === 'none') return;
  if (link.kind === 'damaged') {
    stores.ui.getState().showLoadError({ source: 'the share link', errors: [{ path: '(root)', message: link.message }] });
  } else {
    openDocument(stores, { text: link.text }, 'the share link');
  }
  // Later edits autosave; a reload should restore them, not the link's original.
  history.replaceState(null, '', window.location.pathname + window.location.search);
}

/** Call once before the first render; returns the function that stops autosaving and listening. */
export function startSession(stores: SessionStores): () => void {
  const storage = browserStorage();
  try {
    restoreAutosave(stores, storage);
  } catch (err) {
    console.warn('autosave restore failed', err);
  }
  openShareHash(stores);
  const stopAutosave = installAutosave(stores.docs, storage);
  const onHash = () => openShareHash(stores);
  window.addEventListener('hashchange', onHash);
  return () => {
    stopAutosave();
    window.removeEventListener('hashchange', onHash);
  };
}
