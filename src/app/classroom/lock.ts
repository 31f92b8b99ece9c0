/** The app's one edit lock on the document store (see editLock.ts), with its message. */
import { useDocumentStore } from '../../store/index.ts';
import { useEditorStore } from '../../store/editorStore.ts';
import { installEditLock, type EditLock } from './editLock.ts';

/** At most one "locked" message in this many ms. */
const MESSAGE_GAP_MS = 4000;

let lock: EditLock | null = null;
let lastMessage = 0;

export function editLock(): EditLock {
  lock ??= installEditLock(useDocumentStore, (label) => {
    const now = Date.now();
    if (now - lastMessage < MESSAGE_GAP_MS) return;
    lastMessage = now;
    useEditorStore.getState().toast(`${label}: the network is locked in classroom mode. Use the sliders, or open the link without lock=1 to edit.`, 'info');
  });
  return lock;
}
