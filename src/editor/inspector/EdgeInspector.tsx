/** The inspector of one edge: weight initialisation, delay, synapse, plasticity (from the edge schema) and derived facts. */
import { useCallback, useMemo } from 'react';
import { edgeParams, type GraphDocument, type GraphEdge, type ValidationIssue, type ValidationResult } from '../../model/index.ts';
import { useDocumentStore } from '../../store/index.ts';
import { setEdgeParams } from '../../store/edits.ts';
import { delayLabel } from '../toFlow.ts';
import { useCommands } from '../commands/appContext.ts';
import { describeObject, schemaIssues } from './schemaFields.ts';
import { SchemaFields } from './SchemaForm.tsx';
import { useFormApi } from './useFormApi.ts';
import { LabelField, Problems } from './parts.tsx';
import { useEdgeFacts } from './edgeFacts.ts';

type EdgeParams = GraphEdge['params'];

/**
 * Problems of candidate params of edge `id`: the schema's, then — for its connectivity — the
 * document's rules that need the network (a rule's k or n against the nodes' sizes), with paths
 * relative to the params ("connectivity.k"). The candidate document is the one the edit commits
 * (`setEdgeParams`, as edge.setParams makes it), checked by the document store: the committed
 * document then finds this answer there instead of being validated again.
 */
function paramsIssues(doc: GraphDocument, id: string, p: Record<string, unknown>, checked: (doc: GraphDocument) => ValidationResult): ValidationIssue[] {
  const own = schemaIssues(edgeParams, p);
  if (own.length > 0) return own;
  const i = doc.edges.findIndex((e) => e.id === id);
  if (i < 0) return [];
  const result = checked(setEdgeParams(doc, id, p as unknown as EdgeParams));
  if (result.ok) return [];
  const prefix = `edges[${i}].params.`;
  return result.errors.filter((x) => x.path.startsWith(`${prefix}connectivity`)).map((x) => ({ ...x, path: x.path.slice(prefix.length) }));
}

function EdgeFactsView({ edge }: { edge: GraphEdge }) {
  const state = useEdgeFacts(edge.id);
  if ('error' in state) return <p className="facts__note">Facts: {state.error}</p>;
  const facts = 'facts' in state ? state.facts : null;
  const fmt = (v: number) => (Number.isInteger(v) ? v.toLocaleString('en') : v.toLocaleString('en', { maximumFractionDigits: 1 }));
  const dash = facts === null ? '…' : '—';
  return (
    <>
      <h3 className="inspector__subtitle">Derived facts</h3>
      <dl className="facts" data-testid="edge-facts" aria-busy={facts === null}>
        <dt>Matrix</dt>
        <dd>
          {facts ? `${facts.rows} × ${facts.cols}` : dash} <span className="facts__note">(target × source)</span>
        </dd>
        <dt>Synapses</dt>
        <dd>
          {facts ? fmt(facts.nonzeros) : dash} {facts && <span className="facts__note">(expected {fmt(facts.expected)})</span>}
        </dd>
        <dt>Spectral radius</dt>
        <dd data-testid="edge-radius">{facts?.radius == null ? dash : facts.radius.toFixed(4)}</dd>
      </dl>
      {facts && facts.rows !== facts.cols && <p className="facts__note">spectral radius: square matrices only</p>}
    </>
  );
}

export function EdgeInspector({ edge, problems }: { edge: GraphEdge; problems: string[] }) {
  const params = edge.params as unknown as Record<string, unknown>;
  const fields = useMemo(() => describeObject(edgeParams), []);
  const { run } = useCommands();
  const doc = useDocumentStore((s) => s.doc);
  const checked = useDocumentStore((s) => s.checked);
  const validate = useCallback((p: Record<string, unknown>) => paramsIssues(doc, edge.id, p, checked), [doc, edge.id, checked]);
  const commit = useCallback(
    (p: Record<string, unknown>, gestureKey: string | null) => {
      const next = p as unknown as EdgeParams;
      void (gestureKey ? run('edge.scrubParams', { id: edge.id, params: next }, gestureKey) : run('edge.setParams', { id: edge.id, params: next }));
    },
    [edge.id, run],
  );
  const api = useFormApi({ value: params, validate, commit });
  const delay = delayLabel(edge.params.delay);
  return (
    <div className="inspector" data-testid="edge-inspector" data-edge-id={edge.id}>
      <h2 className="inspector__title">
        <span className="inspector__kind">Edge</span> <code>{edge.id}</code>
      </h2>
      <p className="inspector__description">
        {edge.source} → {edge.target}
        {edge.source === edge.target ? ' (self-loop)' : ''} · {delay ? `delayed ${delay}: reads the source ${edge.params.delay} step${edge.params.delay === 1 ? '' : 's'} back` : 'no delay: same step'}
      </p>
      <Problems problems={problems} />
      <LabelField value={edge.label ?? ''} placeholder="(none)" onCommit={(label) => void run('edge.rename', { id: edge.id, label })} />
      <SchemaFields key={edge.id} fields={fields} value={params} path={[]} api={api} />
      <EdgeFactsView edge={edge} />
    </div>
  );
}
