import { describe, expect, it } from 'vitest';
import { SplitStats } from './split-stats.ts';

/** Runs `calls` decisions, timing a split call with `two(call)` ms and a one-thread call with `one(call)` ms; returns the decisions. */
function drive(st: SplitStats, calls: number, one: (c: number) => number, two: (c: number) => number): boolean[] {
  const decisions: boolean[] = [];
  for (let c = 1; c <= calls; c++) {
    const split = st.next();
    decisions.push(split);
    st.record(split, split ? two(c) : one(c));
  }
  return decisions;
}

describe('whether to split a product between two threads', () => {
  it('keeps splitting when it is faster, though single split calls are 40× slower now and then', () => {
    const st = new SplitStats();
    // one thread 0.22 ms; split 0.12 ms, but every 10th split call waits 5 ms for the helper
    const d = drive(st, 1000, () => 0.22, (c) => (c % 10 === 0 ? 5 : 0.12));
    const afterProbe = d.slice(SplitStats.PROBE);
    expect(afterProbe.filter(Boolean).length / afterProbe.length).toBeGreaterThan(0.95);
    expect(st.two).toBeLessThan(st.one);
  });

  it('stops splitting when it is slower, and retries it in short bursts', () => {
    const st = new SplitStats();
    const d = drive(st, 1024, () => 0.1, () => 0.3);
    const afterProbe = d.slice(SplitStats.PROBE);
    const splits = afterProbe.filter(Boolean).length;
    // only the bursts: BURST calls every REPROBE calls
    expect(splits).toBeLessThanOrEqual(Math.ceil(1024 / SplitStats.REPROBE) * SplitStats.BURST);
    expect(splits).toBeGreaterThan(0);
  });

  it('follows a change: splitting becomes faster later (the machine got quieter)', () => {
    const st = new SplitStats();
    drive(st, 400, () => 0.1, () => 0.3);
    // the bursts refresh the split median (7 calls) within two bursts; from then on it splits,
    // but for the bursts that now try one thread
    const later = drive(st, 600, () => 0.2, () => 0.1);
    const last = later.slice(-200);
    expect(last.filter(Boolean).length).toBeGreaterThanOrEqual(200 - 2 * SplitStats.BURST);
  });
});
