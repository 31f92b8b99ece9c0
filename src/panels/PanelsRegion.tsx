/**
 * The bottom panels region: a bar (add a panel, probe window, export the run, run status) over
 * the panel cards. The cards wrap into rows that share the region's height; when rows do not fit
 * the list scrolls, and the bar says how many panels are out of view ("2 more panels ↓", a button
 * that brings the next one into view). A panel that is added scrolls into view. The layout is
 * saved with the document.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { kindRole } from '../model/index.ts';
import { useDocumentStore, usePanelLayout, useSimulationStore, useStores, type AppStores, type PanelConfig } from '../store/index.ts';
import { downloadBlob, fileNameFor } from '../store/files.ts';
import { MenuButton } from '../ui/Menu.tsx';
import { Icon } from '../ui/icons.tsx';
import { useNarrower } from '../ui/useNarrower.ts';
import type { PanelType } from './registry.ts';
import { panelTypes } from './types/index.ts';
import { PanelCard } from './PanelCard.tsx';
import { createPanelRuntime, PanelRuntimeProvider } from './panelRuntime.ts';
import { RunStatus } from './RunStatus.tsx';
import { PanelsHeightHandle } from './PanelsHeightHandle.tsx';
import { runAsCsv, runAsJson } from './runExport.ts';
import { revealPanel } from './revealPanel.ts';
import { usePanelRows } from './usePanelRows.ts';
import './panels.css';

const WINDOWS = [200, 500, 1000, 2000, 5000];

/** The menu's windows, with the current one when it is another (set by Show prediction, say). */
const windowChoices = (current: number) => (WINDOWS.includes(current) ? WINDOWS : [...WINDOWS, current].sort((a, b) => a - b));

/** Below this width (px) the panels bar drops its title (kept for screen readers), the Window field's word and Export run's, so it keeps one row with a whole clock (beside a lesson at 1,024 px). */
const NARROW_BAR = 700;

export function PanelsRegion() {
  const panels = usePanelLayout((s) => s.panels);
  const stores = useStores();
  const runtime = useMemo(() => createPanelRuntime(stores), [stores]);
  const list = useRef<HTMLDivElement>(null);
  const [note, setNote] = useState<string | null>(null);
  useRevealAdded(panels);
  const hidden = usePanelRows(list, panels.length);
  const region = useRef<HTMLDivElement>(null);
  const narrow = useNarrower(region, NARROW_BAR);
  useEffect(() => {
    if (!note) return;
    const timer = setTimeout(() => setNote(null), 6000);
    return () => clearTimeout(timer);
  }, [note]);
  return (
    <PanelRuntimeProvider value={runtime}>
    <div className="panels" ref={region}>
      <PanelsHeightHandle />
      <div className="panels__bar">
        <h2 className={narrow ? 'visually-hidden' : 'panels__title'}>Panels</h2>
        <AddPanel onNote={setNote} />
        <WindowField wordless={narrow} />
        <RunExport compact={narrow} />
        {hidden.below.length + hidden.above.length > 0 && (
          <button
            type="button"
            className="button button--small panels__more"
            onClick={() => revealPanel((hidden.below[0] ?? hidden.above.at(-1))!)}
            data-testid="panels-more"
            title="Panels outside the visible rows: bring the next one into view (or scroll the panels)"
          >
            {hidden.below.length > 0 ? `+${hidden.below.length} panel${hidden.below.length === 1 ? '' : 's'} ↓` : `+${hidden.above.length} panel${hidden.above.length === 1 ? '' : 's'} ↑`}
          </button>
        )}
        <RunStatus />
        {note && (
          <span className="panels__note" role="status" data-testid="panels-note">
            {note}
          </span>
        )}
      </div>
      <div className="panels__list" ref={list} data-testid="panels">
        {panels.map((p, i) => (
          <PanelCard key={p.id} config={p} index={i} count={panels.length} />
        ))}
        {panels.length === 0 && <p className="panels__empty">No panels open. Add one to watch the network run.</p>}
      </div>
    </div>
    </PanelRuntimeProvider>
  );
}

/** A panel added to the open document (not one that came with a newly opened document) scrolls into view. */
function useRevealAdded(panels: PanelConfig[]) {
  const loadCount = useDocumentStore((s) => s.loadCount);
  const seen = useRef({ loadCount, ids: new Set(panels.map((p) => p.id)) });
  useEffect(() => {
    const before = seen.current;
    seen.current = { loadCount, ids: new Set(panels.map((p) => p.id)) };
    if (before.loadCount !== loadCount) return;
    const added = panels.filter((p) => !before.ids.has(p.id));
    if (added.length > 0) revealPanel(added[added.length - 1].id);
  }, [panels, loadCount]);
}

/** Whether a panel of this type already shows this binding. */
const shows = (p: PanelConfig, type: string, binding: Partial<PanelConfig>) =>
  p.type === type && (binding.edge !== undefined ? p.edge === binding.edge : JSON.stringify(p.nodes) === JSON.stringify(binding.nodes));

/**
 * The binding a new panel of this type starts with: the last node (or first edge) it can show that
 * no panel of the type shows yet, else the one it would show (already open: `existing`).
 */
function newBinding(stores: Pick<AppStores, 'sim'>, type: PanelType, open: PanelConfig[]): { binding: Partial<PanelConfig>; existing?: PanelConfig } | null {
  const { nodes, edges } = stores.sim.getState();
  let candidates: Partial<PanelConfig>[];
  if (type.binding === 'edge' || type.binding === 'square-edge') {
    candidates = edges.filter((e) => type.acceptsEdge?.(e) ?? true).map((e) => ({ edge: e.id }));
  } else {
    const accepted = nodes.filter((n) => type.accepts?.(n) ?? true);
    // Non-source nodes first, the last one first (usually the network's output).
    const ordered = [...accepted.filter((n) => kindRole(n.kind) !== 'source').reverse(), ...accepted.filter((n) => kindRole(n.kind) === 'source').reverse()];
    candidates = ordered.map((n) => ({ nodes: type.binding === 'node-pair' ? [n.id, n.id] : [n.id] }));
  }
  if (candidates.length === 0) return null;
  const fresh = candidates.find((b) => !open.some((p) => shows(p, type.type, b)));
  if (fresh) return { binding: fresh };
  return { binding: candidates[0], existing: open.find((p) => shows(p, type.type, candidates[0])) };
}

function describeBinding(p: PanelConfig): string {
  return p.edge ?? [...new Set(p.nodes ?? [])].join(' · ');
}

function AddPanel({ onNote }: { onNote(text: string): void }) {
  const stores = useStores();
  useSimulationStore((s) => s.nodes); // re-list when the network changes
  const add = (type: PanelType) => {
    const layout = stores.panels.getState();
    const next = newBinding(stores, type, layout.panels);
    if (!next) return;
    if (next.existing) {
      revealPanel(next.existing.id);
      onNote(`${type.title} of ${describeBinding(next.existing)} is already open (shown). Choose another node in its card to compare.`);
      return;
    }
    layout.add({ type: type.type, ...next.binding });
  };
  return (
    <MenuButton
      className="button button--small button--menu"
      testId="add-panel"
      title="Add a panel: a live chart of a node or an edge"
      items={() =>
        panelTypes.map((t) => {
          const possible = newBinding(stores, t, stores.panels.getState().panels) !== null;
          return {
            id: t.type,
            label: t.title,
            description: t.description,
            disabled: !possible,
            title: possible ? t.description : `${t.title}: nothing in this network to show`,
            testId: `add-panel-${t.type}`,
            onSelect: () => add(t),
          };
        })
      }
    >
      <Icon name="plus" size={14} />
      Add panel
    </MenuButton>
  );
}

/** The probes' window; `wordless` (a narrow bar) hides its word from sight, not from screen readers. */
function WindowField({ wordless }: { wordless: boolean }) {
  const window = useSimulationStore((s) => s.window);
  const { sim } = useStores();
  return (
    <label className="mini-field" title="Window: steps each panel keeps (ring buffer)">
      <span className={wordless ? 'visually-hidden' : undefined}>Window</span>
      <select value={window} onChange={(e) => sim.getState().setWindow(Number(e.target.value))} data-testid="window">
        {windowChoices(window).map((w) => (
          <option key={w} value={w}>
            {w.toLocaleString('en')} steps
          </option>
        ))}
      </select>
    </label>
  );
}

/** Export run ▾; `compact` (a narrow bar) shows its icon only, the name stays for screen readers and in the title. */
function RunExport({ compact }: { compact: boolean }) {
  const { docs, sim } = useStores();
  const save = (format: 'csv' | 'json') => {
    const { doc } = docs.getState();
    const { live } = sim;
    const stem = fileNameFor(doc.title).replace(/\.json$/, '');
    const text = format === 'csv' ? runAsCsv(live) : runAsJson(live, { title: doc.title, seed: sim.getState().seed, dt: doc.dt });
    downloadBlob(new Blob([text], { type: format === 'csv' ? 'text/csv' : 'application/json' }), `${stem}-run.${format}`);
  };
  return (
    <MenuButton
      className="button button--small button--menu"
      testId="export-run"
      ariaLabel="Export run"
      title="Export run: save every probed value of the run"
      items={() => [
        { id: 'csv', label: 'Run CSV', description: 'one column per unit, one row per step', onSelect: () => save('csv') },
        { id: 'json', label: 'Run JSON', description: 'the probes with the seed and dt', onSelect: () => save('json') },
      ]}
    >
      {compact ? <Icon name="download" size={14} /> : 'Export run'}
      <Icon name="chevronDown" size={12} />
    </MenuButton>
  );
}
