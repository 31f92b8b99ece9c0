/** The editor's messages (auto-delay rule, paste problems, restore notes), read out politely. */
import { useEditorStore } from '../store/index.ts';

export function Toasts() {
  const toasts = useEditorStore((s) => s.toasts);
  const dismiss = useEditorStore((s) => s.dismissToast);
  return (
    <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast--${t.tone}`} data-testid="toast">
          <p className="toast__text">{t.message}</p>
          {t.action && (
            <button type="button" className="button" onClick={t.action.run}>
              {t.action.label}
            </button>
          )}
          <button type="button" className="button button--icon toast__close" aria-label="Dismiss message" onClick={() => dismiss(t.id)}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
    </div>
  );
}
