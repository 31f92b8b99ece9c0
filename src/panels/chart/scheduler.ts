/**
 * One animation-frame callback for every panel of an app: work scheduled during a frame runs
 * once, at the next frame (scheduling the same task twice runs it once). Panels draw here, so
 * each draws at most once per frame however many probe frames arrived.
 */
export interface DrawScheduler {
  schedule(task: () => void): void;
  cancel(task: () => void): void;
}

export function createDrawScheduler(): DrawScheduler {
  const pending = new Set<() => void>();
  let requested = false;
  const flush = () => {
    requested = false;
    const tasks = [...pending];
    pending.clear();
    for (const task of tasks) task();
  };
  return {
    schedule(task) {
      pending.add(task);
      if (requested) return;
      requested = true;
      if (typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
      else setTimeout(flush, 16);
    },
    cancel(task) {
      pending.delete(task);
    },
  };
}
