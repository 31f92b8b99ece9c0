/**
 * The generic node: kind, title, size and the kind's key parameters. A population (size > 1)
 * is drawn as a stack of cards so it reads differently from a single unit at a glance.
 */
import { memo, type CSSProperties } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { GraphFlowNode } from '../toFlow.ts';
import { useNodeTint } from '../../store/index.ts';
import './tint.css';

function GraphNodeView({ id, data, selected }: NodeProps<GraphFlowNode>) {
  // A live tint (an information panel's current average AIS), as a CSS variable.
  const tint = useNodeTint((s) => s.tints[id]);
  const population = data.size > 1;
  const className = ['graph-node', `graph-node--${data.group}`, population ? 'graph-node--population' : '', selected ? 'is-selected' : '', data.errors ? 'graph-node--invalid' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={className}
      data-node-kind={data.kind}
      data-node-size={data.size}
      data-tinted={tint ? '' : undefined}
      style={tint ? ({ '--node-tint': tint.color } as CSSProperties) : undefined}
      title={`${data.kindLabel} “${data.title}”${tint ? ` · ${tint.label}` : ''}`}
    >
      {data.acceptsInput && <Handle type="target" position={Position.Left} className="graph-node__handle" />}
      <div className="graph-node__kind">{data.kindLabel}</div>
      <div className="graph-node__title">{data.title}</div>
      <div className="graph-node__meta">
        <span className="graph-node__size" aria-label={`${data.size} ${data.size === 1 ? 'unit' : 'units'}`}>
          {population ? `${data.size} units` : '1 unit'}
        </span>
        {data.summary && <span className="graph-node__summary">{data.summary}</span>}
      </div>
      {data.errors && (
        <ul className="graph-node__errors" role="alert" data-testid="node-errors">
          {data.errors.slice(0, 3).map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <Handle type="source" position={Position.Right} className="graph-node__handle" />
    </div>
  );
}

export const GraphNode = memo(GraphNodeView);
