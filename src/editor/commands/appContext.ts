/**
 * The app's command context: the app's stores, plus the viewport and file actions that the
 * canvas and the file menu provide while they are mounted. `run` is how UI code runs a command.
 */
import { useDocumentStore } from '../../store/index.ts';
import { useEditorStore } from '../../store/editorStore.ts';
import { execute, type CommandContext, type CommandId } from './table.ts';

export const appContext: CommandContext = { docs: useDocumentStore, editor: useEditorStore };

/** Makes parts of the context available (returns the function that withdraws them). */
export function provide(part: Pick<CommandContext, 'view'> | Pick<CommandContext, 'files'>): () => void {
  Object.assign(appContext, part);
  return () => {
    for (const key of Object.keys(part) as (keyof typeof part)[]) if (appContext[key] === part[key]) delete appContext[key];
  };
}

/** Runs a command of the table in the app. */
export const run = ((id: CommandId, ...rest: unknown[]) => (execute as (...a: unknown[]) => unknown)(appContext, id, ...rest)) as <K extends CommandId>(
  id: K,
  ...rest: Parameters<typeof execute<K>> extends [unknown, unknown, ...infer R] ? R : never
) => Promise<void> | void;
