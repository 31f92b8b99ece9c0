/**
 * The inspector region: what is selected decides what it shows — one node, one edge, one group,
 * several elements, or (nothing selected) the document itself.
 */
import { useCallback, useMemo } from 'react';
import { documentEnvelope, type GraphDocument, type ValidationIssue } from '../../model/index.ts';
import { useDocumentStore, useEditorStore } from '../../store/index.ts';
import { groupsOf, type EditorGroup } from '../../store/groups.ts';
import { useDocumentIssues } from '../issues.ts';
import { useCommands } from '../commands/appContext.ts';
import { CommandButton } from '../CommandButton.tsx';
import { NodeInspector } from './NodeInspector.tsx';
import { EdgeInspector } from './EdgeInspector.tsx';
import { LabelField, Problems } from './parts.tsx';
import { describeObject, schemaIssues } from './schemaFields.ts';
import { SchemaFields } from './SchemaForm.tsx';
import { useFormApi } from './useFormApi.ts';

const DOCUMENT_FIELDS: ReadonlySet<string> = new Set(['seed', 'dt', 'precision']);
const documentFields = describeObject(documentEnvelope).filter((f) => DOCUMENT_FIELDS.has(f.key));
const validateDocFields = (v: Record<string, unknown>): ValidationIssue[] => schemaIssues(documentEnvelope.pick({ seed: true, dt: true, precision: true }), v);

function DocumentInspector({ doc, problems }: { doc: GraphDocument; problems: string[] }) {
  const value = useMemo(() => ({ seed: doc.seed, dt: doc.dt, precision: doc.precision ?? 'float64' }), [doc.seed, doc.dt, doc.precision]);
  const { run } = useCommands();
  const commit = useCallback((v: Record<string, unknown>) => void run('document.setFields', v as Pick<GraphDocument, 'seed' | 'dt' | 'precision'>), [run]);
  const api = useFormApi({ value, validate: validateDocFields, commit });
  const units = doc.nodes.reduce((sum, n) => sum + ((n.params as { size?: number }).size ?? 1), 0);
  return (
    <div className="inspector" data-testid="document-inspector">
      <h2 className="inspector__title">Network</h2>
      <Problems problems={problems} />
      <LabelField name="title" value={doc.title} onCommit={(title) => void run('document.setFields', { title: title.trim() || 'Untitled network' })} />
      <LabelField name="description" multiline value={doc.description ?? ''} placeholder="What this network shows" onCommit={(description) => void run('document.setFields', { description })} />
      <SchemaFields fields={documentFields} value={value} path={[]} api={api} />
      <dl className="facts">
        <dt>Nodes</dt>
        <dd>{doc.nodes.length}</dd>
        <dt>Units</dt>
        <dd>{units}</dd>
        <dt>Edges</dt>
        <dd>{doc.edges.length}</dd>
      </dl>
      <p className="inspector__hint">Select a node or an edge to edit it. Press ? for shortcuts.</p>
    </div>
  );
}

function GroupInspector({ group }: { group: EditorGroup }) {
  const { run } = useCommands();
  return (
    <div className="inspector" data-testid="group-inspector">
      <h2 className="inspector__title">
        <span className="inspector__kind">Module</span> <code>{group.id}</code>
      </h2>
      <LabelField name="name" value={group.label} onCommit={(label) => void run('group.rename', { id: group.id, label })} />
      <p className="inspector__description">Members: {group.nodes.join(', ')}</p>
      <div className="inspector__actions">
        <button type="button" className="button" onClick={() => void run('group.toggle', { id: group.id })}>
          {group.collapsed ? 'Expand' : 'Collapse'}
        </button>
        <CommandButton id="selection.ungroup" />
      </div>
    </div>
  );
}

function MultiInspector({ nodes, edges }: { nodes: number; edges: number }) {
  return (
    <div className="inspector" data-testid="multi-inspector">
      <h2 className="inspector__title">
        {nodes} node{nodes === 1 ? '' : 's'}, {edges} edge{edges === 1 ? '' : 's'} selected
      </h2>
      <div className="inspector__actions">
        <CommandButton id="selection.group" />
        <CommandButton id="selection.duplicate" />
        <CommandButton id="selection.delete" />
      </div>
    </div>
  );
}

export function Inspector() {
  const doc = useDocumentStore((s) => s.doc);
  const selection = useEditorStore((s) => s.selection);
  const issues = useDocumentIssues();
  const count = selection.nodes.size + selection.edges.size + selection.groups.size;
  if (count === 0) return <DocumentInspector doc={doc} problems={issues.other.map((i) => `${i.path}: ${i.message}`)} />;
  if (count === 1 && selection.nodes.size === 1) {
    const node = doc.nodes.find((n) => selection.nodes.has(n.id));
    if (node) return <NodeInspector key={node.id} node={node} doc={doc} problems={issues.byNode.get(node.id) ?? []} />;
  }
  if (count === 1 && selection.edges.size === 1) {
    const edge = doc.edges.find((e) => selection.edges.has(e.id));
    if (edge) return <EdgeInspector key={edge.id} edge={edge} problems={issues.byEdge.get(edge.id) ?? []} />;
  }
  if (count === 1 && selection.groups.size === 1) {
    const group = groupsOf(doc).find((g) => selection.groups.has(g.id));
    if (group) return <GroupInspector group={group} />;
  }
  return <MultiInspector nodes={selection.nodes.size} edges={selection.edges.size} />;
}
