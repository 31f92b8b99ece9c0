/** The analysis worker: a thin shell that exposes an AnalysisSession through Comlink. */
import * as Comlink from 'comlink';
import '../../kinds/registry.ts';
import { AnalysisSession } from './analysis-session.ts';
import { replyTransferables } from './measure-requests.ts';
import type { AnalysisApi } from './analysis-protocol.ts';

const session = new AnalysisSession();

const api: AnalysisApi = {
  async spectrum(edge, matrix, t, job) {
    const s = await session.spectrum(edge, matrix, t, job);
    return Comlink.transfer(s, [s.re.buffer, s.im.buffer] as ArrayBuffer[]);
  },
  spectralRadius: (matrix, job) => session.spectralRadius(matrix, job),
  async pca(samples, job) {
    const fit = await session.pca(samples, job);
    return fit ? Comlink.transfer(fit, [fit.x.buffer, fit.y.buffer] as ArrayBuffer[]) : null;
  },
  async measure(request, windows, job) {
    const reply = await session.measure(request, windows, job);
    return Comlink.transfer(reply, replyTransferables(reply));
  },
  train: (doc, seed, job) => session.train(doc, seed, job),
  gradientFlow: (doc, seed, job) => session.gradientFlow(doc, seed, job),
  memoryCapacity: (doc, seed, request, job) => session.memoryCapacity(doc, seed, request, job),
};

Comlink.expose(api);
