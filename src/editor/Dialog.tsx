/**
 * A modal dialog (native <dialog>): open while `open` is true; Escape or Close calls onClose.
 * Closing gives focus back to where it was when the dialog opened (the button, the canvas node).
 */
import { useEffect, useRef, type ReactNode } from 'react';

/** A button of the dialog's action row. */
export interface DialogAction {
  text: string;
  onClick(): void;
  /** The tooltip: what the action does. */
  title?: string;
  testId?: string;
  /** The dialog's main action (drawn as the primary button). */
  primary?: boolean;
  disabled?: boolean;
}

export interface DialogProps {
  open: boolean;
  onClose(): void;
  title: string;
  testId: string;
  children: ReactNode;
  /** Extra buttons before Close: described (drawn alike), or as elements for anything else (a form's submit button). */
  actions?: ReactNode | readonly DialogAction[];
  wide?: boolean;
}

function ActionButton({ action }: { action: DialogAction }) {
  return (
    <button type="button" className={`button${action.primary ? ' button--primary' : ''}`} title={action.title} data-testid={action.testId} disabled={action.disabled} onClick={action.onClick}>
      {action.text}
    </button>
  );
}

const isActionList = (actions: DialogProps['actions']): actions is readonly DialogAction[] => Array.isArray(actions);

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
            {isActionList(actions) ? actions.map((a, i) => <ActionButton key={i} action={a} />) : actions}
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
