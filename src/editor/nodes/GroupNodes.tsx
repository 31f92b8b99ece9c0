/**
 * Groups on the canvas. Expanded: a titled frame behind its members (drag the title bar to move
 * them all). Collapsed: one module card standing for its members, with the edges that cross its
 * border attached to it; connections drawn to or from it ask which member (ModuleConnectDialog).
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { GroupFlowNode } from '../scene.ts';
import { useCommands } from '../commands/appContext.ts';
import { useStores } from '../../store/index.ts';

function ToggleButton({ groupId, collapsed, label }: { groupId: string; collapsed: boolean; label: string }) {
  const { run } = useCommands();
  return (
    <button
      type="button"
      className="group-node__toggle nodrag"
      aria-label={`${collapsed ? 'Expand' : 'Collapse'} group ${label}`}
      title={collapsed ? 'Expand' : 'Collapse'}
      onClick={() => void run('group.toggle', { id: groupId })}
    >
      <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
    </button>
  );
}

function GroupFrameView({ data, selected }: NodeProps<GroupFlowNode>) {
  const { editor } = useStores();
  return (
    <div className={`group-frame${selected ? ' is-selected' : ''}`} data-group-id={data.groupId}>
      <div className="group-frame__header" onClick={() => editor.getState().select({ groups: new Set([data.groupId]) })}>
        <ToggleButton groupId={data.groupId} collapsed={false} label={data.label} />
        <span className="group-frame__label">{data.label}</span>
        <span className="group-frame__count">{data.count} nodes</span>
      </div>
    </div>
  );
}

function GroupCollapsedView({ data, selected }: NodeProps<GroupFlowNode>) {
  return (
    <div className={`graph-node graph-node--module graph-node--population${selected ? ' is-selected' : ''}`} data-group-id={data.groupId}>
      <Handle type="target" position={Position.Left} className="graph-node__handle" />
      <div className="graph-node__kind">
        <ToggleButton groupId={data.groupId} collapsed label={data.label} /> Module
      </div>
      <div className="graph-node__title">{data.label}</div>
      <div className="graph-node__meta">{data.count} nodes inside</div>
      <Handle type="source" position={Position.Right} className="graph-node__handle" />
    </div>
  );
}

export const GroupFrame = memo(GroupFrameView);
export const GroupCollapsed = memo(GroupCollapsedView);
