/**
 * Export ▸ "Python notebook (.ipynb)" / "PyNN script (.py)" and Import ▸ "Simulation results
 * (.json)". The export worker writes the texts and compares results with the engine's run; the
 * page only downloads, reads the chosen file and draws. A refusal or a bad file is a message; the
 * open network is never touched.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { MenuButton } from '../../ui/Menu.tsx';
import { Icon } from '../../ui/icons.tsx';
import { useBusyAction } from '../../ui/useBusyAction.ts';
import { useStores } from '../../store/index.ts';
import { createExportClient } from '../../export/worker/client.ts';
import type { CompareReply, ExportTarget } from '../../export/worker/tasks.ts';
import { downloadText, fileNameFor } from '../../store/files.ts';
import { ResultsDialog } from './ResultsDialog.tsx';

const TARGETS: { to: ExportTarget; label: string; ext: string; type: string }[] = [
  { to: 'notebook', label: 'Python notebook (.ipynb)', ext: '.ipynb', type: 'application/x-ipynb+json' },
  { to: 'pynn', label: 'PyNN script (.py)', ext: '.py', type: 'text/x-python' },
];

export function ExportMenu() {
  const [client] = useState(createExportClient);
  const [result, setResult] = useState<{ reply: Extract<CompareReply, { ok: true }>; fileName: string } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const stores = useStores();
  const toast = (message: string) => stores.editor.getState().toast(message, 'warning');
  const { busy, run } = useBusyAction(toast);

  const exportAs = (t: (typeof TARGETS)[number]) => {
    const doc = stores.docs.getState().doc;
    const stem = fileNameFor(doc.title ?? 'network').replace(/\.json$/, '');
    return run(`Writing ${t.label}…`, async () => {
      // a network trained in the app leaves with its trained weights (and the seed they were trained at)
      const trained = await stores.sim.getState().trainedWeights();
      const reply = await client.exportText(doc, t.to, `${stem}.json`, trained);
      if (reply.ok) downloadText(reply.text, `${stem}${t.ext}`, t.type);
      else toast(`Export: ${reply.error}`);
    });
  };

  const onResults = (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    return run(`Comparing ${file.name} with the engine…`, async () => {
      const reply = await client.compareResults(stores.docs.getState().doc, await file.text());
      if (reply.ok) setResult({ reply, fileName: file.name });
      else toast(`${file.name}: ${reply.errors?.length ? `${reply.error}: ${reply.errors[0].path}: ${reply.errors[0].message}` : reply.error}`);
    });
  };

  return (
    <div className="toolbar__group" role="group" aria-label="Export and import">
      <MenuButton
        className="button button--menu"
        testId="export-menu"
        ariaLabel="Export"
        title="Export the network: a Python notebook or a PyNN script"
        items={() => TARGETS.map((t) => ({ id: t.to, label: t.label, disabled: busy !== null, onSelect: () => void exportAs(t) }))}
      >
        <Icon name="download" size={14} />
        <span className="button__text--wide">Export</span>
      </MenuButton>
      <MenuButton
        className="button button--menu"
        testId="import-menu"
        ariaLabel="Import"
        title="Import simulation results (from the exported PyNN script)"
        items={() => [{ id: 'results', label: 'Simulation results (.json)', disabled: busy !== null, onSelect: () => fileRef.current?.click() }]}
      >
        <Icon name="upload" size={14} />
        <span className="button__text--wide">Import</span>
      </MenuButton>
      <input ref={fileRef} type="file" accept=".json,application/json" className="visually-hidden" tabIndex={-1} aria-label="Simulation results file" data-testid="results-file" onChange={(e) => void onResults(e)} />
      {busy && (
        <span className="toolbar__status" role="status">
          {busy}
        </span>
      )}
      <ResultsDialog result={result?.reply ?? null} fileName={result?.fileName ?? ''} onClose={() => setResult(null)} />
    </div>
  );
}
