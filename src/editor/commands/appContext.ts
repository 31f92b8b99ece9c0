/**
 * An app's command context: its stores, plus the viewport and file actions that the canvas and
 * the file menu provide while they are mounted. `run` is how UI code runs a command; components
 * get their app's commands from `useCommands()` (main.tsx provides them).
 */
import { createContext, useContext } from 'react';
import type { AppStores } from '../../store/index.ts';
import { execute, type CommandContext, type CommandId } from './table.ts';

/** Runs a command of the table with its arguments. */
export type RunCommand = <K extends CommandId>(id: K, ...rest: Parameters<typeof execute<K>> extends [unknown, unknown, ...infer R] ? R : never) => Promise<void> | void;

/** The parts a mounted component lends the commands. */
export type ProvidedPart = Pick<CommandContext, 'view'> | Pick<CommandContext, 'files'>;

export interface AppCommands {
  context: CommandContext;
  run: RunCommand;
  /** Makes parts of the context available (returns the function that withdraws them). */
  provide(part: ProvidedPart): () => void;
}

export function createAppCommands(stores: Pick<AppStores, 'docs' | 'editor'>): AppCommands {
  const context: CommandContext = { docs: stores.docs, editor: stores.editor };
  return {
    context,
    run: ((id: CommandId, ...rest: unknown[]) => (execute as (...a: unknown[]) => unknown)(context, id, ...rest)) as RunCommand,
    provide(part) {
      Object.assign(context, part);
      return () => {
        for (const key of Object.keys(part) as (keyof typeof part)[]) if (context[key] === part[key]) delete context[key];
      };
    },
  };
}

const CommandsContext = createContext<AppCommands | null>(null);

/** Provides an app's commands to the components below. */
export const CommandsProvider = CommandsContext.Provider;

/** The commands of the app this component belongs to. */
export function useCommands(): AppCommands {
  const commands = useContext(CommandsContext);
  if (!commands) throw new Error('useCommands: no <CommandsProvider> above this component');
  return commands;
}
