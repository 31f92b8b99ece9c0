/**
 * The schedule of one step, as the engine compiled it for the running network (the stepping
 * worker sends it with every load and recompile): hovering (or focusing) an entry highlights
 * its node and the edges it reads on the canvas; delays are shown per delivery.
 */
import { useDocumentStore, useEditorStore, useSimulationStore } from '../../store/index.ts';
import { useDocumentIssues } from '../issues.ts';
import { entryHighlight } from './schedule.ts';
import { delayLabel } from '../toFlow.ts';

export function ScheduleView() {
  const doc = useDocumentStore((s) => s.doc);
  const entries = useSimulationStore((s) => s.schedule);
  const error = useSimulationStore((s) => s.error);
  const issues = useDocumentIssues();
  const setHighlight = useEditorStore((s) => s.setHighlight);
  const problem = error ?? (!issues.ok ? [...issues.other, ...[...issues.byNode, ...issues.byEdge].map(([id, m]) => ({ path: id, message: m.join('; ') }))].slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ') : null);
  if (entries.length === 0) {
    return (
      <div className="schedule" data-testid="schedule">
        {problem ? (
          <p className="field__error" role="alert">
            No schedule: {problem}
          </p>
        ) : (
          <p className="inspector__hint">Compiling…</p>
        )}
      </div>
    );
  }
  return (
    <div className="schedule" data-testid="schedule">
      <p className="inspector__hint">
        One step, in order. Deliveries with a delay read a value from earlier steps (z⁻ᵈ), so drawn loops never block the order. Hover an entry to find it on the canvas.
      </p>
      {problem && (
        <p className="field__error" role="alert">
          The document has problems ({problem}); this is the schedule of the network still running.
        </p>
      )}
      <ol className="schedule__list" onMouseLeave={() => setHighlight(null)}>
        {entries.map((e) => (
          <li
            key={e.index}
            className={`schedule__entry schedule__entry--${e.type}`}
            tabIndex={0}
            data-testid="schedule-entry"
            data-node={e.node}
            data-edge={e.edge}
            onMouseEnter={() => setHighlight(entryHighlight(doc, e))}
            onFocus={() => setHighlight(entryHighlight(doc, e))}
            onBlur={() => setHighlight(null)}
          >
            <span className="schedule__index">{e.index}</span>
            <span className="schedule__type">{e.type}</span>
            <code className="schedule__node">{e.edge ?? e.node}</code>
            {e.delay !== undefined && e.delay > 0 && <span className="schedule__delay">{delayLabel(e.delay)}</span>}
            <span className="schedule__equation">{e.equation}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
