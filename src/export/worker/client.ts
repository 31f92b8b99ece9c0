/**
 * The page's handle on the export worker (started on first use): notebook and PyNN texts, and
 * results compared with the engine's run. Without Worker support (tests) the tasks run in-thread.
 */
import * as Comlink from 'comlink';
import type { CompareReply, ExportReply, ExportTarget, TrainedRun } from './tasks.ts';

export interface ExportClient {
  exportText(doc: unknown, to: ExportTarget, source?: string, trained?: TrainedRun | null): Promise<ExportReply>;
  compareResults(doc: unknown, text: string): Promise<CompareReply>;
}

export function createExportClient(): ExportClient {
  let remote: Promise<ExportClient> | null = null;
  const api = (): Promise<ExportClient> => {
    remote ??=
      typeof Worker === 'undefined'
        ? import('./tasks.ts').then((t) => ({ exportText: async (...a) => t.exportText(...a), compareResults: async (...a) => t.compareResults(...a) }) as ExportClient)
        : Promise.resolve(Comlink.wrap<ExportClient>(new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'recurrence-export' })));
    return remote;
  };
  return {
    exportText: async (doc, to, source, trained) => (await api()).exportText(doc, to, source, trained),
    compareResults: async (doc, text) => (await api()).compareResults(doc, text),
  };
}
