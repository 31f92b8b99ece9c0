/** A job's flag: stop, pause and resume as the worker sees them, and progress details never throttled away. */
import { describe, expect, it } from 'vitest';
import { jobControl, newStopFlag } from './job.ts';

describe('job flags', () => {
  it('pauses and resumes a shared flag; a stop wins over a pause and stays', () => {
    const flag = newStopFlag();
    expect(flag.shared).toBe(true);
    const job = jobControl({ stop: flag.buffer });
    const state = () => new Int32Array(flag.buffer)[0];
    expect(flag.pause(true)).toBe(true);
    expect(state()).toBe(2);
    expect(job.signal.aborted).toBe(false);
    expect(flag.pause(false)).toBe(true);
    expect(state()).toBe(0);
    job.waitWhilePaused(); // running: returns at once
    flag.pause(true);
    flag.raise();
    expect(job.signal.aborted).toBe(true);
    job.waitWhilePaused(); // stopped: returns at once
    flag.pause(false);
    expect(job.signal.aborted).toBe(true);
  });

  it('sends every report that carries a detail, throttles plain ones', () => {
    const got: [number, unknown][] = [];
    const job = jobControl({ stop: new ArrayBuffer(4), progress: (f, _t, d) => got.push([f, d]) });
    job.progress(0.1);
    job.progress(0.2); // within 100 ms of the last: dropped
    job.progress(0.3, 'epoch', { epoch: 1 });
    job.progress(0.4, 'epoch', { epoch: 2 });
    expect(got).toEqual([
      [0.1, undefined],
      [0.3, { epoch: 1 }],
      [0.4, { epoch: 2 }],
    ]);
  });
});
