/**
 * The test bridge on `window.__recurrence`, present in every build (also production), so
 * end-to-end tests and curious users can read and drive the app without faking gestures.
 * It goes through the same paths as the UI: `loadDocument` is what Open does, `sim.run` is
 * what the Run button does.
 */
import type { GraphDocument, ValidationIssue } from '../model/index.ts';
import { probeRows } from '../store/traces.ts';
import { openDocument, runOpenDocument, useDocumentStore, useSimulationStore, type FrameSummary } from '../store/index.ts';

export interface RecurrenceBridge {
  /** Version of this bridge's API. */
  readonly version: 1;
  /** A deep copy of the open document. */
  getDocument(): GraphDocument;
  /** Loads a document as Open does (a bad one shows the error dialog and changes nothing). */
  loadDocument(doc: unknown): { ok: true } | { ok: false; errors: ValidationIssue[] };
  sim: {
    /** Runs the open document for `steps` steps from its seed, as the Run button does. */
    run(steps: number): Promise<{ ok: true; frame: FrameSummary } | { ok: false; error: string }>;
    /** The last run's values of a node's output: `rows[t][i]` = unit i after step t + 1; null if not run. */
    getTrace(nodeId: string): number[][] | null;
    /** Summary of the last run, or null. */
    lastFrame(): FrameSummary | null;
    /** "idle", "running", "done" or "error". */
    status(): string;
  };
}

declare global {
  interface Window {
    __recurrence?: RecurrenceBridge;
  }
}

export function createTestBridge(): RecurrenceBridge {
  return {
    version: 1,
    getDocument: () => structuredClone(useDocumentStore.getState().doc),
    loadDocument: (doc) => openDocument({ value: structuredClone(doc) }, 'the document from the test bridge'),
    sim: {
      run: (steps) => runOpenDocument(steps),
      getTrace(nodeId) {
        const probe = useSimulationStore.getState().traces[nodeId];
        return probe ? probeRows(probe) : null;
      },
      lastFrame: () => useSimulationStore.getState().frame,
      status: () => useSimulationStore.getState().status,
    },
  };
}

export function installTestBridge(): void {
  window.__recurrence = createTestBridge();
}
