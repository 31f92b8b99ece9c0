/** The palette's place: lists the registered node kinds until the editor's palette replaces it. */
import { allKinds } from '../model/index.ts';

export function PalettePlaceholder() {
  return (
    <div className="sidebar">
      <h2 className="sidebar__title">Node kinds</h2>
      <ul className="kind-list">
        {allKinds().map((spec) => (
          <li key={spec.kind} className={`kind-list__item kind-list__item--${spec.group}`}>
            <span className="kind-list__label">{spec.label}</span>
            <span className="kind-list__description">{spec.description}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
