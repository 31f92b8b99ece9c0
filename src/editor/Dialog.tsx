/** A modal dialog (native <dialog>): open while `open` is true; Escape or Close calls onClose. */
import { useEffect, useRef, type ReactNode } from 'react';

export interface DialogProps {
  open: boolean;
  onClose(): void;
  title: string;
  testId: string;
  children: ReactNode;
  /** Extra buttons before Close. */
  actions?: ReactNode;
  wide?: boolean;
}

export function Dialog({ open, onClose, title, testId, children, actions, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const titleId = `${testId}-title`;
  return (
    <dialog ref={ref} className={`dialog${wide ? ' dialog--wide' : ''}`} aria-labelledby={titleId} onClose={onClose} data-testid={testId}>
      {open && (
        <>
          <h2 id={titleId} className="dialog__title dialog__title--plain">
            {title}
          </h2>
          {children}
          <div className="dialog__actions">
            {actions}
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
