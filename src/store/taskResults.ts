/**
 * The app's task runs — training the readouts, the memory-capacity task — and their last
 * results, with the document they were computed on (a later edit makes them stale: the panel
 * says so, lesson checks ignore them). The runs themselves are the engine's (simulationStore).
 */
import { create } from 'zustand';
import { changesSimulation, type GraphDocument } from '../model/index.ts';
import type { MemoryCapacityReply, MemoryCapacityRequest, TrainReply } from '../engine/worker/protocol.ts';

export type TaskKind = 'train' | 'memory-capacity';

export interface TaskResult<R> {
  reply: R;
  /** The document the task ran on. */
  doc: GraphDocument;
}

/** Whether a result was computed on a network that has changed since (moves, renames and panels do not count). */
export function isStale(result: TaskResult<unknown>, doc: GraphDocument): boolean {
  return changesSimulation(result.doc, doc);
}

export interface TaskResultsState {
  /** The task running now, if any. */
  running: TaskKind | null;
  /** The dialog shown (results of that task, or its form). */
  shown: TaskKind | null;
  train: TaskResult<TrainReply> | null;
  memoryCapacity: TaskResult<MemoryCapacityReply> | null;
  /** Runs a task; resolves null when it was cancelled (the last result stays). */
  runTrain(): Promise<TrainReply | null>;
  runMemoryCapacity(request: MemoryCapacityRequest): Promise<MemoryCapacityReply | null>;
  /** Stops the task running now. */
  cancel(): void;
  show(kind: TaskKind | null): void;
  /** Forgets the results (another document was opened). */
  clear(): void;
}

/** Runs the tasks; null: the run was cancelled. */
export interface TaskRunner {
  train(): Promise<TrainReply | null>;
  memoryCapacity(request: MemoryCapacityRequest): Promise<MemoryCapacityReply | null>;
  /** Stops the analysis under `key` (the task's kind). */
  cancelAnalysis(key: string): void;
}

export function createTaskResultsStore(runner: () => TaskRunner, getDoc: () => GraphDocument) {
  return create<TaskResultsState>()((set, get) => ({
    running: null,
    shown: null,
    train: null,
    memoryCapacity: null,
    async runTrain() {
      const doc = getDoc();
      set({ running: 'train', shown: 'train' });
      const reply = await runner().train();
      set(reply ? { running: null, train: { reply, doc } } : { running: null });
      return reply;
    },
    async runMemoryCapacity(request) {
      const doc = getDoc();
      set({ running: 'memory-capacity', shown: 'memory-capacity' });
      const reply = await runner().memoryCapacity(request);
      set(reply ? { running: null, memoryCapacity: { reply, doc } } : { running: null });
      return reply;
    },
    cancel() {
      const running = get().running;
      if (running) runner().cancelAnalysis(running);
    },
    show: (shown) => set({ shown }),
    clear: () => set({ train: null, memoryCapacity: null, shown: null }),
  }));
}

export type TaskResultsStore = ReturnType<typeof createTaskResultsStore>;
