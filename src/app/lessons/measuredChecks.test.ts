/**
 * The measured checks of the edge-of-chaos lesson against the real engine: a student's session is
 * replayed in the code behind the worker (change ρ or the input weights live, run, measure), and
 * the lesson's steps are judged on the values the app's own requests return.
 */
import { measureOn } from '../../engine/worker/measure-requests.ts';
import type { EngineSession as Session } from '../../engine/worker/session.ts';
import type { MeasureRequest } from '../../engine/worker/protocol.ts';
import { describe, expect, it } from 'vitest';
import { EngineSession } from '../../engine/worker/session.ts';
import { presetRaw, rawEdgeParams, valid } from '../../test-support/docs.ts';
import { evaluate, quantitiesIn, type Measurement, type Predicate } from './checks.ts';
import { aisAt, lessonChecks } from './lessonChecks.ts';
import { requestOf } from './measureMemory.ts';

const steps = lessonChecks['edge-of-chaos'];
const quantity = quantitiesIn(steps[1])[0];

/** Runs the preset with `seed`, visiting each setting (ρ, input ±) in turn; returns what the app would remember. */
async function session(seed: number, settings: [rho: number, input: number][]): Promise<Measurement[]> {
  const raw = presetRaw('edge-of-chaos');
  raw.seed = seed;
  const engine = new EngineSession();
  await engine.load(valid(raw));
  await engine.retain([{ probe: quantity.probe, window: quantity.window }]);
  const remembered: Measurement[] = [];
  for (const [rho, input] of settings) {
    rawEdgeParams(raw, 'rec').spectralRadius = rho;
    Object.assign(rawEdgeParams(raw, 'in').weight, { low: -input, high: input });
    const doc = valid(structuredClone(raw));
    expect((await engine.update(doc)).ok).toBe(true);
    engine.advanceSync(quantity.washout + quantity.window);
    const reply = await answerMeasure(engine, requestOf(quantity));
    if (!reply.ok) throw new Error(reply.error);
    remembered.push({ doc, value: reply.mean });
  }
  return remembered;
}

async function answerMeasure(session: Session, request: MeasureRequest) {
  const w = await session.engineLink().measureWindows(request, session.networkVersion);
  if (!w.ok) throw new Error(w.error);
  return 'target' in w.value ? measureOn(w.value, request) : w.value;
}

const judge = (p: Predicate, list: Measurement[]) => evaluate(p, { doc: list.at(-1)!.doc, trace: () => null, measurements: () => list });

describe('edge-of-chaos: the measured steps on the real engine', () => {
  it('the preset as written: AIS jumps tenfold from ρ = 0.95 to 1.25, falls below a quarter at ρ = 2; strong input moves the peak past 1.25', async () => {
    const weak = await session(2012, [[0.95, 0.1], [1.25, 0.1], [2, 0.1]]);
    expect(judge(steps[1], weak.slice(0, 1))).toBeNull(); // one value is not a jump yet
    expect(judge(steps[1], weak)).toBe(true);
    expect(judge(steps[2], weak)).toBe(true);
    expect(judge(steps[3], weak)).toBeNull(); // not measured with input ±0.5
    const strong = await session(2012, [[1.25, 0.5], [1.4, 0.5]]);
    expect(judge(steps[3], strong)).toBe(true);
    console.log(`edge-of-chaos (units 0–7): ${[...weak, ...strong].map((m) => m.value.toFixed(3)).join(', ')} nats`);
  }, 60_000);

  it('does not tick what the network does not show', async () => {
    // With the weak input the AIS at ρ = 1.4 is no higher than at 1.25: step 3's comparison fails there.
    const weak = await session(2012, [[1.25, 0.1], [1.4, 0.1]]);
    expect(judge({ ratio: [aisAt(1.4, 0.1), aisAt(1.25, 0.1)], op: '>=', value: 1.2 }, weak)).toBe(false);
    // Another seed's reservoir jumps less than tenfold: step 1 stays open.
    const reseeded = await session(1, [[0.95, 0.1], [1.25, 0.1]]);
    expect(judge(steps[1], reseeded)).toBe(false);
  }, 60_000);
});
