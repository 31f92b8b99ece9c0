/** The export worker: a thin shell exposing the export tasks through Comlink (the page never compiles or runs). */
import * as Comlink from 'comlink';
import '../../kinds/registry.ts';
import { compareResults, exportText } from './tasks.ts';

export const exportApi = { exportText, compareResults };
export type ExportApi = typeof exportApi;

Comlink.expose(exportApi);
