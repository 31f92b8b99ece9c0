/**
 * The panel layout: which panels are open, bound to what, in which order and how wide. It is
 * saved with the document (its optional top-level `panels` array of loose objects `{type,
 * nodes?, …}`); a document without one gets a default layout for its network. Layout changes
 * are document edits outside undo history (policy "never").
 */
import { create } from 'zustand';
import { getKind, kindRole, type GraphDocument } from '../model/index.ts';

export interface PanelConfig {
  /** Stable id within the layout. */
  id: string;
  /** Panel type (see panels/registry.ts): "traces", "raster", "heatmap", … */
  type: string;
  /** Bound nodes (most panels: one; a phase portrait: two). */
  nodes?: string[];
  /** Bound edge (weights, spectrum). */
  edge?: string;
  /** Card width in pixels. */
  width?: number;
  /** Type-specific options (units shown, mode, …). */
  [option: string]: unknown;
}

/** A panel to open (its id is given by the store). */
export type NewPanel = Pick<PanelConfig, 'type'> & Partial<PanelConfig>;

export interface PanelLayoutState {
  panels: PanelConfig[];
  add(config: NewPanel): string;
  remove(id: string): void;
  /** Moves a panel by `delta` places (−1: left, +1: right). */
  move(id: string, delta: number): void;
  update(id: string, patch: Partial<PanelConfig>): void;
  /** Replaces the layout (a document was opened). */
  replace(panels: PanelConfig[]): void;
  /** Shows the layout `doc` carries, or a first layout for its network when it has none. */
  open(doc: GraphDocument): void;
}

/** What the test bridge and exports need of a panel drawn now. */
export interface DrawnPanel {
  /** The CSV of exactly the data drawn, or null before any. */
  csv(): string | null;
  /** The line marks drawn on a chart's canvas (no DOM to inspect), or null for a chart without. */
  marks(): DrawnMarks | null;
}

/**
 * The line marks a chart drew on its canvas: each line's points in plot pixels (after the
 * downsampling to ≤ 4 points per pixel column), the band's point count, the dots' count.
 */
export interface DrawnMarks {
  lines: { name: string; dashed: boolean; points: [number, number][] }[];
  band: { name: string; points: number } | null;
  dots: number;
}

/** Makes panel ids unique within a layout store: a time stamp and a counter, base 36. */
export type PanelIds = () => string;

function panelIds(): PanelIds {
  let counter = 0;
  return () => `p${Date.now().toString(36)}${(counter++).toString(36)}`;
}

/** Panels of a document, each with an id (documents written by hand may leave them out). */
export function panelsOf(doc: GraphDocument, newId: PanelIds = panelIds()): PanelConfig[] | null {
  if (!doc.panels) return null;
  return doc.panels.map((p) => ({ ...p, id: typeof p.id === 'string' ? p.id : newId() }));
}

/**
 * A first layout for a network: traces of the last node that is not a source; for a population a raster
 * (spiking) or an activity heatmap; the spectrum of its recurrent edge when there is one.
 */
export function defaultPanels(doc: GraphDocument, newId: PanelIds = panelIds()): PanelConfig[] {
  const main = doc.nodes.filter((n) => kindRole(n.kind) !== 'source').at(-1) ?? doc.nodes.at(-1);
  if (!main) return [];
  const spec = getKind(main.kind);
  const size = spec?.outputSize(main.params) ?? 1;
  const panels: PanelConfig[] = [{ id: newId(), type: 'traces', nodes: [main.id] }];
  if (size > 1) panels.push({ id: newId(), type: spec?.output === 'spikes' ? 'raster' : 'heatmap', nodes: [main.id] });
  const recurrent = doc.edges.find((e) => e.source === main.id && e.target === main.id);
  if (recurrent && size > 1) panels.push({ id: newId(), type: 'spectrum', edge: recurrent.id });
  return panels;
}

/**
 * Builds the layout store; `save` writes a changed layout into the document. `views` holds the
 * panels drawn now by id (their components add and remove themselves).
 */
export function createPanelLayoutStore(save: (panels: PanelConfig[]) => void) {
  const newId = panelIds();
  const store = create<PanelLayoutState>()((set, get) => {
    const commit = (panels: PanelConfig[]) => {
      set({ panels });
      save(panels);
    };
    return {
      panels: [],
      add(config) {
        const id = newId();
        commit([...get().panels, { ...config, id } as PanelConfig]);
        return id;
      },
      remove: (id) => commit(get().panels.filter((p) => p.id !== id)),
      move(id, delta) {
        const panels = get().panels.slice();
        const i = panels.findIndex((p) => p.id === id);
        const j = i + delta;
        if (i < 0 || j < 0 || j >= panels.length) return;
        [panels[i], panels[j]] = [panels[j], panels[i]];
        commit(panels);
      },
      update: (id, patch) => commit(get().panels.map((p) => (p.id === id ? ({ ...p, ...patch, id } as PanelConfig) : p))),
      replace: (panels) => set({ panels }),
      open: (doc) => set({ panels: panelsOf(doc, newId) ?? defaultPanels(doc, newId) }),
    };
  });
  return Object.assign(store, { views: new Map<string, DrawnPanel>() });
}

export type PanelLayoutStore = ReturnType<typeof createPanelLayoutStore>;
