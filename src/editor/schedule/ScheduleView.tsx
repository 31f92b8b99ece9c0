/**
 * The schedule of one step, as the compiler orders it: hovering (or focusing) an entry
 * highlights its node and the edges it reads on the canvas; delays are shown per delivery.
 */
import { useMemo } from 'react';
import { useDocumentStore } from '../../store/index.ts';
import { useEditorStore } from '../../store/index.ts';
import { compileSchedule, entryHighlight } from './schedule.ts';
import { delayLabel } from '../toFlow.ts';

export function ScheduleView() {
  const doc = useDocumentStore((s) => s.doc);
  const structure = useDocumentStore((s) => s.doc.edges);
  const nodes = useDocumentStore((s) => s.doc.nodes.length);
  const result = useMemo(() => compileSchedule(doc), [structure, nodes, doc.dt]); // eslint-disable-line react-hooks/exhaustive-deps
  const setHighlight = useEditorStore((s) => s.setHighlight);
  if (!result.ok) {
    return (
      <div className="schedule" data-testid="schedule">
        <p className="field__error" role="alert">
          No schedule: {result.error}
        </p>
      </div>
    );
  }
  return (
    <div className="schedule" data-testid="schedule">
      <p className="inspector__hint">
        One step, in order. Deliveries with a delay read a value from earlier steps (z⁻ᵈ), so drawn loops never block the order. Hover an entry to find it on the canvas.
      </p>
      <ol className="schedule__list" onMouseLeave={() => setHighlight(null)}>
        {result.entries.map((e) => (
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
