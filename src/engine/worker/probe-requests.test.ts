import { describe, expect, it } from 'vitest';
import { ProbeError } from '../probes.ts';
import { takeProbes } from './probe-requests.ts';

describe('takeProbes', () => {
  const take = (probe: string) => {
    if (probe.startsWith('bad')) throw new ProbeError(`no node "${probe}"`);
    if (probe === 'crash') throw new RangeError('out of memory');
    return probe.toUpperCase();
  };

  it('keeps every probe it can record, in order, and refuses the others by name with the reason', () => {
    expect(takeProbes(['a', 'bad1', 'b', 'bad2'], (p) => p, take)).toEqual({
      kept: ['A', 'B'],
      result: { ok: false, errors: { bad1: 'no node "bad1"', bad2: 'no node "bad2"' } },
    });
    expect(takeProbes(['a'], (p) => p, take)).toEqual({ kept: ['A'], result: { ok: true } });
  });

  it('lets an error that is not a refusal propagate', () => {
    expect(() => takeProbes(['a', 'crash'], (p) => p, take)).toThrow(RangeError);
  });
});
