/**
 * The editor's page-wide parts: keyboard shortcuts and clipboard events, opening a .json file
 * dropped anywhere on the window, the window title (with a mark for unsaved changes), messages
 * the shortcuts dialog and the chooser for connections to a collapsed module.
 */
import { useEffect } from 'react';
import { useDocumentStore, useStores } from '../store/index.ts';
import { useCommandKeys } from './commands/useCommandKeys.ts';
import { openFile } from './files/fileActions.ts';
import { HelpDialog } from './HelpDialog.tsx';
import { ModuleConnectDialog } from './ModuleConnectDialog.tsx';
import { Toasts } from './Toasts.tsx';

function useFileDrop() {
  const stores = useStores();
  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      const file = e.dataTransfer!.files[0];
      if (file) void openFile(stores, file);
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [stores]);
}

function useWindowTitle() {
  const title = useDocumentStore((s) => s.doc.title);
  const dirty = useDocumentStore((s) => s.dirty);
  useEffect(() => {
    document.title = `${dirty ? '• ' : ''}${title} — Recurrence`;
  }, [title, dirty]);
}

export function EditorHost() {
  useCommandKeys();
  useFileDrop();
  useWindowTitle();
  return (
    <>
      <Toasts />
      <HelpDialog />
      <ModuleConnectDialog />
    </>
  );
}
