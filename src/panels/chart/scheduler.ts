/**
 * One animation-frame callback for every panel of an app: work scheduled during a frame runs
 * once, at the next frame (scheduling the same task twice runs it once). Panels draw here, so
 * each draws at most once per frame however many probe frames arrived.
 *
 * Live redraws can be spaced out: `minInterval(cost)` (milliseconds, read at each frame) is the
 * least time between two flushes of live work, given what the last flushes cost (`cost`, ms of
 * wall-clock time from the start of a flush until its frame has been laid out and painted,
 * smoothed). A running network at full speed asks for it, since every redraw of a chart is laid
 * out and rasterised on the CPUs the stepping worker needs; urgent work (a reset, a new network,
 * a resize) still runs at the next frame.
 */
import { nextTask } from '../../common/next-task.ts';

export interface DrawScheduler {
  /** Runs `task` at the next flush; `urgent`: at the next animation frame, not spaced out. */
  schedule(task: () => void, urgent?: boolean): void;
  cancel(task: () => void): void;
}

type FrameRequest = (flush: () => void) => void;

const animationFrame: FrameRequest = (flush) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
  else setTimeout(flush, 16);
};

/**
 * Runs `done` once the current frame has been rendered: a message posted from an animation-frame
 * callback is handled after that frame's style, layout and paint.
 */
const afterFrame: FrameRequest = nextTask;

/** Weight of the newest flush in the smoothed cost (an exponential moving average). */
const COST_SMOOTHING = 0.3;

export function createDrawScheduler(
  minInterval: (cost: number) => number = () => 0,
  request: FrameRequest = animationFrame,
  now: () => number = () => performance.now(),
  rendered: FrameRequest = afterFrame,
): DrawScheduler {
  const pending = new Set<() => void>();
  let requested = false;
  let urgent = false;
  let lastFlush = -Infinity;
  let cost = 0;
  const flush = () => {
    if (!urgent && now() - lastFlush < minInterval(cost)) {
      request(flush); // too soon after the last flush: look again at the next frame
      return;
    }
    requested = false;
    urgent = false;
    const start = now();
    lastFlush = start;
    const tasks = [...pending];
    pending.clear();
    for (const task of tasks) task();
    if (tasks.length > 0)
      rendered(() => {
        cost += COST_SMOOTHING * (now() - start - cost);
      });
  };
  return {
    schedule(task, isUrgent = false) {
      pending.add(task);
      urgent ||= isUrgent;
      if (requested) return;
      requested = true;
      request(flush);
    },
    cancel(task) {
      pending.delete(task);
    },
  };
}
