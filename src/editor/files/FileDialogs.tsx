/** Save as (a file name, which also becomes the title) and Share link (the link, or why not). */
import { useId, useState } from 'react';
import { useDocumentStore, useStores } from '../../store/index.ts';
import { fileNameFor } from '../../store/files.ts';
import type { ShareLink } from '../../store/shareLink.ts';
import { useCommands } from '../commands/appContext.ts';
import { Dialog } from '../Dialog.tsx';
import { saveDocument } from './fileActions.ts';

export function SaveAsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  return open ? <SaveAsForm onClose={onClose} /> : null;
}

function SaveAsForm({ onClose }: { onClose(): void }) {
  const title = useDocumentStore((s) => s.doc.title);
  const stores = useStores();
  const { run } = useCommands();
  const [name, setName] = useState(fileNameFor(title));
  const id = useId();
  const save = () => {
    const stem = name.trim().replace(/\.json$/i, '');
    if (!stem) return;
    if (stem !== fileNameFor(title).replace(/\.json$/, '')) void run('document.setFields', { title: stem });
    saveDocument(stores, stem);
    onClose();
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title="Save as"
      testId="save-as-dialog"
      actions={
        <button type="submit" form={`${id}-form`} className="button button--primary" disabled={!name.trim()}>
          Save
        </button>
      }
    >
      <form
        id={`${id}-form`}
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label className="form-row" htmlFor={id}>
          <span>File name</span>
          <input id={id} className="field__input" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </label>
      </form>
    </Dialog>
  );
}

export function ShareDialog({ link, onClose }: { link: ShareLink | null; onClose(): void }) {
  const [copied, setCopied] = useState(false);
  const close = () => {
    setCopied(false);
    onClose();
  };
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Dialog
      open={link !== null}
      onClose={close}
      title={link?.ok === false ? 'Too large for a link' : 'Share link'}
      testId="share-dialog"
      actions={link?.ok ? [{ text: copied ? 'Copied ✓' : 'Copy link', primary: true, onClick: () => void copy(link.url) }] : undefined}
    >
      {link?.ok ? (
        <>
          <p>Anyone opening this link gets this network, with its seed, so runs come out the same.</p>
          <input className="field__input share-link" readOnly value={link.url} aria-label="Share link" data-testid="share-link" onFocus={(e) => e.currentTarget.select()} />
        </>
      ) : (
        link && (
          <p role="alert" data-testid="share-too-long">
            {link.message}
          </p>
        )
      )}
    </Dialog>
  );
}
