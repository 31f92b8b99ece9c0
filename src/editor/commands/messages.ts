/** Messages the editor shows after a command, in words a student can follow. */
import type { ZeroDelayLoop } from '../../model/index.ts';

/** Why a new edge got delay 1: the compiler's rule for loops of delay-0 edges. */
export function autoDelayMessage(edgeId: string, source: string, target: string, loop: ZeroDelayLoop): string {
  const what = source === target ? `The self-loop ${edgeId} on ${source}` : `Edge ${edgeId} (${source} → ${target}) closes the loop ${loop.nodes.join(' → ')}, which`;
  const tail = source === target ? ' would read its own output of the same step' : ' would have no delay';
  return `${what}${tail}, so it was given a delay of 1 step (z⁻¹): it reads the previous step's value. Every loop needs a delay, or the update order of one step would be undefined.`;
}
