/**
 * Keyboard bindings as text ("Mod+Shift+Z"): matching a key event, and display. "Mod" is Ctrl,
 * or ⌘ on a Mac. A binding whose key is a symbol ("?", "+") ignores Shift, which the symbol
 * itself may need on the user's keyboard layout.
 */

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

interface Binding {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

function parse(binding: string): Binding {
  const parts = binding.split('+');
  // "+" itself is written as the last, empty part ("Mod++").
  const key = binding.endsWith('++') || binding === '+' ? '+' : parts[parts.length - 1];
  const mods = new Set(parts.slice(0, key === '+' ? -2 : -1).map((m) => m.toLowerCase()));
  return { key: key.toLowerCase(), mod: mods.has('mod'), shift: mods.has('shift'), alt: mods.has('alt') };
}

const isSymbol = (key: string) => key.length === 1 && !/[a-z0-9]/i.test(key);

/** Whether a key event triggers `binding`. */
export function matchesKey(binding: string, e: KeyLike): boolean {
  const b = parse(binding);
  if (e.key.toLowerCase() !== b.key) return false;
  if ((e.ctrlKey || e.metaKey) !== b.mod) return false;
  if (e.altKey !== b.alt) return false;
  return isSymbol(b.key) || e.shiftKey === b.shift;
}

/** A binding for display: "Ctrl+Shift+Z", or "⌘⇧Z" on a Mac. */
export function formatKey(binding: string, mac: boolean): string {
  const b = parse(binding);
  const names: Record<string, string> = { delete: 'Del', backspace: '⌫', escape: 'Esc', arrowup: '↑', arrowdown: '↓' };
  const key = names[b.key] ?? (b.key.length === 1 ? b.key.toUpperCase() : b.key[0].toUpperCase() + b.key.slice(1));
  if (mac) return `${b.mod ? '⌘' : ''}${b.alt ? '⌥' : ''}${b.shift ? '⇧' : ''}${key}`;
  return [b.mod ? 'Ctrl' : '', b.alt ? 'Alt' : '', b.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

/** Whether keys typed here belong to the element (a text field) rather than to the editor. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}
