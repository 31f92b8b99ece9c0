/**
 * The test bridge on `window.__recurrence`, present in every build (also production), so
 * end-to-end tests and curious users can read and drive the app without faking gestures.
 * It goes through the same paths as the UI: `loadDocument` is what Open does, `sim.run()` is
 * the Run button, `sim.step(n)` the Step button, and so on.
 */
import { validateDocument, type GraphDocument, type ValidationIssue } from '../model/index.ts';
import type { StudentRecord } from '../model/room.ts';
import { startClassFromPage, type LiveClassroom } from './classroom/live/liveClassroom.ts';
import { openDocument, runOpenDocument, type AppStores, type DrawnMarks, type FrameSummary, type NewPanel, type PanelConfig, type RunOutcome } from '../store/index.ts';

export interface RecurrenceBridge {
  /** Version of this bridge's API. */
  readonly version: 2;
  /** A deep copy of the open document. */
  getDocument(): GraphDocument;
  /** Loads a document as Open does (a bad one shows the error dialog and changes nothing). */
  loadDocument(doc: unknown): { ok: true } | { ok: false; errors: ValidationIssue[] };
  /**
   * Replaces the open document by an edited version as an undoable edit (what the inspector
   * does); a running network takes the change live. Invalid documents are rejected unchanged.
   */
  editDocument(doc: unknown): { ok: true } | { ok: false; errors: ValidationIssue[] };
  sim: {
    /**
     * Without `steps`: starts the live run (the Run button) and resolves once it runs.
     * With `steps`: resets to the document's seed and runs exactly that many steps (batch).
     */
    run(): Promise<{ ok: true }>;
    run(steps: number): Promise<RunOutcome>;
    /** Pauses the live run; resolves when the batch in flight has been drawn into the windows. */
    pause(): Promise<void>;
    /** Advances exactly n steps (default 1), pausing first. */
    step(n?: number): Promise<RunOutcome>;
    /** Back to step 0 with the run's seed. */
    reset(): Promise<void>;
    /** Back to step 0 with a new seed (or the given one). */
    reseed(seed?: number): Promise<void>;
    /** Steps per animation frame (0: as fast as possible). */
    setSpeed(stepsPerFrame: number): void;
    /** A node's output over the probe window: `rows[k][i]` = unit i after step firstStep(nodeId) + k; null if not recorded. */
    getTrace(nodeId: string): number[][] | null;
    /** Step number of the first row getTrace returns. */
    firstStep(nodeId: string): number | null;
    /** Steps taken since reset. */
    t(): number;
    /** Summary of the last step / run batch, or null. */
    lastFrame(): FrameSummary | null;
    /** "idle", "running", "paused", "diverged" or "error". */
    status(): string;
    /** The divergence (node, step, message) of the run, or null. */
    divergence(): { node: string; step: number; message: string } | null;
    /** Loads the engine stopped before their end because another network was opened (or the open one closed). */
    loadsCancelled(): number;
  };
  /** The live classroom (see README, "A live classroom"). */
  classroom: ClassroomBridge;
  panels: {
    /** The open panels (as saved in the document). */
    list(): PanelConfig[];
    /** Opens a panel; returns its id. */
    add(config: NewPanel): string;
    remove(id: string): void;
    /** The CSV export of a panel (exactly the data drawn), or null if no such panel is drawn. */
    csv(id: string): string | null;
    /** The line marks a panel's chart painted on its canvas (each line's points in plot pixels, band, dots), or null. */
    marks(id: string): DrawnMarks | null;
  };
}

/** A student's record as the teacher's Class panel shows it. */
export interface ClassResult extends StudentRecord {
  id: string;
  online: boolean;
}

export interface ClassroomBridge {
  /**
   * What "Start a class" does: creates a room on the classroom server (the page's `server=`
   * flag, else port 1234 of its host) and joins it as the teacher; the key is shown once.
   */
  start(): Promise<{ room: string; key: string }>;
  status(): { room: string | null; role: 'teacher' | 'student' | null; connected: boolean; following: boolean; students: number };
  /** The students' records, as the Class panel shows them (by name). */
  results(): ClassResult[];
}

declare global {
  interface Window {
    __recurrence?: RecurrenceBridge;
  }
}

function classroomBridge(classroom: LiveClassroom): ClassroomBridge {
  const state = () => classroom.state.getState();
  return {
    start: () => startClassFromPage(classroom),
    status: () => ({ room: state().room, role: state().role, connected: state().connected, following: state().following, students: state().studentsOnline }),
    results: () =>
      Object.entries(state().records)
        .map(([id, r]) => ({ id, online: state().online.includes(id), ...structuredClone(r) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export function createTestBridge(stores: AppStores, classroom: LiveClassroom): RecurrenceBridge {
  const sim = () => stores.sim.getState();
  const window = (id: string) => {
    const w = stores.sim.live.windows.get(id);
    return w && w.count > 0 ? w : null;
  };
  return {
    version: 2,
    getDocument: () => structuredClone(stores.docs.getState().doc),
    loadDocument: (doc) => openDocument(stores, { value: structuredClone(doc) }, 'the document from the test bridge'),
    editDocument(doc) {
      const result = validateDocument(structuredClone(doc));
      if (!result.ok) return { ok: false, errors: result.errors };
      stores.docs.getState().commit(result.doc, { label: 'Edit (test bridge)', undo: 'step' });
      return { ok: true };
    },
    sim: {
      run: (async (steps?: number) => {
        if (steps !== undefined) return runOpenDocument(stores, steps);
        await sim().start();
        return { ok: true };
      }) as RecurrenceBridge['sim']['run'],
      pause: () => sim().pause(),
      step: (n = 1) => sim().step(n),
      reset: () => sim().reset(),
      reseed: (seed) => (seed === undefined ? sim().reseed() : sim().reset(seed)),
      setSpeed: (s) => sim().setSpeed(s),
      getTrace(nodeId) {
        const w = window(nodeId);
        if (!w) return null;
        const s = w.slice();
        return Array.from({ length: s.count }, (_, t) => Array.from(s.data.subarray(t * s.width, (t + 1) * s.width)));
      },
      firstStep: (nodeId) => window(nodeId)?.firstStep ?? null,
      t: () => stores.sim.live.t,
      lastFrame: () => sim().frame,
      status: () => sim().status,
      divergence: () => sim().divergence ?? null,
      loadsCancelled: () => sim().loadsCancelled,
    },
    classroom: classroomBridge(classroom),
    panels: {
      list: () => structuredClone(stores.panels.getState().panels),
      add: (config) => stores.panels.getState().add(config),
      remove: (id) => stores.panels.getState().remove(id),
      csv: (id) => stores.panels.views.get(id)?.csv() ?? null,
      marks: (id) => stores.panels.views.get(id)?.marks() ?? null,
    },
  };
}

export function installTestBridge(stores: AppStores, classroom: LiveClassroom): void {
  window.__recurrence = createTestBridge(stores, classroom);
}
