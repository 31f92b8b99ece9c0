/** What the file menu does: new, open (picker or drop), save, save as, share link. */
import { FORMAT, CURRENT_VERSION, serializeDocument } from '../../model/index.ts';
import { openDocument, type AppStores } from '../../store/index.ts';
import { downloadText, fileNameFor } from '../../store/files.ts';

type FileStores = Pick<AppStores, 'docs' | 'ui'>;

/** An empty network. */
export function blankDocument() {
  return { format: FORMAT, version: CURRENT_VERSION, title: 'Untitled network', seed: 1, dt: 1, nodes: [], edges: [] };
}

/** Opens an empty network (asking first when there are unsaved changes). Not an undo step. */
export function newDocument(stores: FileStores, confirmDiscard: (message: string) => boolean = (m) => window.confirm(m)): void {
  if (stores.docs.getState().dirty && !confirmDiscard('Discard the unsaved changes of this network and start a new one?')) return;
  openDocument(stores, { value: blankDocument() }, 'a new network');
}

/** Opens a file the user picked or dropped, through the same path as every load. */
export async function openFile(stores: FileStores, file: File): Promise<void> {
  openDocument(stores, { text: await file.text() }, file.name);
}

/** Downloads the document as `fileName` (default: from its title) and marks it saved. */
export function saveDocument(stores: FileStores, fileName?: string): void {
  const { doc, markSaved } = stores.docs.getState();
  const name = fileName?.trim() ? (fileName.trim().endsWith('.json') ? fileName.trim() : `${fileName.trim()}.json`) : fileNameFor(doc.title);
  downloadText(serializeDocument(doc), name, 'application/json');
  markSaved();
}
