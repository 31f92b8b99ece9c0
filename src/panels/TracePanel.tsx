/**
 * The trace panel: the outputs of one chosen node over the last run, drawn by TraceChart. The
 * chart is fed from the simulation store outside React rendering.
 */
import { useEffect, useId, useRef } from 'react';
import { useDocumentStore, useSimulationStore, type SimulationState } from '../store/index.ts';
import { traceNodeOf } from '../store/traces.ts';
import { TraceChart } from './TraceChart.ts';
import { traceDataOf } from './traceData.ts';

export function TracePanel() {
  const doc = useDocumentStore((s) => s.doc);
  const chosen = useSimulationStore((s) => s.traceNode);
  const setChosen = useSimulationStore((s) => s.setTraceNode);
  const nodeId = traceNodeOf(doc, chosen);
  const selectId = useId();

  return (
    <section className="panel trace-panel" aria-labelledby={`${selectId}-title`}>
      <header className="panel__header">
        <h2 className="panel__title" id={`${selectId}-title`}>
          Trace
        </h2>
        <label className="field field--inline" htmlFor={selectId}>
          <span>Node</span>
          <select id={selectId} value={nodeId ?? ''} onChange={(e) => setChosen(e.target.value)} data-testid="trace-node">
            {doc.nodes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.label ?? n.id}
              </option>
            ))}
          </select>
        </label>
        <RunStatus />
      </header>
      <TraceChartView nodeId={nodeId} />
    </section>
  );
}

function TraceChartView({ nodeId }: { nodeId: string | null }) {
  const hostRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const chart = new TraceChart(host, { xLabel: 'step', yLabel: 'output', title: `Output of ${nodeId ?? 'no node'} over time` });
    const draw = (s: SimulationState) => {
      const probe = nodeId === null ? undefined : s.traces[nodeId];
      if (probe && s.frame) chart.update(traceDataOf(nodeId!, probe, s.frame.firstStep));
      else chart.reset();
    };
    draw(useSimulationStore.getState());
    const unsubscribe = useSimulationStore.subscribe((s, prev) => {
      if (s.traces !== prev.traces || s.frame !== prev.frame) draw(s);
    });
    return () => {
      unsubscribe();
      chart.destroy();
    };
  }, [nodeId]);
  return <div className="trace-panel__chart" ref={hostRef} data-testid="trace-chart" />;
}

function RunStatus() {
  const status = useSimulationStore((s) => s.status);
  const frame = useSimulationStore((s) => s.frame);
  const divergence = useSimulationStore((s) => s.divergence);
  const error = useSimulationStore((s) => s.error);
  const mode = useSimulationStore((s) => s.engineMode);
  return (
    <div className="run-status" aria-live="polite">
      {status === 'running' && <span>Running…</span>}
      {status === 'done' && frame && (
        <span data-testid="run-summary">
          {frame.steps} steps in {frame.elapsedMs.toFixed(1)} ms{mode === 'in-page' ? ' (in page)' : ''}
        </span>
      )}
      {divergence && (
        <span className="run-status__problem" role="alert" data-testid="divergence">
          Diverged: {divergence}
        </span>
      )}
      {error && (
        <span className="run-status__problem" role="alert" data-testid="run-error">
          Could not run: {error}
        </span>
      )}
    </div>
  );
}
