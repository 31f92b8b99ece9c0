/**
 * The keyboard and clipboard handlers, fed by the command table: a key press runs the command
 * bound to it (unless the user is typing in a field); Ctrl/⌘+C and V arrive as the browser's
 * copy and paste events, which carry the system clipboard between tabs.
 */
import { useEffect } from 'react';
import { useCommands } from './appContext.ts';
import { commandList, type CommandId } from './table.ts';
import { isTextEntry, matchesKey } from './keys.ts';

/** Whether the editor owns keys now: not while a modal dialog is open or the user types. */
function editorOwnsKeys(target: EventTarget | null): boolean {
  if (isTextEntry(target)) return false;
  return document.querySelector('dialog[open]') === null;
}

/**
 * Puts text on the system clipboard from a key press: a copy command raises the browser's copy
 * event, whose clipboardData needs no permission. (Chromium raises no cut event without an
 * editable selection, so Ctrl+X comes through here.)
 */
function writeThroughCopyEvent(text: string): void {
  const once = (e: ClipboardEvent) => {
    e.clipboardData?.setData('text/plain', text);
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  document.addEventListener('copy', once, { capture: true });
  try {
    document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', once, { capture: true });
  }
}

export function useCommandKeys(): void {
  const { context: appContext, run } = useCommands();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !editorOwnsKeys(e.target)) return;
      const spec = commandList.find((c) => c.trigger !== 'copy' && c.trigger !== 'paste' && c.keys.some((k) => matchesKey(k, e)));
      if (!spec) return;
      e.preventDefault();
      if (spec.trigger === 'cut') appContext.writeClipboard = writeThroughCopyEvent;
      try {
        void run(spec.id as CommandId);
      } finally {
        delete appContext.writeClipboard;
      }
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
    document.addEventListener('paste', onClipboard);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('copy', onClipboard);
      document.removeEventListener('paste', onClipboard);
    };
  }, [appContext, run]);
}
