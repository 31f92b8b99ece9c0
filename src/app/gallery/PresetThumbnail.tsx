/** The SVG of a preset's network (see thumbnail.ts); decorative, the card's text names it. */
import { useMemo } from 'react';
import { thumbnailOf } from './thumbnail.ts';

export function PresetThumbnail({ doc }: { doc: unknown }) {
  const t = useMemo(() => thumbnailOf(doc), [doc]);
  return (
    <svg className="thumb" viewBox={`0 0 ${t.width} ${t.height}`} aria-hidden="true" focusable="false">
      {t.edges.map((e) =>
        e.self ? (
          <circle key={e.id} className="thumb__loop" cx={e.x1} cy={e.y1 - 9} r={7} />
        ) : (
          <line key={e.id} className="thumb__edge" x1={e.x1} y1={e.y1} x2={e.x2} y2={e.y2} />
        ),
      )}
      {t.nodes.map((n) => (
        <circle key={n.id} className={`thumb__node thumb__node--${n.group}`} cx={n.x} cy={n.y} r={n.r} />
      ))}
    </svg>
  );
}
