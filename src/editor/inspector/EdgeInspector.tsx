/** The inspector of one edge: weight initialisation, delay, synapse, plasticity (from the edge schema) and derived facts. */
import { useCallback, useDeferredValue, useMemo } from 'react';
import { edgeParams, type GraphDocument, type GraphEdge, type ValidationIssue } from '../../model/index.ts';
import { delayLabel } from '../toFlow.ts';
import { useCommands } from '../commands/appContext.ts';
import { describeObject, schemaIssues } from './schemaFields.ts';
import { SchemaFields } from './SchemaForm.tsx';
import { useFormApi } from './useFormApi.ts';
import { LabelField, Problems } from './parts.tsx';
import { edgeFacts } from './edgeFacts.ts';

type EdgeParams = GraphEdge['params'];
const validate = (p: Record<string, unknown>): ValidationIssue[] => schemaIssues(edgeParams, p);

function EdgeFactsView({ doc, edge }: { doc: GraphDocument; edge: GraphEdge }) {
  const deferred = useDeferredValue(edge);
  const facts = useMemo(() => edgeFacts(doc, deferred), [doc.seed, doc.nodes, deferred]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!facts) return null;
  const fmt = (v: number) => (Number.isInteger(v) ? v.toLocaleString('en') : v.toLocaleString('en', { maximumFractionDigits: 1 }));
  return (
    <>
      <h3 className="inspector__subtitle">Derived facts</h3>
      <dl className="facts" data-testid="edge-facts">
        <dt>Matrix</dt>
        <dd>
          {facts.rows} × {facts.cols} <span className="facts__note">(target × source)</span>
        </dd>
        <dt>Synapses</dt>
        <dd>
          {facts.nonzeros === null ? '—' : fmt(facts.nonzeros)} <span className="facts__note">(expected {fmt(facts.expected)})</span>
        </dd>
        <dt>Spectral radius</dt>
        <dd data-testid="edge-radius">{facts.radius === null ? '—' : facts.radius.toFixed(4)}</dd>
      </dl>
      {facts.note && <p className="facts__note">{facts.note}</p>}
    </>
  );
}

export function EdgeInspector({ edge, doc, problems }: { edge: GraphEdge; doc: GraphDocument; problems: string[] }) {
  const params = edge.params as unknown as Record<string, unknown>;
  const fields = useMemo(() => describeObject(edgeParams), []);
  const { run } = useCommands();
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
      <EdgeFactsView doc={doc} edge={edge} />
    </div>
  );
}
