/**
 * Renaming on the canvas: double-clicking a node (or a group's module card or title bar) opens a
 * text field over its title, in the canvas's own coordinates so it pans and zooms with it. Enter
 * or leaving the field renames (one undo step, the same commands as the inspector); Escape
 * cancels.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { ViewportPortal, useReactFlow } from '@xyflow/react';
import { useStores, type AppStores } from '../store/index.ts';
import { groupsOf } from '../store/groups.ts';
import { useCommands, type RunCommand } from './commands/appContext.ts';
import { groupIdOf } from './scene.ts';

/** What a canvas element is called now (as its title shows it), and how to rename it; null for elements without a name. */
export function renameTarget(stores: Pick<AppStores, 'docs'>, run: RunCommand, flowId: string): { current: string; placeholder: string; rename(label: string): void } | null {
  const doc = stores.docs.getState().doc;
  const group = groupIdOf(flowId);
  if (group !== null) {
    const g = groupsOf(doc).find((x) => x.id === group);
    return g ? { current: g.label, placeholder: g.id, rename: (label) => void run('group.rename', { id: g.id, label }) } : null;
  }
  const node = doc.nodes.find((n) => n.id === flowId);
  return node ? { current: node.label ?? node.id, placeholder: node.id, rename: (label) => void run('node.rename', { id: node.id, label }) } : null;
}

/** Where the title of a shown element is, in flow coordinates. */
function titleBox(flowId: string, zoom: number, origin: { x: number; y: number }) {
  const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(flowId)}"]`);
  const title = el?.querySelector<HTMLElement>('.graph-node__title, .group-frame__label') ?? el;
  if (!el || !title) return null;
  const node = el.getBoundingClientRect();
  const box = title.getBoundingClientRect();
  return { x: origin.x + (box.left - node.left) / zoom, y: origin.y + (box.top - node.top) / zoom, width: Math.max(box.width, node.width * 0.8) / zoom, height: box.height / zoom };
}

export function RenameField({ flowId, onClose }: { flowId: string; onClose(): void }) {
  const rf = useReactFlow();
  const stores = useStores();
  const { run } = useCommands();
  const [target] = useState(() => renameTarget(stores, run, flowId));
  const [value, setValue] = useState(() => target?.current ?? '');
  // The node is on the page (it was double-clicked): measure its title once, as the field opens.
  const [box] = useState(() => {
    const internal = rf.getInternalNode(flowId);
    return internal ? titleBox(flowId, rf.getZoom(), internal.internals.positionAbsolute) : null;
  });
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);

  useLayoutEffect(() => {
    if (!target || !box) return onClose();
    input.current?.focus();
    input.current?.select();
  }, [target, box, onClose]);

  if (!target || !box) return null;
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit && value.trim() !== target.current) target.rename(value);
    onClose();
  };
  return (
    <ViewportPortal>
      <input
        ref={input}
        className="rename-field nodrag nopan nowheel"
        aria-label="Name"
        value={value}
        placeholder={target.placeholder}
        style={{ transform: `translate(${box.x}px, ${box.y}px)`, width: box.width, height: box.height }}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => finish(true)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') finish(true);
          else if (e.key === 'Escape') finish(false);
        }}
      />
    </ViewportPortal>
  );
}
