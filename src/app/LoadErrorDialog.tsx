/** The dialog listing why a document could not be opened (JSON path: rule), one line each. */
import { useEffect, useRef } from 'react';
import { useUiStore } from '../store/index.ts';

export function LoadErrorDialog() {
  const report = useUiStore((s) => s.loadError);
  const dismiss = useUiStore((s) => s.dismissLoadError);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (report && !dialog.open) dialog.showModal();
    if (!report && dialog.open) dialog.close();
  }, [report]);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="load-error-title" onClose={dismiss} data-testid="load-error-dialog">
      {report && (
        <>
          <h2 id="load-error-title" className="dialog__title">
            Could not open {report.source}
          </h2>
          <p>The document was not changed. {report.errors.length === 1 ? 'One problem was' : `${report.errors.length} problems were`} found:</p>
          <ul className="dialog__errors">
            {report.errors.map((e, i) => (
              <li key={i}>
                <code className="dialog__path">{e.path}</code>: {e.message}
              </li>
            ))}
          </ul>
          <form method="dialog" className="dialog__actions">
            <button type="submit" className="button button--primary" autoFocus>
              Close
            </button>
          </form>
        </>
      )}
    </dialog>
  );
}
