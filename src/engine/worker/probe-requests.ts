/**
 * What the stepping worker answers when the page names probes to record (subscriptions,
 * projections, windows kept for measures): every probe it can record is taken, and every one it
 * cannot (no such node, variable or unit) is refused by name with the reason, so one bad probe
 * never drops the others.
 */
import { ProbeError } from '../probes.ts';
import type { SubscribeResult } from './protocol.ts';

/**
 * `take` turns each request into what the session keeps (throwing ProbeError for a probe it
 * cannot record); `probeOf` names a request in the refusal. Other errors are not a refusal: they propagate.
 */
export function takeProbes<R, K>(requests: readonly R[], probeOf: (request: R) => string, take: (request: R) => K): { kept: K[]; result: SubscribeResult } {
  const errors: Record<string, string> = {};
  const kept: K[] = [];
  for (const request of requests) {
    try {
      kept.push(take(request));
    } catch (err) {
      if (!(err instanceof ProbeError)) throw err;
      errors[probeOf(request)] = err.message;
    }
  }
  return { kept, result: Object.keys(errors).length === 0 ? { ok: true } : { ok: false, errors } };
}
