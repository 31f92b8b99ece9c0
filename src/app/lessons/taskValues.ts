/**
 * Task results for lesson checks (checks.ts, TaskQuantity): the last Train or Memory-capacity
 * result, only while it belongs to the open network (an edit since makes it stale: undecided).
 */
import type { GraphDocument } from '../../model/index.ts';
import { isStale, type AppStores } from '../../store/index.ts';
import type { TaskQuantity } from './checks.ts';

export function taskValue(stores: Pick<AppStores, 'tasks'>, q: TaskQuantity, doc: GraphDocument): number | null {
  const results = stores.tasks.getState();
  if (q.task === 'memory-capacity') {
    const r = results.memoryCapacity;
    if (!r || !r.reply.ok || isStale(r, doc) || r.reply.options.node !== q.node) return null;
    return r.reply.mc;
  }
  const r = results.train;
  if (!r || !r.reply.ok || isStale(r, doc)) return null;
  return r.reply.readouts[q.readout]?.[q.task] ?? null;
}
