/**
 * The keyboard and clipboard handlers, fed by the command table: a key press runs the command
 * bound to it (unless the user is typing in a field); Ctrl/⌘+C, X and V arrive as the browser's
 * copy, cut and paste events, which carry the system clipboard between tabs.
 */
import { useEffect } from 'react';
import { appContext, run } from './appContext.ts';
import { commandList, type CommandId } from './table.ts';
import { isTextEntry, matchesKey } from './keys.ts';

/** Whether the editor owns keys now: not while a modal dialog is open or the user types. */
function editorOwnsKeys(target: EventTarget | null): boolean {
  if (isTextEntry(target)) return false;
  return document.querySelector('dialog[open]') === null;
}

export function useCommandKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !editorOwnsKeys(e.target)) return;
      const spec = commandList.find((c) => !c.trigger && c.keys.some((k) => matchesKey(k, e)));
      if (!spec) return;
      e.preventDefault();
      void run(spec.id as CommandId);
    };
    const onClipboard = (e: ClipboardEvent) => {
      if (!editorOwnsKeys(e.target) || window.getSelection()?.toString()) return;
      const spec = commandList.find((c) => c.trigger === e.type)!;
      if (e.type === 'paste') {
        const text = e.clipboardData?.getData('text/plain') || undefined;
        e.preventDefault();
        void run('clipboard.paste', { text });
        return;
      }
      const data = e.clipboardData;
      appContext.writeClipboard = (text) => data?.setData('text/plain', text);
      try {
        const before = appContext.editor.getState().clipboard;
        void run(spec.id as CommandId);
        if (appContext.editor.getState().clipboard !== before || spec.id === 'clipboard.copy') e.preventDefault();
      } finally {
        delete appContext.writeClipboard;
      }
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('copy', onClipboard);
    document.addEventListener('cut', onClipboard);
    document.addEventListener('paste', onClipboard);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('copy', onClipboard);
      document.removeEventListener('cut', onClipboard);
      document.removeEventListener('paste', onClipboard);
    };
  }, []);
}
