/**
 * The file menu in the toolbar: New, Open, Save, Save as, Share link. It provides the file
 * actions to the command table (so Ctrl+O, Ctrl+S … work) while mounted.
 */
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useStores } from '../../store/index.ts';
import { shareLink, type ShareLink } from '../../store/shareLink.ts';
import { useCommands } from '../commands/appContext.ts';
import { CommandButton } from '../CommandButton.tsx';
import { newDocument, openFile, saveDocument } from './fileActions.ts';
import { SaveAsDialog, ShareDialog } from './FileDialogs.tsx';

export function FileMenu() {
  const inputRef = useRef<HTMLInputElement>(null);
  const [saveAsOpen, setSaveAsOpen] = useState(false);
  const [share, setShare] = useState<ShareLink | null>(null);
  const stores = useStores();
  const { provide } = useCommands();

  useEffect(
    () =>
      provide({
        files: {
          newDocument: () => newDocument(stores),
          open: () => inputRef.current?.click(),
          save: () => saveDocument(stores),
          saveAs: () => setSaveAsOpen(true),
          share: () => setShare(shareLink(stores.docs.getState().doc, window.location.href)),
        },
      }),
    [stores, provide],
  );

  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    await openFile(stores, file);
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
