/**
 * Keeps the engine's network in step with the open document: loads it when the engine has none
 * (or another), and forwards edits, which the engine patches in at the next step or recompiles
 * keeping state (engine/live-update.ts); the notice says which happened. The engine is sent
 * validated documents only (the document store validates each edit once, `core.checked`) and
 * only edits that matter to the simulation (the model's changesSimulation). An edit that is not
 * valid, or that the engine refuses (a loop with no delay, say), is named in the notice, by the
 * labels of its nodes and edges, and holds the run until the document is valid again: an Undo
 * back to the network the engine runs clears the notice, and Run never runs an older network
 * than the one shown.
 */
import { changesSimulation, describeIssue, formatIssue, type GraphDocument, type ValidationIssue } from '../../model/index.ts';
import { messageOf, type SimulationCore } from './types.ts';

export interface EngineSync {
  /** Loads the open document when the engine has none; false when it cannot run. Waits for edits on the way. */
  ensure(): Promise<boolean>;
  /** Whether the engine runs a document (it may be an older version of the open one). */
  loaded(): boolean;
  /** The open document was edited: forwards the edit when it matters to the simulation. */
  edited(doc: GraphDocument): void;
  /** Forgets the engine's network (the next `ensure` loads the open document afresh), cancelling a load in progress. */
  forget(): void;
}

/** The notice of an edit that was not applied (the run waits for a valid network). */
const refusedNotice = (doc: GraphDocument, errors: readonly ValidationIssue[]) =>
  `Not applied: ${errors.map((e) => describeIssue(doc, e)).join('; ')}. The run waits until the network is valid again (fix it, or Undo).`;

/** `compiled` is told when the engine's network got new nodes or edges (its probes must be sent again). */
export function createEngineSync(core: SimulationCore, compiled: () => void): EngineSync {
  /** The document the engine runs (null: load before the next call). */
  let engineDoc: GraphDocument | null = null;
  /** The last document sent to the engine: what it runs once the edits on their way are applied. */
  let sent: GraphDocument | null = null;
  let edits: Promise<void> = Promise.resolve();
  /**
   * The load in progress and the generation it loads: one at a time for a generation (a second
   * load of the same network would leave the page a version ahead of the stepping worker).
   */
  let loading: { gen: number; done: Promise<boolean> } | null = null;
  /** The open document when it was not applied (cleared by the next one the engine takes, or by going back to its own). */
  let refused: GraphDocument | null = null;
  /**
   * The generation whose load may go on (LoadCancel): shared with the worker where memory can be
   * shared, so that opening another network stops a long load at its next chunk.
   */
  const current = new Int32Array(typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(4) : new ArrayBuffer(4));

  /** The engine runs the open document again: a notice about a refused edit no longer holds. */
  function accepted(): void {
    if (refused === null) return;
    refused = null;
    if (core.get().notice?.startsWith('Not applied')) core.set({ notice: null });
  }

  /** `doc` (validated, or the store's own) was not applied; only the open document speaks. */
  function refuse(doc: GraphDocument, errors: readonly ValidationIssue[]): void {
    const open = core.doc();
    const latest = core.checked(open);
    if (open !== doc && !(latest.ok && latest.doc === doc)) return;
    refused = open;
    core.set({ notice: refusedNotice(doc, errors) });
  }

  async function load(gen: number): Promise<boolean> {
    const open = core.doc();
    const valid = core.checked(open);
    if (!valid.ok) {
      core.fail(valid.errors.map(formatIssue).join('\n'));
      return false;
    }
    const doc = valid.doc;
    // Reports travel on a channel of their own: the last may arrive after the load's reply.
    let done = false;
    const progress = core.callback((fraction: number, text: string) => {
      if (!done && gen === core.generation) core.set({ loading: { fraction, text } });
    });
    try {
      Atomics.store(current, 0, gen);
      // the version this network gets (core.changed() below), named by the analysis worker's requests
      const loaded = await core.api().load(doc, progress, core.version + 1, { flag: current, token: gen });
      done = true;
      if (!loaded.ok && loaded.cancelled) core.set({ loadsCancelled: core.get().loadsCancelled + 1 });
      if (gen === core.generation) core.set({ loading: null });
      if (gen !== core.generation) return false;
      if (!loaded.ok) {
        core.fail(loaded.errors.map(formatIssue).join('\n'));
        return false;
      }
      engineDoc = sent = doc;
      compiled();
      core.changed();
      core.set({ nodes: loaded.nodes, edges: loaded.edges, schedule: loaded.schedule, seed: doc.seed, error: null, divergence: null, notice: null });
      core.live.reset();
      // Edits made while loading.
      if (core.doc() !== open) sync.edited(core.doc());
      await edits;
      return true;
    } catch (err) {
      done = true;
      core.set({ loading: null });
      core.fail(messageOf(err));
      return false;
    }
  }

  /** Sends `doc` (validated) to the engine after the edits on their way. */
  function forward(doc: GraphDocument): void {
    sent = doc;
    edits = edits.then(async () => {
      if (engineDoc === null) return;
      const r = await core.api().update(doc, core.version + 1);
      if (!r.ok) return refuse(doc, r.errors);
      engineDoc = doc;
      accepted();
      if (r.change === 'none') return;
      core.changed();
      if (r.change === 'recompiled') {
        compiled();
        core.set({ nodes: r.nodes, edges: r.edges, schedule: r.schedule });
      }
      core.set({ notice: r.message });
      core.live.touch();
    });
  }

  const sync: EngineSync = {
    ensure() {
      if (engineDoc !== null) return edits.then(() => refused === null);
      const gen = core.generation;
      if (loading?.gen === gen) return loading.done;
      // a load of an older generation still on its way ends refused: only its own end clears it
      const done = load(gen).finally(() => {
        if (loading?.done === done) loading = null;
      });
      loading = { gen, done };
      return done;
    },
    loaded: () => engineDoc !== null,
    edited(open) {
      if (engineDoc === null || sent === null) return;
      const valid = core.checked(open);
      if (!valid.ok) {
        const { errors } = valid;
        edits = edits.then(() => refuse(open, errors));
        return;
      }
      const doc = valid.doc;
      if (doc === engineDoc && sent === engineDoc) return accepted(); // an Undo back to the network the engine runs
      if (doc === sent) return;
      if (!changesSimulation(sent, doc)) {
        // a move, a rename or a layout change: nothing for the worker
        sent = doc;
        edits = edits.then(() => {
          engineDoc = doc;
          accepted();
        });
        return;
      }
      forward(doc);
    },
    forget() {
      Atomics.store(current, 0, core.generation);
      engineDoc = sent = null;
      loading = null;
      refused = null;
    },
  };
  return sync;
}
