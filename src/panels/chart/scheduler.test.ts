import { describe, expect, it } from 'vitest';
import { createDrawScheduler } from './scheduler.ts';

/** A scheduler on a fake clock whose animation frames run when `frame(ms)` is called. */
function fakeFrames(minInterval: number) {
  let clock = 0;
  let queued: (() => void)[] = [];
  const scheduler = createDrawScheduler(
    () => minInterval,
    (flush) => queued.push(flush),
    () => clock,
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
