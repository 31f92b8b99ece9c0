/**
 * One animation-frame callback for every panel: work scheduled during a frame runs once, at the
 * next frame (scheduling the same task twice runs it once). Panels draw here, so each draws at
 * most once per frame however many probe frames arrived.
 */
const pending = new Set<() => void>();
let requested = false;

function flush(): void {
  requested = false;
  const tasks = [...pending];
  pending.clear();
  for (const task of tasks) task();
}

export function scheduleDraw(task: () => void): void {
  pending.add(task);
  if (requested) return;
  requested = true;
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
  else setTimeout(flush, 16);
}

export function cancelDraw(task: () => void): void {
  pending.delete(task);
}
