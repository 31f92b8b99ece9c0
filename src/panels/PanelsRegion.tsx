/**
 * The bottom panels region: a bar (add a panel, probe window, export the run, run status) over
 * the row of panel cards. The layout is saved with the document.
 */
import { useId, useMemo } from 'react';
import { kindRole } from '../model/index.ts';
import { usePanelLayout, useSimulationStore, useStores, type AppStores } from '../store/index.ts';
import { downloadBlob, fileNameFor } from '../store/files.ts';
import type { PanelType } from './registry.ts';
import { panelTypes } from './types/index.ts';
import { PanelCard } from './PanelCard.tsx';
import { createPanelRuntime, PanelRuntimeProvider } from './panelRuntime.ts';
import { RunStatus } from './RunStatus.tsx';
import { PanelsHeightHandle } from './PanelsHeightHandle.tsx';
import { runAsCsv, runAsJson } from './runExport.ts';
import './panels.css';

const WINDOWS = [200, 500, 1000, 2000, 5000];

/** The menu's windows, with the current one when it is another (set by Show prediction, say). */
const windowChoices = (current: number) => (WINDOWS.includes(current) ? WINDOWS : [...WINDOWS, current].sort((a, b) => a - b));

export function PanelsRegion() {
  const panels = usePanelLayout((s) => s.panels);
  const stores = useStores();
  const runtime = useMemo(() => createPanelRuntime(stores), [stores]);
  return (
    <PanelRuntimeProvider value={runtime}>
      <div className="panels">
        <PanelsHeightHandle />
        <div className="panels__bar">
          <h2 className="panels__title">Panels</h2>
          <AddPanel />
          <WindowField />
          <RunExport />
          <RunStatus />
        </div>
        <div className="panels__list" data-testid="panels">
          {panels.map((p, i) => (
            <PanelCard key={p.id} config={p} index={i} count={panels.length} />
          ))}
          {panels.length === 0 && <p className="panels__empty">No panels open. Add one to watch the network run.</p>}
        </div>
      </div>
    </PanelRuntimeProvider>
  );
}

/** The first node or edge a new panel of this type can show. */
function firstBinding(stores: Pick<AppStores, 'sim'>, type: PanelType) {
  const { nodes, edges } = stores.sim.getState();
  if (type.binding === 'edge' || type.binding === 'square-edge') {
    const edge = edges.find((e) => type.acceptsEdge?.(e) ?? true);
    return edge ? { edge: edge.id } : null;
  }
  const candidates = nodes.filter((n) => type.accepts?.(n) ?? true);
  const node = candidates.filter((n) => kindRole(n.kind) !== 'source').at(-1) ?? candidates.at(-1);
  return node ? { nodes: type.binding === 'node-pair' ? [node.id, node.id] : [node.id] } : null;
}

function AddPanel() {
  const id = useId();
  const stores = useStores();
  useSimulationStore((s) => s.nodes); // re-list when the network changes
  const types = panelTypes;
  return (
    <label className="mini-field" htmlFor={id}>
      <span className="visually-hidden">Add panel</span>
      <select
        id={id}
        value=""
        data-testid="add-panel"
        onChange={(e) => {
          const type = types.find((t) => t.type === e.target.value);
          const binding = type && firstBinding(stores, type);
          if (type && binding) stores.panels.getState().add({ type: type.type, ...binding });
        }}
      >
        <option value="">+ Add panel…</option>
        {types.map((t) => (
          <option key={t.type} value={t.type} disabled={!firstBinding(stores, t)} title={t.description}>
            {t.title}
          </option>
        ))}
      </select>
    </label>
  );
}

function WindowField() {
  const id = useId();
  const window = useSimulationStore((s) => s.window);
  const { sim } = useStores();
  return (
    <label className="mini-field" htmlFor={id} title="Steps each panel keeps (ring buffer)">
      <span>Window</span>
      <select id={id} value={window} onChange={(e) => sim.getState().setWindow(Number(e.target.value))} data-testid="window">
        {windowChoices(window).map((w) => (
          <option key={w} value={w}>
            {w.toLocaleString('en')} steps
          </option>
        ))}
      </select>
    </label>
  );
}

function RunExport() {
  const { docs, sim } = useStores();
  const save = (format: 'csv' | 'json') => {
    const { doc } = docs.getState();
    const { live } = sim;
    const stem = fileNameFor(doc.title).replace(/\.json$/, '');
    const text = format === 'csv' ? runAsCsv(live) : runAsJson(live, { title: doc.title, seed: sim.getState().seed, dt: doc.dt });
    downloadBlob(new Blob([text], { type: format === 'csv' ? 'text/csv' : 'application/json' }), `${stem}-run.${format}`);
  };
  return (
    <div className="panels__export" role="group" aria-label="Export the run">
      <button type="button" className="button button--small" onClick={() => save('csv')}>
        Run CSV
      </button>
      <button type="button" className="button button--small" onClick={() => save('json')}>
        Run JSON
      </button>
    </div>
  );
}
