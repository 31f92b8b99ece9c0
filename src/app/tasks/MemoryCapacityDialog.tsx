/**
 * Jaeger's short-term memory capacity of a node (`recurrence task memory-capacity`): choose the
 * node, the input that drives it and the largest delay K; the result is MC = Σ_k r²(k), its bound
 * N (the node's size) and the forgetting curve r²(k).
 */
import { useId, useMemo, useState } from 'react';
import { Dialog } from '../../editor/Dialog.tsx';
import { defaultMaxDelay, kindRole, memoryCapacityInput, signalOf, type GraphDocument } from '../../model/index.ts';
import { isStale, useDocumentStore, useStores, useTaskResults } from '../../store/index.ts';
import { ForgettingCurve } from './ForgettingCurve.tsx';
import './tasks.css';
import { TaskProgress } from './TaskProgress.tsx';

type DocNode = GraphDocument['nodes'][number];

/**
 * Largest K the dialog offers: the task holds train × K targets in the worker (4,000 × 1,000
 * doubles = 32 MB); the CLI allows up to 10,000 where memory is the user's to spend.
 */
const MAX_DELAY = 1000;
const sizeOf = (n: DocNode) => Number((n.params as { size?: number }).size ?? 1);

/** The node read by default: the one the input feeds with the most units (the reservoir). */
function defaultNode(doc: GraphDocument, input: DocNode | null): DocNode | undefined {
  const fed = new Set(doc.edges.filter((e) => e.source === input?.id).map((e) => e.target));
  const candidates = doc.nodes.filter((n) => kindRole(n.kind) === 'population');
  const pool = candidates.some((n) => fed.has(n.id)) ? candidates.filter((n) => fed.has(n.id)) : candidates;
  return pool.reduce<DocNode | undefined>((best, n) => (!best || sizeOf(n) > sizeOf(best) ? n : best), undefined);
}

function Form({ doc }: { doc: GraphDocument }) {
  const { tasks } = useStores();
  const formId = useId();
  const inputs = doc.nodes.filter((n) => signalOf(n) !== undefined);
  const nodes = doc.nodes.filter((n) => kindRole(n.kind) !== 'source');
  const [input, setInput] = useState(memoryCapacityInput(doc)?.id ?? inputs[0]?.id ?? '');
  const [node, setNode] = useState(defaultNode(doc, memoryCapacityInput(doc))?.id ?? nodes[0]?.id ?? '');
  const suggested = useMemo(() => {
    const n = doc.nodes.find((x) => x.id === node);
    const u = doc.nodes.find((x) => x.id === input);
    return n && u ? defaultMaxDelay(n, u) : 1;
  }, [doc, node, input]);
  const [maxDelay, setMaxDelay] = useState<string>('');
  const k = maxDelay.trim() === '' ? suggested : Number(maxDelay);
  const validK = Number.isInteger(k) && k >= 1 && k <= MAX_DELAY;
  return (
    <form
      id={formId}
      className="task-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (validK) void tasks.getState().runMemoryCapacity({ node, input, maxDelay: k });
      }}
    >
      <label className="form-row">
        <span>Node</span>
        <select className="field__input" value={node} onChange={(e) => setNode(e.target.value)} data-testid="mc-node">
          {nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label ? `${n.label} (${n.id})` : n.id} · {sizeOf(n)} units
            </option>
          ))}
        </select>
      </label>
      <label className="form-row">
        <span>Input u</span>
        <select className="field__input" value={input} onChange={(e) => setInput(e.target.value)} data-testid="mc-input">
          {inputs.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label ? `${n.label} (${n.id})` : n.id}
            </option>
          ))}
        </select>
      </label>
      <label className="form-row">
        <span>Largest delay K</span>
        <input className="field__input" inputMode="numeric" placeholder={String(suggested)} value={maxDelay} onChange={(e) => setMaxDelay(e.target.value)} aria-invalid={!validK} data-testid="mc-max-delay" />
      </label>
      {!validK && <p className="task-error">K must be a whole number from 1 to {MAX_DELAY.toLocaleString('en')}.</p>}
      <button type="submit" className="button button--primary" disabled={!validK || !node || !input}>
        Compute
      </button>
    </form>
  );
}

function Result() {
  const result = useTaskResults((s) => s.memoryCapacity);
  const running = useTaskResults((s) => s.running === 'memory-capacity');
  const doc = useDocumentStore((s) => s.doc);
  if (running) return <TaskProgress task="memory-capacity" what="Computing (washout, training and test windows of a copy of the network)" />;
  if (!result) return null;
  const r = result.reply;
  if (!r.ok) {
    return (
      <p className="task-error" role="alert">
        The task failed: {r.error}
      </p>
    );
  }
  const n = doc.nodes.find((x) => x.id === r.options.node);
  return (
    <div data-testid="mc-result">
      <p className="task-headline">
        MC = <strong data-testid="mc-value">{r.mc.toFixed(2)}</strong> for {r.options.node}
        {n && ` (bound N = ${sizeOf(n)} units)`}, K = {r.options.maxDelay}, input {r.options.input}
      </p>
      <ForgettingCurve curve={r.curve} />
      <p className="task-note">
        r²(k): how well a linear readout of the node recalls u(t − k), on {r.options.test} test steps after {r.options.washout} washout and{' '}
        {r.options.train} training steps (ridge λ = {r.options.lambda}). MC = Σ r²(k) ≤ N for i.i.d. input (Jaeger 2001).
        {isStale(result, doc) && <strong> The network has changed since: compute again for a result that matches it.</strong>}
      </p>
    </div>
  );
}

export function MemoryCapacityDialog() {
  const shown = useTaskResults((s) => s.shown === 'memory-capacity');
  const doc = useDocumentStore((s) => s.doc);
  const loadCount = useDocumentStore((s) => s.loadCount);
  const { tasks } = useStores();
  return (
    <Dialog open={shown} onClose={() => tasks.getState().show(null)} title="Memory capacity" testId="mc-dialog" wide>
      <Form key={loadCount} doc={doc} />
      <Result />
    </Dialog>
  );
}
