/**
 * The analysis client's link to the engine (engine-link.ts) across the analysis worker's
 * restarts: every worker it starts gets a fresh endpoint before its first job.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AnalysisApi } from './analysis-protocol.ts';
import { analysisClientOf } from './analysis-client.ts';
import type { EngineEndpoint, EngineLink } from './engine-link.ts';
import type { JobHandle } from './job.ts';

const isolated = Object.getOwnPropertyDescriptor(globalThis, 'crossOriginIsolated');
afterEach(() => {
  if (isolated) Object.defineProperty(globalThis, 'crossOriginIsolated', isolated);
  else delete (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
});

/** Connections that record what each worker was sent, in order. */
function workers() {
  const sent: string[][] = [];
  const connect = () => {
    const log: string[] = [];
    sent.push(log);
    const api = {
      link: async (e: EngineEndpoint) => void log.push(`link ${(e as unknown as { name: string }).name}`),
      spectralRadius: (_source: unknown, _job?: JobHandle) => (log.push('job'), new Promise<number>(() => undefined)),
    } as unknown as AnalysisApi;
    return { api, handle: (flags: Pick<JobHandle, 'stop' | 'pace'>) => ({ handle: flags, close: () => undefined }), transfer: <T>(v: T) => v, end: () => void log.push('ended'), pausable: true };
  };
  return { sent, connect };
}

describe('analysis client: the link to the engine', () => {
  it('a worker started after a cancel had to end the last one (no shared memory) is linked afresh before its job', async () => {
    Object.defineProperty(globalThis, 'crossOriginIsolated', { value: false, configurable: true });
    const { sent, connect } = workers();
    const client = analysisClientOf(connect);
    let endpoints = 0;
    client.link(() => ({ name: `port ${++endpoints}` }) as unknown as EngineLink);
    expect(sent).toEqual([]); // no worker yet: nothing asked
    const first = client.run((api, job) => api.spectralRadius({ edge: 'rec', version: 1 }, job));
    first.cancel();
    await expect(first.result).rejects.toMatchObject({ name: 'AbortError' });
    const second = client.run((api, job) => api.spectralRadius({ edge: 'rec', version: 1 }, job));
    expect(sent).toEqual([
      ['link port 1', 'job', 'ended'],
      ['link port 2', 'job'],
    ]);
    // a new stepping worker: the running analysis worker is given a new endpoint at once
    client.link(() => ({ name: `new engine ${++endpoints}` }) as unknown as EngineLink);
    expect(sent[1]).toEqual(['link port 2', 'job', 'link new engine 3']);
    second.cancel();
    client.dispose();
  });
});
