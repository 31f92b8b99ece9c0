/** The inspector of one node: its label, its kind's parameters (from the kind's schema) and facts. */
import { useCallback, useMemo } from 'react';
import { getKind, type GraphDocument, type GraphNode, type ValidationIssue } from '../../model/index.ts';
import { useCommands } from '../commands/appContext.ts';
import { describeObject, schemaIssues } from './schemaFields.ts';
import { SchemaFields } from './SchemaForm.tsx';
import { useFormApi } from './useFormApi.ts';
import { LabelField, Problems } from './parts.tsx';
import { CommandButton } from '../CommandButton.tsx';

function useNodeForm(node: GraphNode) {
  const spec = getKind(node.kind)!;
  const validate = useCallback(
    (params: Record<string, unknown>): ValidationIssue[] => {
      const issues = schemaIssues(spec.params, params);
      if (issues.length > 0) return issues;
      return (spec.check?.(spec.params.parse(params)) ?? []).map((p) => ({ path: p.path.join('.'), message: p.message }));
    },
    [spec],
  );
  const { run } = useCommands();
  const commit = useCallback(
    (params: Record<string, unknown>, gestureKey: string | null) =>
      void (gestureKey ? run('node.scrubParams', { id: node.id, params }, gestureKey) : run('node.setParams', { id: node.id, params })),
    [node.id, run],
  );
  return useFormApi({ value: node.params as unknown as Record<string, unknown>, validate, commit });
}

export function NodeInspector({ node, doc, problems }: { node: GraphNode; doc: GraphDocument; problems: string[] }) {
  const spec = getKind(node.kind)!;
  const fields = useMemo(() => describeObject(spec.params), [spec]);
  const api = useNodeForm(node);
  const { run } = useCommands();
  const incoming = doc.edges.filter((e) => e.target === node.id).length;
  const outgoing = doc.edges.filter((e) => e.source === node.id).length;
  return (
    <div className="inspector" data-testid="node-inspector" data-node-id={node.id}>
      <h2 className="inspector__title">
        <span className={`inspector__kind inspector__kind--${spec.group}`}>{spec.label}</span> <code>{node.id}</code>
      </h2>
      <p className="inspector__description">{spec.description}</p>
      <Problems problems={problems} />
      <LabelField value={node.label ?? ''} placeholder={node.id} onCommit={(label) => void run('node.rename', { id: node.id, label })} />
      <SchemaFields key={node.id} fields={fields} value={node.params as unknown as Record<string, unknown>} path={[]} api={api} />
      <div className="inspector__actions">
        <CommandButton id="node.connectTo" text />
      </div>
      <h3 className="inspector__subtitle">Facts</h3>
      <dl className="facts">
        <dt>Units out</dt>
        <dd>{spec.outputSize(node.params)}</dd>
        <dt>State</dt>
        <dd>{spec.variables(node.params).join(', ')}</dd>
        <dt>Edges</dt>
        <dd>
          {incoming} in, {outgoing} out
        </dd>
      </dl>
    </div>
  );
}
