/** The inspector's place: facts about the open document until the editor's inspector replaces it. */
import { useDocumentStore } from '../store/index.ts';

export function DocumentInfo() {
  const doc = useDocumentStore((s) => s.doc);
  const units = doc.nodes.reduce((sum, n) => sum + ((n.params as { size?: number }).size ?? 1), 0);
  return (
    <div className="sidebar">
      <h2 className="sidebar__title">Network</h2>
      {doc.description && <p className="sidebar__text">{doc.description}</p>}
      <dl className="facts">
        <dt>Nodes</dt>
        <dd>{doc.nodes.length}</dd>
        <dt>Units</dt>
        <dd>{units}</dd>
        <dt>Edges</dt>
        <dd>{doc.edges.length}</dd>
        <dt>Seed</dt>
        <dd>{doc.seed}</dd>
        <dt>dt</dt>
        <dd>{doc.dt}</dd>
      </dl>
    </div>
  );
}
