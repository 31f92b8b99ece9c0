/** Open (file picker) and Save (download) of the graph document. */
import { useRef, type ChangeEvent } from 'react';
import { serializeDocument } from '../../model/index.ts';
import { openDocument, useDocumentStore } from '../../store/index.ts';
import { downloadText, fileNameFor } from '../files.ts';

export function OpenButton() {
  const inputRef = useRef<HTMLInputElement>(null);
  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = ''; // choosing the same file again fires another change
    openDocument({ text }, file.name);
  };
  return (
    <>
      <button type="button" className="button" onClick={() => inputRef.current?.click()}>
        Open…
      </button>
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
    </>
  );
}

export function SaveButton() {
  const save = () => {
    const { doc, markSaved } = useDocumentStore.getState();
    downloadText(serializeDocument(doc), fileNameFor(doc.title), 'application/json');
    markSaved();
  };
  return (
    <button type="button" className="button" onClick={save}>
      Save
    </button>
  );
}
