/** The `?` dialog: every command with its shortcut (or gesture), generated from the command table. */
import { useEditorStore, useStores } from '../store/index.ts';
import { commandList, type Section } from './commands/table.ts';
import { formatKey } from './commands/keys.ts';
import { Dialog } from './Dialog.tsx';
import { isMac } from './CommandButton.tsx';

const sections: Section[] = ['File', 'History', 'Edit', 'Selection', 'Groups', 'View'];
const policy = { step: 'one undo step', gesture: 'one undo step per gesture', never: '' } as const;

export function HelpDialog() {
  const open = useEditorStore((s) => s.helpOpen);
  const { editor } = useStores();
  const close = () => editor.getState().setHelpOpen(false);
  return (
    <Dialog open={open} onClose={close} title="Keyboard shortcuts and gestures" testId="help-dialog" wide>
      <div className="help-grid">
        {sections.map((section) => (
          <section key={section} className="help-section">
            <h3 className="help-section__title">{section}</h3>
            <dl className="help-list">
              {commandList
                .filter((c) => c.section === section && (c.keys.length > 0 || c.gesture))
                .map((c) => (
                  <div key={c.id} className="help-list__row" data-command={c.id}>
                    <dt>
                      {c.label}
                      {policy[c.undo] && <span className="help-list__policy"> · {policy[c.undo]}</span>}
                    </dt>
                    <dd>
                      {c.keys.map((k) => (
                        <kbd key={k}>{formatKey(k, isMac)}</kbd>
                      ))}
                      {c.gesture && <span className="help-list__gesture">{c.gesture}</span>}
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
