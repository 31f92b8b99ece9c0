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

/** A pacer on a fake clock: its rests (blocking or not) advance the clock and are recorded, instead of waiting. */
function fakePacer() {
  let clock = 0;
  const rests: number[] = [];
  const rest = (ms: number) => {
    rests.push(ms);
    clock += ms;
  };
  const pacer = new Pacer(
    () => clock,
    (_flag, _percent, ms) => rest(ms),
    async (_flag, _percent, ms) => rest(ms),
    async () => undefined,
  );
  return { pacer, rests, work: (ms: number) => void (clock += ms), now: () => clock };
}

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);

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

  it('runs a short job in the rests of a long one that awaits them, before the long one’s next slice', async () => {
    const { pacer, rests, work, now } = fakePacer();
    const pace = newPaceFlag();
    pace.set(25);
    const handle = () => ({ stop: newStopFlag().buffer, pace: pace.buffer });
    const order: string[] = [];
    let fit: Promise<string> | null = null;
    await pacedJob(pacer, handle(), async (job) => {
      for (let i = 0; i < 3; i++) {
        work(40);
        order.push(`eigenvalues ${i}`);
        // a PCA fit asked for during the first slice (a message the worker takes in the rest)
        if (i === 0) fit = pacedJob(pacer, handle(), () => (work(20), order.push('fit'), 'fit'), 'short');
        await job.rest();
      }
    });
    expect(await fit).toBe('fit');
    expect(order).toEqual(['eigenvalues 0', 'fit', 'eigenvalues 1', 'eigenvalues 2']);
    // the duty cycle holds over both jobs: 140 ms computed, 3 × 140 ms rested
    expect(sum(rests)).toBe(420);
    expect(now()).toBe(140 + 420);
  });

  it('a long job that rests blocking (job.pace) keeps its turn: the short job waits until it ends', async () => {
    const { pacer, work } = fakePacer();
    const pace = newPaceFlag();
    pace.set(25);
    const handle = () => ({ stop: newStopFlag().buffer, pace: pace.buffer });
    const order: string[] = [];
    let fit: Promise<unknown> | null = null;
    await pacedJob(pacer, handle(), (job) => {
      for (let i = 0; i < 3; i++) {
        work(40);
        order.push(`training ${i}`);
        if (i === 0) fit = pacedJob(pacer, handle(), () => order.push('fit'), 'short');
        job.pace();
      }
    });
    await fit;
    expect(order).toEqual(['training 0', 'training 1', 'training 2', 'fit']);
  });

  it('gives the turn to a cancelled job first, then alternates short and long jobs (short first), each in order of arrival', async () => {
    const { pacer, work } = fakePacer();
    const pace = newPaceFlag();
    pace.set(50);
    const handle = (stop = newStopFlag()) => ({ stop: stop.buffer, pace: pace.buffer });
    const order: string[] = [];
    const cancelled = newStopFlag();
    const others: Promise<unknown>[] = [];
    await pacedJob(pacer, handle(), async (job) => {
      work(40);
      order.push('eigenvalues 0');
      others.push(pacedJob(pacer, handle(), () => order.push('training'), 'long'));
      others.push(pacedJob(pacer, handle(), () => order.push('fit'), 'short'));
      others.push(pacedJob(pacer, handle(), () => order.push('measure'), 'short'));
      others.push(pacedJob(pacer, handle(cancelled), (j) => checkStop(j), 'long').catch((e: Error) => order.push(e.message)));
      cancelled.raise();
      await job.rest();
      order.push('eigenvalues 1');
    });
    await Promise.all(others);
    expect(order).toEqual(['eigenvalues 0', 'cancelled', 'fit', 'training', 'measure', 'eigenvalues 1']);
  });

  it('at 100 % a long job that awaits its rests still lets a short job in between two slices, without resting', async () => {
    const { pacer, rests, work } = fakePacer();
    const handle = () => ({ stop: newStopFlag().buffer, pace: newPaceFlag().buffer });
    const order: string[] = [];
    await pacedJob(pacer, handle(), async (job) => {
      work(40);
      order.push('eigenvalues 0');
      void pacedJob(pacer, handle(), () => order.push('fit'), 'short');
      await job.rest();
      order.push('eigenvalues 1');
    });
    expect(order).toEqual(['eigenvalues 0', 'fit', 'eigenvalues 1']);
    expect(rests).toEqual([]);
  });

  it('a stream of short jobs does not starve a long one that awaits its rests', async () => {
    const { pacer, work } = fakePacer();
    const pace = newPaceFlag();
    pace.set(25);
    const handle = () => ({ stop: newStopFlag().buffer, pace: pace.buffer });
    const order: string[] = [];
    // the AIS panel asks for the next measure as soon as one is done: it arrives while the worker rests, before the long job's turn
    const stream: Promise<unknown>[] = [];
    const measure = (k: number) =>
      pacedJob(
        pacer,
        handle(),
        () => {
          work(10);
          order.push(`measure ${k}`);
          if (k < 5) stream.push(measure(k + 1));
        },
        'short',
      );
    await pacedJob(pacer, handle(), async (job) => {
      for (let i = 0; i < 3; i++) {
        work(40);
        order.push(`eigenvalues ${i}`);
        if (i === 0) stream.push(measure(1));
        await job.rest();
      }
    });
    while (stream.length < 5) await Promise.all(stream);
    await Promise.all(stream);
    expect(order.slice(0, 6)).toEqual(['eigenvalues 0', 'measure 1', 'eigenvalues 1', 'measure 2', 'eigenvalues 2', 'measure 3']);
  });
});
