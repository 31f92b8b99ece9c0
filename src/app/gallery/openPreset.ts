/**
 * Opening a preset: through the same path as Open (validated; a bad preset shows the load-error
 * dialog and leaves the open network untouched). Opening is not an undo step, so a network with
 * unsaved changes is first kept in this browser's storage, and the message offers to reopen it.
 */
import { openDocument, type AppStores } from '../../store/index.ts';
import { browserStorage } from '../../store/autosave.ts';
import { serializeDocument, type GraphDocument } from '../../model/index.ts';
import { findPreset } from '../lessons/catalog.ts';

/** Where the unsaved network a preset replaced is kept. */
export const REPLACED_KEY = 'recurrence.replaced';

function keep(doc: GraphDocument): void {
  try {
    browserStorage()?.setItem(REPLACED_KEY, serializeDocument(doc));
  } catch {
    // A full storage only costs the copy; the message below still offers to reopen it.
  }
}

/** Opens the preset `name`; returns whether it opened. */
export function openPreset(stores: Pick<AppStores, 'docs' | 'ui' | 'editor'>, name: string): boolean {
  const preset = findPreset(name);
  if (!preset) return false;
  const { doc: previous, dirty } = stores.docs.getState();
  if (dirty) keep(previous);
  const outcome = openDocument(stores, { value: structuredClone(preset.doc) }, `the preset “${preset.title}”`);
  if (outcome.ok && dirty) {
    stores.editor.getState().toast(`Opened “${preset.title}”. Your unsaved network “${previous.title}” was replaced; it is kept in this browser.`, 'info', {
      label: 'Reopen it',
      run: () => stores.docs.getState().load(previous, { dirty: true }),
    });
  }
  return outcome.ok;
}
