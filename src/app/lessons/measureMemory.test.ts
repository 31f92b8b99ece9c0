import { beforeEach, describe, expect, it } from 'vitest';
import type { MeasureReply, MeasureRequest } from '../../engine/worker/protocol.ts';
import type { MeasuredQuantity } from './checks.ts';
import { createLessonMeasurementsStore } from '../../store/lessonMeasurements.ts';
import { createMeasureMemory, describeQuantity, MEASURE_INTERVAL, quantityKey, requestOf, type MemorySources } from './measureMemory.ts';

const q: MeasuredQuantity = { measure: 'ais', probe: 'res', estimator: 'ksg', k: 2, units: [0, 1, 2, 3], window: 100, washout: 20 };

/** A reply of the engine's shape for a window of `steps` ending at step t. */
function reply(t: number, mean: number, steps = q.window): MeasureReply {
  return { ok: true, t, firstStep: t - steps + 1, steps, mean, units: 'nats', unitIndex: new Int32Array(0), averages: new Float64Array(0), locals: null, truncated: 0, elapsedMs: 1 };
}

/** A fake app: a step counter, a change step, a document, and measure requests the test answers by hand. */
function fakeApp() {
  const app = {
    t: 0,
    changedAt: 0,
    clock: 0,
    doc: { nodes: [], edges: [], seed: 1 } as unknown,
    retained: [] as string[],
    released: 0,
    asked: [] as { key: string; request: MeasureRequest; answer(r: MeasureReply | null): Promise<void> }[],
  };
  const src: MemorySources = {
    t: () => app.t,
    changedAt: () => app.changedAt,
    doc: () => app.doc,
    now: () => app.clock,
    retain(probe, window) {
      app.retained.push(`${probe}:${window}`);
      return () => void app.released++;
    },
    measure: (key, request) =>
      new Promise((resolve) => {
        app.asked.push({
          key,
          request,
          async answer(r) {
            resolve(r);
            await new Promise((done) => setTimeout(done, 0));
          },
        });
      }),
  };
  return { app, src };
}

let useLessonMeasurements = createLessonMeasurementsStore();
beforeEach(() => {
  useLessonMeasurements = createLessonMeasurementsStore();
});

describe('the measure memory of a lesson', () => {
  it('retains each probe once, and asks only after washout + window steps since the change', () => {
    const { app, src } = fakeApp();
    const memory = createMeasureMemory([q, { ...q }], src, useLessonMeasurements);
    expect(app.retained).toEqual(['res:100']);
    app.t = 119;
    memory.poll();
    expect(app.asked).toHaveLength(0);
    app.t = 120;
    memory.poll();
    expect(app.asked).toHaveLength(1);
    expect(app.asked[0].request).toEqual(requestOf(q));
    expect(app.asked[0].request.spec).toMatchObject({ measure: 'ais', estimator: 'ksg', k: 2 });
    memory.dispose();
    expect(app.released).toBe(1);
  });

  it('remembers a settled value with its document, at most once a second and once per step', async () => {
    const { app, src } = fakeApp();
    const memory = createMeasureMemory([q], src, useLessonMeasurements);
    app.t = 500;
    memory.poll();
    await app.asked[0].answer(reply(500, 1.25));
    expect(memory.measurements(q)).toEqual([{ doc: app.doc, value: 1.25 }]);
    expect(useLessonMeasurements.getState().byKey[quantityKey(q)]).toHaveLength(1);
    app.t = 600;
    memory.poll();
    expect(app.asked).toHaveLength(1); // less than a second later
    app.clock += MEASURE_INTERVAL;
    memory.poll();
    expect(app.asked).toHaveLength(2);
    await app.asked[1].answer(reply(600, 1.5));
    app.clock += MEASURE_INTERVAL;
    memory.poll();
    expect(app.asked).toHaveLength(2); // paused: no new steps
    expect(memory.measurements(q).map((m) => m.value)).toEqual([1.25, 1.5]);
  });

  it('drops values whose window reaches into the washout, or whose network changed while measuring', async () => {
    const { app, src } = fakeApp();
    const memory = createMeasureMemory([q], src, useLessonMeasurements);
    app.t = 500;
    memory.poll();
    await app.asked[0].answer(reply(500, 9, 50)); // fewer steps than the window
    app.t = 520;
    app.clock += MEASURE_INTERVAL;
    memory.poll();
    app.changedAt = 410; // a reset-and-run of the same document: the window starts in the washout
    await app.asked[1].answer(reply(520, 9));
    app.changedAt = 0;
    app.t = 540;
    app.clock += MEASURE_INTERVAL;
    memory.poll();
    app.changedAt = 450; // an edit while the request was in the worker
    app.doc = { nodes: [1], edges: [], seed: 1 };
    await app.asked[2].answer(reply(540, 9));
    app.t = 569;
    app.clock += MEASURE_INTERVAL;
    memory.poll();
    expect(app.asked).toHaveLength(3); // 120 steps after the change are not there yet
    app.t = 570;
    memory.poll();
    await app.asked[3].answer(reply(570, 0.5));
    expect(memory.measurements(q)).toEqual([{ doc: app.doc, value: 0.5 }]);
  });

  it('ignores failed, stale and non-finite replies, and forgets everything on clear', async () => {
    const { app, src } = fakeApp();
    const memory = createMeasureMemory([q], src, useLessonMeasurements);
    const ask = async (r: MeasureReply | null) => {
      app.t += 200;
      app.clock += MEASURE_INTERVAL;
      memory.poll();
      await app.asked.at(-1)!.answer(r);
    };
    await ask(null);
    await ask({ ok: false, error: 'no steps', waiting: true });
    await ask(reply(app.t + 200, NaN));
    expect(memory.measurements(q)).toEqual([]);
    await ask(reply(app.t + 200, 0.3));
    expect(memory.measurements(q)).toHaveLength(1);
    app.t += 200;
    app.clock += MEASURE_INTERVAL;
    memory.poll();
    memory.clear(); // another network opened while this one was measured
    await app.asked.at(-1)!.answer(reply(app.t, 0.7));
    expect(memory.measurements(q)).toEqual([]);
  });

  it('describes what it measures for the student', () => {
    expect(describeQuantity(q)).toBe('mean AIS of res units 0–3 (KSG, k = 2, 100 steps), nats');
    expect(describeQuantity({ ...q, units: [2, 5], estimator: 'discrete' })).toBe('mean AIS of res units 2, 5 (discrete, k = 2, 100 steps), bits');
  });
});
