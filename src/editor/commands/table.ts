/**
 * The command table: every edit of the document and every editor action, by name, with its undo
 * policy and keyboard bindings. The keyboard handler, the menus, the canvas gestures and the `?`
 * help dialog all read this one table. An edit returns the next document; `execute` commits it
 * under the command's policy ("step": one undo step; "gesture": one step per drag or scrub;
 * "never": not an edit, or history itself).
 */
import type { GraphDocument } from '../../model/index.ts';
import type { DocumentStore } from '../../store/documentStore.ts';
import type { EditorStore, Selection } from '../../store/editorStore.ts';
import type { UndoPolicy } from '../../store/history.ts';
import {
  addNode,
  connect,
  delayEdgeByOne,
  freshId,
  moveNodes,
  removeElements,
  setDocumentFields,
  setEdgeLabel,
  setEdgeParams,
  setNodeLabel,
  setNodeParams,
  takenIds,
  type Point,
} from '../../store/edits.ts';
import { copyFragment, parseFragment, pasteFragment } from '../../store/clipboard.ts';
import { groupNodes, groupOfNode, groupsOf, ungroup, updateGroup } from '../../store/groups.ts';
import { autoDelayMessage } from './messages.ts';

/** What commands may reach besides the stores; the canvas and the file menu provide them. */
export interface CommandContext {
  docs: DocumentStore;
  editor: EditorStore;
  /** The canvas viewport (absent in headless tests). */
  view?: {
    fitView(): void;
    zoomIn(): void;
    zoomOut(): void;
    centre(): Point;
    size(id: string): { width: number; height: number } | undefined;
    /** The node that has the keyboard focus on the canvas, if any. */
    focusedNode?(): string | undefined;
  };
  files?: { newDocument(): void; open(): void; save(): void; saveAs(): void; share(): void };
  /** Writes text to the system clipboard (the copy event, or the async clipboard API). */
  writeClipboard?(text: string): void;
}

/** An edit's result: the next document, and what to select afterwards. */
export interface Edit {
  doc: GraphDocument;
  select?: Partial<Selection>;
}

type Outcome = Edit | null | void;

export type Section = 'File' | 'History' | 'Edit' | 'Selection' | 'Groups' | 'View';

export interface CommandSpec<A = void> {
  id: string;
  label: string;
  section: Section;
  /** Keyboard bindings ("Mod+Z"); the first is shown in help and tooltips. */
  keys: readonly string[];
  /** How a key press reaches it: the keydown handler, or the browser's copy/cut/paste event. */
  trigger?: 'copy' | 'cut' | 'paste';
  undo: UndoPolicy;
  /** Shown in help for commands without keys (how to do it with the mouse). */
  gesture?: string;
  run(ctx: CommandContext, args: A): Outcome | Promise<Outcome>;
}

const define = <A = void>(spec: CommandSpec<A>) => spec;

const state = (ctx: CommandContext) => ({ doc: ctx.docs.getState().doc, selection: ctx.editor.getState().selection });

/** Selected nodes, with the members of selected groups. */
export function selectedNodeIds(doc: GraphDocument, selection: Selection): string[] {
  const ids = new Set(selection.nodes);
  for (const g of groupsOf(doc)) if (selection.groups.has(g.id)) g.nodes.forEach((n) => ids.add(n));
  return doc.nodes.filter((n) => ids.has(n.id)).map((n) => n.id);
}

function paste(ctx: CommandContext, text: string | undefined): Outcome {
  const source = text ?? ctx.editor.getState().clipboard;
  const fragment = source ? parseFragment(source) : null;
  if (!fragment || fragment.nodes.length === 0) {
    ctx.editor.getState().toast('Nothing to paste: the clipboard holds no Recurrence nodes.', 'warning');
    return null;
  }
  const pasteCount = ctx.editor.getState().notePaste(source!);
  const out = pasteFragment(state(ctx).doc, fragment, { x: 40 * pasteCount, y: 40 * pasteCount });
  if (out.skipped > 0) ctx.editor.getState().toast(`${out.skipped} pasted node(s) were left out (unknown kind or invalid parameters).`, 'warning');
  return { doc: out.doc, select: { nodes: new Set(out.nodeIds), edges: new Set(out.edgeIds) } };
}

function copy(ctx: CommandContext): string | null {
  const { doc, selection } = state(ctx);
  const ids = selectedNodeIds(doc, selection);
  if (ids.length === 0) return null;
  const text = JSON.stringify(copyFragment(doc, ids), null, 2);
  ctx.editor.getState().setClipboard(text);
  ctx.writeClipboard?.(text);
  return text;
}

function deleteSelection(ctx: CommandContext): Outcome {
  const { doc, selection } = state(ctx);
  const next = removeElements(doc, selectedNodeIds(doc, selection), selection.edges);
  return next === doc ? null : { doc: next, select: {} };
}

/** An inspector edit of a node's or an edge's params: typed (one step) or scrubbed (one step per drag). */
function paramsCommand<P>(id: string, label: string, undo: UndoPolicy, apply: (doc: GraphDocument, id: string, params: P) => GraphDocument, gesture?: string) {
  return define<{ id: string; params: P }>({ id, label, section: 'Edit', keys: [], undo, gesture, run: (ctx, a) => ({ doc: apply(state(ctx).doc, a.id, a.params) }) });
}

export const commands = {
  // ---- File (loading never enters history) --------------------------------------------------
  'file.new': define({ id: 'file.new', label: 'New network', section: 'File', keys: ['Alt+N'], undo: 'never', run: (ctx) => ctx.files?.newDocument() }),
  'file.open': define({ id: 'file.open', label: 'Open…', section: 'File', keys: ['Mod+O'], undo: 'never', gesture: 'or drop a .json file on the window', run: (ctx) => ctx.files?.open() }),
  'file.save': define({ id: 'file.save', label: 'Save', section: 'File', keys: ['Mod+S'], undo: 'never', run: (ctx) => ctx.files?.save() }),
  'file.saveAs': define({ id: 'file.saveAs', label: 'Save as…', section: 'File', keys: ['Mod+Shift+S'], undo: 'never', run: (ctx) => ctx.files?.saveAs() }),
  'file.share': define({ id: 'file.share', label: 'Share link…', section: 'File', keys: ['Alt+L'], undo: 'never', run: (ctx) => ctx.files?.share() }),

  // ---- History --------------------------------------------------------------------------------
  'history.undo': define({ id: 'history.undo', label: 'Undo', section: 'History', keys: ['Mod+Z'], undo: 'never', run: (ctx) => ctx.docs.getState().undo() }),
  'history.redo': define({ id: 'history.redo', label: 'Redo', section: 'History', keys: ['Mod+Shift+Z', 'Mod+Y'], undo: 'never', run: (ctx) => ctx.docs.getState().redo() }),

  // ---- Editing the network ------------------------------------------------------------------
  'node.add': define<{ kind: string; position?: Point }>({
    id: 'node.add',
    label: 'Add node',
    section: 'Edit',
    keys: [],
    undo: 'step',
    gesture: 'drag a kind from the palette, or click it',
    run(ctx, { kind, position }) {
      const at = position ?? ctx.view?.centre() ?? { x: 0, y: 0 };
      const out = addNode(state(ctx).doc, kind, at);
      return { doc: out.doc, select: { nodes: new Set([out.id]) } };
    },
  }),
  'edge.connect': define<{ source: string; target: string }>({
    id: 'edge.connect',
    label: 'Connect',
    section: 'Edit',
    keys: [],
    undo: 'step',
    gesture: "drag from a node's right handle onto another node",
    run(ctx, { source, target }) {
      const out = connect(state(ctx).doc, source, target);
      if (!out.ok) {
        ctx.editor.getState().toast(`Cannot connect: ${out.reason}.`, 'warning');
        return null;
      }
      if (out.autoDelay) ctx.editor.getState().toast(autoDelayMessage(out.id, source, target, out.autoDelay.loop), 'info');
      return { doc: out.doc, select: { edges: new Set([out.id]) } };
    },
  }),
  'node.connectTo': define({
    id: 'node.connectTo',
    label: 'Connect to…',
    section: 'Edit',
    keys: ['C'],
    undo: 'never',
    gesture: 'on a focused or selected node (Tab to it): choose the target in a list',
    run(ctx) {
      const { doc, selection } = state(ctx);
      const focused = ctx.view?.focusedNode?.();
      const source = focused ?? (selection.nodes.size === 1 ? [...selection.nodes][0] : undefined);
      if (!source || !doc.nodes.some((n) => n.id === source)) {
        ctx.editor.getState().toast('Connect to…: first focus or select the node the edge starts from (Tab to it on the canvas, or click it).', 'info');
        return null;
      }
      ctx.editor.getState().setModuleConnection({ source: { node: source }, target: { anyNode: true } });
      return null;
    },
  }),
  'selection.move': define<{ moves: { id: string; position: Point }[] }>({
    id: 'selection.move',
    label: 'Move',
    section: 'Edit',
    keys: [],
    undo: 'gesture',
    gesture: 'drag nodes (one undo step per drag)',
    run: (ctx, { moves }) => ({ doc: moveNodes(state(ctx).doc, moves) }),
  }),
  'node.setParams': paramsCommand('node.setParams', 'Edit parameters', 'step', setNodeParams, 'type in the inspector, or use ↑ ↓'),
  'node.scrubParams': paramsCommand('node.scrubParams', 'Scrub parameter', 'gesture', setNodeParams, "drag a number field's ⇔ grip (one undo step per drag)"),
  'node.rename': define<{ id: string; label: string }>({
    id: 'node.rename',
    label: 'Rename node',
    section: 'Edit',
    keys: [],
    undo: 'step',
    gesture: 'double-click the node, or its label field in the inspector',
    run: (ctx, { id, label }) => ({ doc: setNodeLabel(state(ctx).doc, id, label) }),
  }),
  'edge.rename': define<{ id: string; label: string }>({
    id: 'edge.rename',
    label: 'Label edge',
    section: 'Edit',
    keys: [],
    undo: 'step',
    gesture: 'the label field in the edge inspector',
    run: (ctx, { id, label }) => ({ doc: setEdgeLabel(state(ctx).doc, id, label) }),
  }),
  'edge.setParams': paramsCommand('edge.setParams', 'Edit edge', 'step', setEdgeParams),
  'edge.scrubParams': paramsCommand('edge.scrubParams', 'Scrub edge parameter', 'gesture', setEdgeParams),
  'edge.delayByOne': define<{ id: string }>({
    id: 'edge.delayByOne',
    label: 'Delay edge by 1',
    section: 'Edit',
    keys: [],
    undo: 'step',
    gesture: 'the fix offered when a loop has no delay',
    run: (ctx, { id }) => ({ doc: delayEdgeByOne(state(ctx).doc, id), select: { edges: new Set([id]) } }),
  }),
  'document.setFields': define<Partial<Pick<GraphDocument, 'title' | 'description' | 'seed' | 'dt' | 'precision'>>>({
    id: 'document.setFields',
    label: 'Edit document',
    section: 'Edit',
    keys: [],
    undo: 'step',
    run: (ctx, fields) => ({ doc: setDocumentFields(state(ctx).doc, fields) }),
  }),
  'layout.auto': define({
    id: 'layout.auto',
    label: 'Auto-layout',
    section: 'Edit',
    keys: ['Shift+L'],
    undo: 'step',
    async run(ctx) {
      const { autoLayout } = await import('../layout/autoLayout.ts');
      const doc = ctx.docs.getState().doc;
      const positions = await autoLayout(doc, (id) => ctx.view?.size(id));
      ctx.view?.fitView();
      return { doc: moveNodes(ctx.docs.getState().doc, positions) };
    },
  }),

  // ---- Selection and clipboard --------------------------------------------------------------
  'selection.delete': define({ id: 'selection.delete', label: 'Delete', section: 'Selection', keys: ['Delete', 'Backspace'], undo: 'step', run: deleteSelection }),
  'clipboard.copy': define({ id: 'clipboard.copy', label: 'Copy', section: 'Selection', keys: ['Mod+C'], trigger: 'copy', undo: 'never', run: (ctx) => void copy(ctx) }),
  'clipboard.cut': define({
    id: 'clipboard.cut',
    label: 'Cut',
    section: 'Selection',
    keys: ['Mod+X'],
    trigger: 'cut',
    undo: 'step',
    run: (ctx) => (copy(ctx) === null ? null : deleteSelection(ctx)),
  }),
  'clipboard.paste': define<{ text?: string } | void>({
    id: 'clipboard.paste',
    label: 'Paste',
    section: 'Selection',
    keys: ['Mod+V'],
    trigger: 'paste',
    undo: 'step',
    gesture: 'also from another tab',
    run: (ctx, args) => paste(ctx, args ? args.text : undefined),
  }),
  'selection.duplicate': define({
    id: 'selection.duplicate',
    label: 'Duplicate',
    section: 'Selection',
    keys: ['Mod+D'],
    undo: 'step',
    run(ctx) {
      const { doc, selection } = state(ctx);
      const ids = selectedNodeIds(doc, selection);
      if (ids.length === 0) return null;
      const out = pasteFragment(doc, copyFragment(doc, ids), { x: 40, y: 40 });
      return { doc: out.doc, select: { nodes: new Set(out.nodeIds), edges: new Set(out.edgeIds) } };
    },
  }),
  'selection.all': define({
    id: 'selection.all',
    label: 'Select all',
    section: 'Selection',
    keys: ['Mod+A'],
    undo: 'never',
    gesture: 'click, Shift+click, Shift+drag a box',
    run(ctx) {
      const { doc } = state(ctx);
      ctx.editor.getState().select({ nodes: new Set(doc.nodes.map((n) => n.id)), edges: new Set(doc.edges.map((e) => e.id)) });
    },
  }),
  'selection.clear': define({ id: 'selection.clear', label: 'Clear selection', section: 'Selection', keys: ['Escape'], undo: 'never', run: (ctx) => ctx.editor.getState().clearSelection() }),

  // ---- Groups ---------------------------------------------------------------------------------
  'selection.group': define({
    id: 'selection.group',
    label: 'Group',
    section: 'Groups',
    keys: ['Mod+G'],
    undo: 'step',
    run(ctx) {
      const { doc, selection } = state(ctx);
      const ids = selectedNodeIds(doc, selection);
      if (ids.length === 0) return null;
      const id = freshId('group', takenIds(doc));
      return { doc: groupNodes(doc, ids, `Module ${groupsOf(doc).length + 1}`, id), select: { groups: new Set([id]) } };
    },
  }),
  'selection.ungroup': define({
    id: 'selection.ungroup',
    label: 'Ungroup',
    section: 'Groups',
    keys: ['Mod+Shift+G'],
    undo: 'step',
    run(ctx) {
      const { doc, selection } = state(ctx);
      const ids = new Set(selection.groups);
      for (const n of selection.nodes) {
        const g = groupOfNode(doc, n);
        if (g) ids.add(g.id);
      }
      const members = groupsOf(doc).filter((g) => ids.has(g.id)).flatMap((g) => g.nodes);
      const next = ungroup(doc, [...ids]);
      return next === doc ? null : { doc: next, select: { nodes: new Set(members) } };
    },
  }),
  'group.toggle': define<{ id: string }>({
    id: 'group.toggle',
    label: 'Collapse or expand group',
    section: 'Groups',
    keys: [],
    undo: 'step',
    gesture: 'the ▾/▸ button on a group',
    run(ctx, { id }) {
      const doc = state(ctx).doc;
      const group = groupsOf(doc).find((g) => g.id === id);
      return group ? { doc: updateGroup(doc, id, { collapsed: !group.collapsed }) } : null;
    },
  }),
  'group.rename': define<{ id: string; label: string }>({
    id: 'group.rename',
    label: 'Rename group',
    section: 'Groups',
    keys: [],
    undo: 'step',
    run: (ctx, { id, label }) => ({ doc: updateGroup(state(ctx).doc, id, { label: label.trim() || id }) }),
  }),

  // ---- View (never in history) ---------------------------------------------------------------
  'view.fit': define({ id: 'view.fit', label: 'Fit view', section: 'View', keys: ['Shift+F'], undo: 'never', run: (ctx) => ctx.view?.fitView() }),
  'view.zoomIn': define({ id: 'view.zoomIn', label: 'Zoom in', section: 'View', keys: ['+', '='], undo: 'never', run: (ctx) => ctx.view?.zoomIn() }),
  'view.zoomOut': define({ id: 'view.zoomOut', label: 'Zoom out', section: 'View', keys: ['-'], undo: 'never', run: (ctx) => ctx.view?.zoomOut() }),
  'view.schedule': define({
    id: 'view.schedule',
    label: 'Show the schedule',
    section: 'View',
    keys: ['Alt+S'],
    undo: 'never',
    run: (ctx) => ctx.editor.getState().setSidebarTab('schedule'),
  }),
  'help.show': define({ id: 'help.show', label: 'Keyboard shortcuts', section: 'View', keys: ['?'], undo: 'never', run: (ctx) => ctx.editor.getState().setHelpOpen(true) }),
};

export type CommandId = keyof typeof commands;
type ArgsOf<K extends CommandId> = (typeof commands)[K] extends CommandSpec<infer A> ? A : never;

/** Every command, in table order. */
export const commandList: readonly CommandSpec<never>[] = Object.values(commands) as CommandSpec<never>[];

/**
 * Runs a command and commits its edit under the command's undo policy. `gestureKey` names the
 * gesture an edit belongs to (edits of one drag share it).
 */
export function execute<K extends CommandId>(ctx: CommandContext, id: K, ...rest: ArgsOf<K> extends void ? [args?: ArgsOf<K>, gestureKey?: string] : [args: ArgsOf<K>, gestureKey?: string]): Promise<void> | void {
  const spec = commands[id] as CommandSpec<ArgsOf<K>>;
  const [args, gestureKey] = rest;
  const apply = (out: Outcome) => {
    if (!out) return;
    ctx.docs.getState().commit(out.doc, { label: spec.label, undo: spec.undo, gestureKey });
    if (out.select) ctx.editor.getState().select(out.select);
  };
  const out = spec.run(ctx, args as ArgsOf<K>);
  if (out instanceof Promise) return out.then(apply);
  apply(out);
}
