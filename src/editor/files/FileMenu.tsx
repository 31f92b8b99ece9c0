/**
 * The file menu in the toolbar: New, Open, Save, Save as, Share link. It provides the file
 * actions to the command table (so Ctrl+O, Ctrl+S … work) while mounted.
 */
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useDocumentStore } from '../../store/index.ts';
import { shareLink, type ShareLink } from '../../store/shareLink.ts';
import { provide } from '../commands/appContext.ts';
import { CommandButton } from '../CommandButton.tsx';
import { newDocument, openFile, saveDocument } from './fileActions.ts';
import { SaveAsDialog, ShareDialog } from './FileDialogs.tsx';

export function FileMenu() {
  const inputRef = useRef<HTMLInputElement>(null);
  const [saveAsOpen, setSaveAsOpen] = useState(false);
  const [share, setShare] = useState<ShareLink | null>(null);

  useEffect(
    () =>
      provide({
        files: {
          newDocument: () => newDocument(),
          open: () => inputRef.current?.click(),
          save: () => saveDocument(),
          saveAs: () => setSaveAsOpen(true),
          share: () => setShare(shareLink(useDocumentStore.getState().doc, window.location.href)),
        },
      }),
    [],
  );

  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    await openFile(file);
    input.value = ''; // choosing the same file again fires another change
  };

  return (
    <div className="toolbar__group" role="group" aria-label="File">
      <CommandButton id="file.new" />
      <CommandButton id="file.open" />
      <input
        ref={inputRef}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Open a network file"
        data-testid="open-file"
        onChange={onChange}
      />
      <CommandButton id="file.save" />
      <CommandButton id="file.saveAs" />
      <CommandButton id="file.share" />
      <SaveAsDialog open={saveAsOpen} onClose={() => setSaveAsOpen(false)} />
      <ShareDialog link={share} onClose={() => setShare(null)} />
    </div>
  );
}
