/**
 * The snapshot fetcher (Eigenvalues, weights): a result of an older network, or a request the
 * stepping worker refused as stale, is dropped and fetched again; a failure is shown.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisOutcome } from '../../store/simulationStore.ts';
import type { PanelContext } from '../registry.ts';
import { snapshotFetcher, STALE_RETRIES } from './snapshots.ts';

const settle = () => new Promise((r) => setTimeout(r, 0));

/** A panel context at network `version`, and a fetcher whose replies come from `replies` in turn. */
function fetcherWith(replies: AnalysisOutcome<string>[], version = 2) {
  const ctx = { live: { epoch: 0 }, sim: () => ({ version, edges: [{ id: 'rec', plastic: false }] }) } as unknown as PanelContext;
  const shown: (string | null)[] = [];
  const stopped: string[] = [];
  let asked = 0;
  const fetcher = snapshotFetcher(ctx, {
    edge: 'rec',
    fetch: async () => replies[asked++] ?? { ok: false, error: 'no more replies' },
    show: (s) => shown.push(s),
    stopped: (m) => stopped.push(m),
    intervalMs: 1000,
  });
  return { fetcher, shown, stopped, asked: () => asked };
}

describe('snapshot fetcher', () => {
  it('asks again after a stale refusal or an older version, and shows the current one', async () => {
    const { fetcher, shown, stopped, asked } = fetcherWith([
      { ok: false, stale: true, error: 'the network changed since this was asked (version 1, now 2); ask again' },
      { ok: true, value: 'spectrum of version 1', version: 1 },
      { ok: true, value: 'spectrum of version 2', version: 2 },
    ]);
    fetcher.draw('structure');
    for (let k = 0; k < 5; k++) await settle();
    expect(asked()).toBe(3);
    expect(shown).toEqual(['spectrum of version 2']);
    expect(stopped).toEqual([]);
  });

  it('a failure that is not stale is shown as such, and not asked again by itself', async () => {
    const { fetcher, shown, stopped, asked } = fetcherWith([{ ok: false, error: 'no edge "rec"' }]);
    fetcher.draw('structure');
    for (let k = 0; k < 3; k++) await settle();
    expect(asked()).toBe(1);
    expect(shown).toEqual([]);
    expect(stopped).toEqual(['no edge "rec"']);
  });
});

describe('snapshot fetcher: a page and a worker that keep disagreeing', () => {
  it(`stops asking after ${STALE_RETRIES} stale answers in a row and says so; Compute again asks afresh`, async () => {
    const stale: AnalysisOutcome<string> = { ok: false, stale: true, error: 'the network changed since this was asked (version 2, now 1); ask again' };
    const { fetcher, shown, stopped, asked } = fetcherWith([...Array<AnalysisOutcome<string>>(STALE_RETRIES + 1).fill(stale), { ok: true, value: 'spectrum of version 2', version: 2 }]);
    fetcher.draw('structure');
    for (let k = 0; k < 3 * STALE_RETRIES; k++) await settle();
    expect(asked()).toBe(STALE_RETRIES + 1);
    expect(stopped).toEqual([`still of another network version after ${STALE_RETRIES} tries`]);
    expect(shown).toEqual([]);
    fetcher.retry();
    for (let k = 0; k < 3; k++) await settle();
    expect(shown).toEqual(['spectrum of version 2']);
  });

  it('a fetch that throws is shown as a failure, not as an empty chart', async () => {
    const ctx = { live: { epoch: 0 }, sim: () => ({ version: 1, edges: [] }) } as unknown as PanelContext;
    const stopped: string[] = [];
    const shown: unknown[] = [];
    snapshotFetcher(ctx, { edge: 'rec', fetch: () => Promise.reject(new Error('the analysis worker stopped')), show: (s) => shown.push(s), stopped: (m) => stopped.push(m), intervalMs: 1000 }).draw('structure');
    for (let k = 0; k < 3; k++) await settle();
    expect(stopped).toEqual(['the analysis worker stopped']);
    expect(shown).toEqual([]);
  });
});
