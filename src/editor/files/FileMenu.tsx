/**
 * The File menu in the toolbar: New, Open, Save, Save as, Share link. It provides the file
 * actions to the command table (so Ctrl+O, Ctrl+S … work) while mounted. A locked network (a
 * classroom link) offers only the share link: opening or replacing the lesson's network is
 * editing, and its shortcuts say so instead of acting.
 */
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useStores } from '../../store/index.ts';
import { shareLink, type ShareLink } from '../../store/shareLink.ts';
import { useCommands, type RunCommand } from '../commands/appContext.ts';
import { commands, type CommandId } from '../commands/table.ts';
import { formatKey } from '../commands/keys.ts';
import { isMac } from '../CommandButton.tsx';
import { MenuButton, type MenuItem } from '../../ui/Menu.tsx';
import { Icon } from '../../ui/icons.tsx';
import { newDocument, openFile, saveDocument } from './fileActions.ts';
import { SaveAsDialog, ShareDialog } from './FileDialogs.tsx';

const EDITING: CommandId[] = ['file.new', 'file.open', 'file.save', 'file.saveAs'];
const ALL: CommandId[] = [...EDITING, 'file.share'];

function menuItem(run: RunCommand, id: CommandId): MenuItem {
  const spec = commands[id];
  const key = spec.keys[0];
  return {
    id,
    label: spec.label,
    hint: key && formatKey(key, isMac),
    shortcut: key?.replace('Mod', isMac ? 'Meta' : 'Control'),
    testId: `menu-${id}`,
    onSelect: () => void (run as (id: CommandId) => unknown)(id),
  };
}

export function FileMenu({ locked = false }: { locked?: boolean }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [saveAsOpen, setSaveAsOpen] = useState(false);
  const [share, setShare] = useState<ShareLink | null>(null);
  const stores = useStores();
  const { provide, run } = useCommands();

  useEffect(() => {
    const refuse = (label: string) => () => void stores.editor.getState().toast(`${label}: not in classroom mode — the network is locked. Open the link without lock=1 to edit.`, 'info');
    return provide({
      files: {
        newDocument: locked ? refuse('New network') : () => newDocument(stores),
        open: locked ? refuse('Open') : () => inputRef.current?.click(),
        save: locked ? refuse('Save') : () => saveDocument(stores),
        saveAs: locked ? refuse('Save as') : () => setSaveAsOpen(true),
        share: () => setShare(shareLink(stores.docs.getState().doc, window.location.href)),
      },
    });
  }, [locked, stores, provide]);

  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    await openFile(stores, file);
    input.value = ''; // choosing the same file again fires another change
  };

  return (
    <div className="toolbar__group" role="group" aria-label="File">
      <MenuButton items={() => (locked ? ['file.share' as const] : ALL).map((id) => menuItem(run, id))} testId="file-menu" className="button button--menu">
        File
        <Icon name="chevronDown" size={14} />
      </MenuButton>
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
      <SaveAsDialog open={saveAsOpen} onClose={() => setSaveAsOpen(false)} />
      <ShareDialog link={share} onClose={() => setShare(null)} />
    </div>
  );
}
