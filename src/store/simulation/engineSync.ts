/**
 * Keeps the engine's network in step with the open document: loads it when the engine has none
 * (or another), and forwards edits, which the engine patches in at the next step or recompiles
 * keeping state (engine/live-update.ts); the notice says which happened. The engine is sent
 * validated documents only (the document store validates each edit once, `core.checked`) and
 * only edits that matter to the simulation (the model's changesSimulation).
 */
import { changesSimulation, formatIssue, type GraphDocument } from '../../model/index.ts';
import { messageOf, type SimulationCore } from './types.ts';

export interface EngineSync {
  /** Loads the open document when the engine has none; false when it cannot run. Waits for edits on the way. */
  ensure(): Promise<boolean>;
  /** Whether the engine runs a document (it may be an older version of the open one). */
  loaded(): boolean;
  /** The open document was edited: forwards the edit when it matters to the simulation. */
  edited(doc: GraphDocument): void;
  /** Forgets the engine's network (the next `ensure` loads the open document afresh). */
  forget(): void;
}

/** `compiled` is told when the engine's network got new nodes or edges (its probes must be sent again). */
export function createEngineSync(core: SimulationCore, compiled: () => void): EngineSync {
  /** The document the engine runs once the edits on their way are applied (null: load before the next call). */
  let engineDoc: GraphDocument | null = null;
  let edits: Promise<void> = Promise.resolve();
  let loading: Promise<boolean> | null = null;

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
      const loaded = await core.api().load(doc, progress);
      done = true;
      if (gen === core.generation) core.set({ loading: null });
      if (gen !== core.generation) return false;
      if (!loaded.ok) {
        core.fail(loaded.errors.map(formatIssue).join('\n'));
        return false;
      }
      engineDoc = doc;
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

  function forward(doc: GraphDocument): void {
    engineDoc = doc;
    edits = edits.then(async () => {
      if (engineDoc === null) return;
      const r = await core.api().update(doc);
      if (!r.ok) {
        core.set({ notice: `Not applied: ${r.errors.map(formatIssue).join('; ')}` });
        return;
      }
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
      if (engineDoc !== null) return edits.then(() => true);
      loading ??= load(core.generation).finally(() => {
        loading = null;
      });
      return loading;
    },
    loaded: () => engineDoc !== null,
    edited(edit) {
      if (engineDoc === null) return;
      const valid = core.checked(edit);
      if (!valid.ok) {
        edits = edits.then(() => core.set({ notice: `Not applied: ${valid.errors.map(formatIssue).join('; ')}` }));
        return;
      }
      const doc = valid.doc;
      if (doc === engineDoc) return;
      if (!changesSimulation(engineDoc, doc)) {
        engineDoc = doc; // a move, a rename or a layout change: nothing for the worker
        return;
      }
      forward(doc);
    },
    forget() {
      engineDoc = null;
      loading = null;
    },
  };
  return sync;
}
