/** Arrowhead markers for edges, coloured by the theme's CSS variables (see app styles). */
import { MARKER_IDS } from './edgeStyle.ts';

export function EdgeMarkers() {
  return (
    <svg className="edge-markers" aria-hidden="true" width="0" height="0">
      <defs>
        {Object.entries(MARKER_IDS).map(([kind, id]) => (
          <marker key={id} id={id} viewBox="0 0 10 10" refX="8.5" refY="5" markerWidth="6" markerHeight="6" markerUnits="strokeWidth" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className={`edge-marker edge-marker--${kind}`} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
