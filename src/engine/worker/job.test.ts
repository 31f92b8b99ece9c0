/** A job's flag: stop, pause and resume as the worker sees them, and progress details never throttled away. */
import { describe, expect, it } from 'vitest';
import { checkStop, jobControl, newPaceFlag, newStopFlag, pacedJob, Pacer } from './job.ts';

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

/** A pacer on a fake clock: its rests advance the clock (and are recorded) instead of blocking. */
function fakePacer() {
  let clock = 0;
  const rests: number[] = [];
  const pacer = new Pacer(
    () => clock,
    (_flag, _percent, ms) => {
      rests.push(ms);
      clock += ms;
    },
  );
  return { pacer, rests, work: (ms: number) => void (clock += ms), now: () => clock };
}

describe('job pace (a duty cycle for the analysis worker)', () => {
  it('rests w·(100 − p)/p after each slice of w ms at p %, in waits of at most 100 ms', async () => {
    const { pacer, rests, work, now } = fakePacer();
    const pace = newPaceFlag();
    pace.set(25);
    await pacedJob(pacer, { stop: newStopFlag().buffer, pace: pace.buffer }, (job) => {
      for (let i = 0; i < 3; i++) {
        work(40); // a slice of 40 ms owes 120 ms of rest
        job.progress(i / 3);
      }
    });
    expect(rests).toEqual([100, 20, 100, 20, 100, 20]);
    expect(now()).toBe(3 * 40 + 3 * 120);
  });

  it('makes the next job rest what the last slice of the one before owes, less the idle time between them', async () => {
    const { pacer, rests, work } = fakePacer();
    const pace = newPaceFlag();
    pace.set(50);
    const handle = () => ({ stop: newStopFlag().buffer, pace: pace.buffer });
    await pacedJob(pacer, handle(), () => work(80)); // one slice (e.g. a PCA fit): 80 ms owed
    expect(rests).toEqual([]);
    work(30); // idle: 50 ms are left
    const ran = await pacedJob(pacer, handle(), (job) => {
      checkStop(job);
      return 'fit';
    });
    expect(ran).toBe('fit');
    expect(rests).toEqual([50]);
  });

  it('never rests at 100 %, and forgets what was owed when the pace goes back to 100 %', async () => {
    const { pacer, rests, work } = fakePacer();
    const pace = newPaceFlag();
    const handle = () => ({ stop: newStopFlag().buffer, pace: pace.buffer });
    await pacedJob(pacer, handle(), (job) => {
      work(500);
      job.pace();
    });
    expect(rests).toEqual([]);
    pace.set(10);
    await pacedJob(pacer, handle(), () => work(100)); // owes 900 ms
    pace.set(100);
    await pacedJob(pacer, handle(), (job) => job.pace());
    expect(rests).toEqual([]);
  });

  it('ends a rest when the job is cancelled, which then stops', async () => {
    const { pacer, rests, work } = fakePacer();
    const pace = newPaceFlag();
    pace.set(10);
    const stop = newStopFlag();
    const run = pacedJob(pacer, { stop: stop.buffer, pace: pace.buffer }, (job) => {
      work(100);
      stop.raise();
      checkStop(job);
    });
    await expect(run).rejects.toThrow('cancelled');
    expect(rests).toEqual([]);
  });

  it('does not pace a job without a shared pace flag', async () => {
    const { pacer, rests, work } = fakePacer();
    const flag = new Int32Array(new ArrayBuffer(4));
    flag[0] = 10;
    await pacedJob(pacer, { stop: new ArrayBuffer(4), pace: flag.buffer }, (job) => {
      work(100);
      job.pace();
    });
    expect(rests).toEqual([]);
  });
});
