/**
 * Choosing the member a connection to or from a collapsed module goes to, or the target of
 * "Connect to…" (moduleConnection.ts): one list per end to choose, preselected with its first
 * choice; Enter in a list or Connect runs the ordinary `edge.connect` command (so auto-delay,
 * undo and errors work as for any connection).
 */
import { useId, useMemo, useState } from 'react';
import { useDocumentStore, useEditorStore, useStores } from '../store/index.ts';
import type { ModuleConnection } from '../store/editorStore.ts';
import { useCommands } from './commands/appContext.ts';
import { Dialog } from './Dialog.tsx';
import { connectionChoices, type MemberChoice } from './moduleConnection.ts';

function MemberSelect({ label, choices, value, onChange, onEnter }: { label: string; choices: MemberChoice[]; value: string; onChange(id: string): void; onEnter(): void }) {
  const id = useId();
  return (
    <label className="form-row" htmlFor={id}>
      <span>{label}</span>
      <select
        id={id}
        className="field__input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          onEnter();
        }}
        data-testid={`module-connect-${label.toLowerCase()}`}
      >
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.text}
          </option>
        ))}
      </select>
    </label>
  );
}

function Chooser({ pending, onClose }: { pending: ModuleConnection; onClose(): void }) {
  const doc = useDocumentStore((s) => s.doc);
  const { run } = useCommands();
  const choices = useMemo(() => connectionChoices(doc, pending), [doc, pending]);
  const [source, setSource] = useState(choices.source[0]?.id ?? '');
  const [target, setTarget] = useState(choices.target[0]?.id ?? '');
  const empty = choices.source.length === 0 || choices.target.length === 0;
  const connect = () => {
    if (empty) return;
    onClose();
    void run('edge.connect', { source, target });
  };
  const fromNode = 'node' in pending.source ? pending.source.node : null;
  const anyTarget = 'anyNode' in pending.target;
  return (
    <Dialog
      open
      onClose={onClose}
      title={anyTarget ? `Connect ${choices.source[0]?.text ?? fromNode} to…` : `Connect ${'group' in pending.target ? 'to' : 'from'} a module`}
      testId="module-connect-dialog"
      actions={[{ text: 'Connect', primary: true, disabled: empty, onClick: connect }]}
    >
      {empty ? (
        <p>{anyTarget ? 'No node of this network can receive an edge.' : `No member of this module can ${choices.target.length === 0 ? 'receive' : 'send'} this edge.`}</p>
      ) : (
        <>
          <p>{anyTarget ? 'Choose the node the new edge goes to (arrow keys), then Enter.' : 'A collapsed module stands for its members: choose where the edge starts and ends.'}</p>
          {'group' in pending.source && <MemberSelect label="From" choices={choices.source} value={source} onChange={setSource} onEnter={connect} />}
          {!('node' in pending.target) && <MemberSelect label="To" choices={choices.target} value={target} onChange={setTarget} onEnter={connect} />}
        </>
      )}
    </Dialog>
  );
}

export function ModuleConnectDialog() {
  const pending = useEditorStore((s) => s.moduleConnection);
  const { editor } = useStores();
  const close = () => editor.getState().setModuleConnection(null);
  return pending ? <Chooser key={JSON.stringify(pending)} pending={pending} onClose={close} /> : null;
}
