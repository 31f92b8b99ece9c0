/**
 * Editor state that is not the document: the selection, what the schedule view highlights,
 * the messages (toasts) the editor shows, and which dialogs and tabs are open. None of it enters
 * undo history.
 */
import { create } from 'zustand';

export interface Selection {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  groups: ReadonlySet<string>;
}

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'warning' | 'error';
  /** A button in the toast (e.g. "Undo"). */
  action?: { label: string; run(): void };
}

export type SidebarTab = 'inspector' | 'schedule';

/**
 * One end of a connection being made: a node, a collapsed module (a member to be chosen), or any
 * node (the target of "Connect to…", chosen in a list).
 */
export type ConnectionEnd = { node: string } | { group: string } | { anyNode: true };

/** A connection drawn to or from a collapsed module, waiting for the user to choose the member(s). */
export interface ModuleConnection {
  source: ConnectionEnd;
  target: ConnectionEnd;
}

export interface EditorState {
  selection: Selection;
  /** Elements the schedule view points at (hovered entry). */
  highlight: { nodes: readonly string[]; edges: readonly string[] } | null;
  toasts: Toast[];
  helpOpen: boolean;
  sidebarTab: SidebarTab;
  /** The last copied fragment, for when the system clipboard is unavailable. */
  clipboard: string | null;
  /** Whether the canvas shows its minimap: null until the user chooses (then it shows when the canvas is large enough). */
  minimap: boolean | null;
  /** A connection to or from a collapsed module whose member is being chosen (the chooser dialog is open). */
  moduleConnection: ModuleConnection | null;
  select(selection: Partial<Selection>): void;
  clearSelection(): void;
  setHighlight(highlight: EditorState['highlight']): void;
  toast(message: string, tone?: Toast['tone'], action?: Toast['action']): number;
  dismissToast(id: number): void;
  setHelpOpen(open: boolean): void;
  setSidebarTab(tab: SidebarTab): void;
  setClipboard(text: string): void;
  setMinimap(shown: boolean): void;
  setModuleConnection(pending: ModuleConnection | null): void;
  /** Counts pastes of `text` in a row (1 for the first), so each lands beside the one before. */
  notePaste(text: string): number;
  /** Another document was opened: forgets what belonged to the last one (selection, highlight, messages, a pending connection). */
  documentOpened(): void;
}

const none: ReadonlySet<string> = new Set();
export const emptySelection: Selection = { nodes: none, edges: none, groups: none };

/** How long a toast stays, in ms. */
export const TOAST_MS = 9000;

export function createEditorStore() {
  let nextToast = 1;
  let lastPasted = '';
  let pasteCount = 0;
  return create<EditorState>()((set, get) => ({
    selection: emptySelection,
    highlight: null,
    toasts: [],
    helpOpen: false,
    sidebarTab: 'inspector',
    clipboard: null,
    minimap: null,
    moduleConnection: null,
    select: (s) => set({ selection: { ...emptySelection, ...s } }),
    clearSelection: () => set({ selection: emptySelection }),
    setHighlight: (highlight) => set({ highlight }),
    toast(message, tone = 'info', action) {
      const id = nextToast++;
      set({ toasts: [...get().toasts.slice(-3), { id, message, tone, action }] });
      if (typeof setTimeout === 'function') setTimeout(() => get().dismissToast(id), TOAST_MS);
      return id;
    },
    dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    setSidebarTab: (sidebarTab) => set({ sidebarTab }),
    setClipboard: (clipboard) => set({ clipboard }),
    setMinimap: (minimap) => set({ minimap }),
    setModuleConnection: (moduleConnection) => set({ moduleConnection }),
    notePaste(text) {
      pasteCount = text === lastPasted ? pasteCount + 1 : 1;
      lastPasted = text;
      return pasteCount;
    },
    documentOpened: () => set({ selection: emptySelection, highlight: null, toasts: [], moduleConnection: null }),
  }));
}

export type EditorStore = ReturnType<typeof createEditorStore>;
