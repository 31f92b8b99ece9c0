import { describe, expect, it } from 'vitest';
import { createDrawScheduler } from './scheduler.ts';

/**
 * A scheduler on a fake clock whose animation frames run when `frame(ms)` is called; rendering a
 * frame after a flush takes `renderMs` of the clock.
 */
function fakeFrames(minInterval: number | ((cost: number) => number), renderMs = 0) {
  let clock = 0;
  let queued: (() => void)[] = [];
  const scheduler = createDrawScheduler(
    typeof minInterval === 'number' ? () => minInterval : minInterval,
    (flush) => queued.push(flush),
    () => clock,
    (done) => {
      clock += renderMs;
      done();
    },
  );
  const frame = (ms = 16) => {
    clock += ms;
    const due = queued;
    queued = [];
    for (const flush of due) flush();
  };
  return { scheduler, frame, pendingFrames: () => queued.length };
}

describe('draw scheduler', () => {
  it('runs a task scheduled several times in one frame once, at the next frame', () => {
    const { scheduler, frame } = fakeFrames(0);
    let runs = 0;
    const task = () => runs++;
    scheduler.schedule(task);
    scheduler.schedule(task);
    expect(runs).toBe(0);
    frame();
    expect(runs).toBe(1);
    frame();
    expect(runs).toBe(1);
  });

  it('spaces live flushes by the minimum interval, looking again at each frame', () => {
    const { scheduler, frame, pendingFrames } = fakeFrames(50);
    const at: number[] = [];
    let t = 0;
    const task = () => at.push(t);
    for (let i = 0; i < 12; i++) {
      t += 16;
      scheduler.schedule(task);
      frame(16);
    }
    // frames at 16, 32, …, 192 ms: a flush at 16, then the first frame ≥ 50 ms after each
    expect(at).toEqual([16, 80, 144]);
    expect(pendingFrames()).toBe(1);
  });

  it('runs urgent work at the next frame, and live work waiting with it', () => {
    const { scheduler, frame } = fakeFrames(50);
    const runs: string[] = [];
    const live = () => runs.push('live');
    const reset = () => runs.push('reset');
    scheduler.schedule(live);
    frame(16);
    scheduler.schedule(live);
    frame(16);
    expect(runs).toEqual(['live']);
    scheduler.schedule(reset, true);
    frame(16);
    expect(runs).toEqual(['live', 'live', 'reset']);
  });

  it('gives the interval the smoothed cost of the last flushes, from flush start to rendered frame', () => {
    const costs: number[] = [];
    // every flush is rendered 10 ms after it starts; the interval asked for is 20 × the cost
    const { scheduler, frame } = fakeFrames((cost) => {
      costs.push(cost);
      return 20 * cost;
    }, 10);
    const at: number[] = [];
    let t = 0;
    const task = () => at.push(t);
    for (let i = 0; i < 40; i++) {
      t += 16;
      scheduler.schedule(task);
      frame(16);
    }
    // the cost rises towards 10 ms as 0.3 of each new flush's cost is taken in: 0, 3, 5.1, 6.57, …
    const seen = [...new Set(costs.map((c) => +c.toFixed(2)))];
    expect(seen.slice(0, 4)).toEqual([0, 3, 5.1, 6.57]);
    // so the flushes grow further apart: each gap is at least 20 × the cost known when it was asked for
    const gaps = at.slice(1).map((x, i) => x - at[i]);
    expect(gaps[0]).toBeGreaterThanOrEqual(16);
    expect(gaps.at(-1)).toBeGreaterThanOrEqual(20 * 6.57);
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
  });

  it('drops a cancelled task', () => {
    const { scheduler, frame } = fakeFrames(0);
    let runs = 0;
    const task = () => runs++;
    scheduler.schedule(task);
    scheduler.cancel(task);
    frame();
    expect(runs).toBe(0);
  });
});
