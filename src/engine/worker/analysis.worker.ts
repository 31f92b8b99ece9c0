/** An analysis worker (the page starts two: the analysis and the task worker): a thin shell that exposes an AnalysisSession through Comlink. */
import * as Comlink from 'comlink';
import '../../kinds/registry.ts';
import { AnalysisSession } from './analysis-session.ts';
import { replyTransferables } from './measure-requests.ts';
import type { AnalysisApi } from './analysis-protocol.ts';

const session = new AnalysisSession();

const api: AnalysisApi = {
  link: (endpoint) => session.link(endpoint),
  async spectrum(source, job) {
    const s = await session.spectrum(source, job);
    return Comlink.transfer(s, [s.re.buffer, s.im.buffer] as ArrayBuffer[]);
  },
  spectralRadius: (source, job) => session.spectralRadius(source, job),
  pca: (samples, job) => session.pca(samples, job),
  async measure(request, version, job) {
    const reply = await session.measure(request, version, job);
    return Comlink.transfer(reply, replyTransferables(reply));
  },
  train: (doc, seed, job) => session.train(doc, seed, job),
  gradientFlow: (doc, seed, job) => session.gradientFlow(doc, seed, job),
  memoryCapacity: (doc, seed, request, job) => session.memoryCapacity(doc, seed, request, job),
};

Comlink.expose(api);
