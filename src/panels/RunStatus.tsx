/**
 * The run's status line: the current step, simulated time and steps/s (written into the DOM on
 * the animation-frame scheduler, not through React), and the divergence, error or live-edit
 * notice (React, they change rarely).
 */
import { useEffect, useRef } from 'react';
import { useSimulationStore } from '../store/index.ts';
import { usePanelRuntime } from './panelRuntime.ts';
import { clockText } from './types/common.ts';

export function RunStatus() {
  const status = useSimulationStore((s) => s.status);
  const divergence = useSimulationStore((s) => s.divergence);
  const error = useSimulationStore((s) => s.error);
  const notice = useSimulationStore((s) => s.notice);
  const loading = useSimulationStore((s) => s.loading);
  return (
    <div className="run-status" aria-live="polite" data-status={status} data-testid="run-status">
      <LiveClock running={status === 'running'} />
      {loading && (
        <span className="run-status__loading" data-testid="run-loading">
          {loading.text}… {Math.round(100 * loading.fraction)} %
        </span>
      )}
      {divergence && (
        <span className="run-status__problem" role="alert" data-testid="divergence">
          Diverged: node “{divergence.node}” at step {divergence.step} — {divergence.message}. The plots keep the last finite values; Reset to start again.
        </span>
      )}
      {error && (
        <span className="run-status__problem" role="alert" data-testid="run-error">
          Could not run: {error}
        </span>
      )}
      {notice && !divergence && (
        <span className="run-status__notice" data-testid="live-notice">
          {notice}
        </span>
      )}
    </div>
  );
}

function LiveClock({ running }: { running: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  const { context, scheduler } = usePanelRuntime();
  useEffect(() => {
    const { live } = context;
    const task = () => {
      const el = ref.current;
      if (!el) return;
      const rate = running && live.stepsPerSecond > 0 ? ` · ${Math.round(live.stepsPerSecond).toLocaleString('en')} steps/s` : '';
      el.textContent = `${clockText(context.doc(), live.t)}${rate}`;
      el.dataset.step = String(live.t);
    };
    task();
    const unsubscribe = live.subscribe(() => scheduler.schedule(task));
    return () => {
      unsubscribe();
      scheduler.cancel(task);
    };
  }, [running, context, scheduler]);
  return <span ref={ref} className="run-status__clock" data-testid="run-clock" />;
}
