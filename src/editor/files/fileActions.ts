/** What the file menu does: new, open (picker or drop), save, save as, share link. */
import { FORMAT, CURRENT_VERSION, serializeDocument } from '../../model/index.ts';
import { openDocument, useDocumentStore } from '../../store/index.ts';
import { downloadText, fileNameFor } from '../../app/files.ts';

/** An empty network. */
export function blankDocument() {
  return { format: FORMAT, version: CURRENT_VERSION, title: 'Untitled network', seed: 1, dt: 1, nodes: [], edges: [] };
}

/** Opens an empty network (asking first when there are unsaved changes). Not an undo step. */
export function newDocument(confirmDiscard: (message: string) => boolean = (m) => window.confirm(m)): void {
  if (useDocumentStore.getState().dirty && !confirmDiscard('Discard the unsaved changes of this network and start a new one?')) return;
  openDocument({ value: blankDocument() }, 'a new network');
}

/** Opens a file the user picked or dropped, through the same path as every load. */
export async function openFile(file: File): Promise<void> {
  openDocument({ text: await file.text() }, file.name);
}

/** Downloads the document as `fileName` (default: from its title) and marks it saved. */
export function saveDocument(fileName?: string): void {
  const { doc, markSaved } = useDocumentStore.getState();
  const name = fileName?.trim() ? (fileName.trim().endsWith('.json') ? fileName.trim() : `${fileName.trim()}.json`) : fileNameFor(doc.title);
  downloadText(serializeDocument(doc), name, 'application/json');
  markSaved();
}
