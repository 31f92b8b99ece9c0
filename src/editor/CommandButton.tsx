/** A button that runs a command of the table; its name and shortcut come from the table. */
import type { ReactNode } from 'react';
import { useCommands } from './commands/appContext.ts';
import { commands, type CommandId } from './commands/table.ts';
import { formatKey } from './commands/keys.ts';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Undo (Ctrl+Z)": a command's label with its first shortcut. */
export function commandTitle(id: CommandId): string {
  const spec = commands[id];
  return spec.keys.length > 0 ? `${spec.label} (${formatKey(spec.keys[0], isMac)})` : spec.label;
}

export function CommandButton({ id, icon, disabled, text }: { id: CommandId; icon?: ReactNode; disabled?: boolean; text?: boolean }) {
  const spec = commands[id];
  const { run } = useCommands();
  return (
    <button
      type="button"
      className={icon && !text ? 'button button--icon' : 'button'}
      aria-label={icon && !text ? spec.label : undefined}
      title={commandTitle(id)}
      aria-keyshortcuts={spec.keys[0]?.replace('Mod', isMac ? 'Meta' : 'Control')}
      disabled={disabled}
      data-command={id}
      onClick={() => void (run as (id: CommandId) => unknown)(id)}
    >
      {icon && <span aria-hidden="true">{icon}</span>}
      {(text || !icon) && spec.label}
    </button>
  );
}
