/** The canvas's edit bar: undo, redo, group, ungroup, auto-layout, shortcuts help. */
import { useDocumentStore } from '../store/index.ts';
import { useEditorStore } from '../store/index.ts';
import { CommandButton } from './CommandButton.tsx';

export function EditBar() {
  const canUndo = useDocumentStore((s) => s.history.past.length > 0);
  const canRedo = useDocumentStore((s) => s.history.future.length > 0);
  const hasSelection = useEditorStore((s) => s.selection.nodes.size + s.selection.groups.size > 0);
  return (
    <div className="edit-bar" role="group" aria-label="Edit">
      <CommandButton id="history.undo" icon="↶" disabled={!canUndo} />
      <CommandButton id="history.redo" icon="↷" disabled={!canRedo} />
      <span className="edit-bar__sep" />
      <CommandButton id="selection.group" icon="▣" disabled={!hasSelection} />
      <CommandButton id="selection.ungroup" icon="▢" disabled={!hasSelection} />
      <CommandButton id="layout.auto" icon="⇶" />
      <span className="edit-bar__sep" />
      <CommandButton id="help.show" icon="?" />
    </div>
  );
}
