import { describe, expect, it } from 'vitest';
import { formatBytes, TokenBucket } from './limits.ts';

describe('TokenBucket', () => {
  it('allows a burst, then refills at its rate up to its capacity', () => {
    let now = 0;
    const bucket = new TokenBucket(3, 2, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now = 499; // 0.998 tokens back
    expect(bucket.take()).toBe(false);
    now = 1000; // the 0.998 kept plus 1.002 refilled since 499 ms: two tokens
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
    now = 60_000; // never more than the capacity
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });
});

describe('formatBytes', () => {
  it('names sizes the way the refusals quote them', () => {
    expect([formatBytes(300), formatBytes(20_000), formatBytes(1 << 20), formatBytes(1_300_000)]).toEqual(['300 bytes', '20 kB', '1.0 MB', '1.2 MB']);
  });
});
