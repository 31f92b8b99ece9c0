/**
 * A modal dialog (native <dialog>): open while `open` is true; Escape or Close calls onClose.
 * Closing gives focus back to where it was when the dialog opened (the button, the canvas node).
 */
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

function restoreFocus(returnTo: { current: HTMLElement | null }): void {
  const el = returnTo.current;
  returnTo.current = null;
  if (el?.isConnected && (document.activeElement === document.body || document.activeElement === null)) el.focus({ preventScroll: true });
}

export function Dialog({ open, onClose, title, testId, children, actions, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
    if (!open) restoreFocus(returnTo);
  }, [open]);
  // Unmounted while open (its owner closed it by removing it): focus goes back all the same.
  useEffect(() => () => restoreFocus(returnTo), []);
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
