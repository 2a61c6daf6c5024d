/**
 * A modal dialog on the native `<dialog>` element: the browser traps focus and makes the
 * page behind inert; Escape closes it (through `onClose`, so the owner's state decides);
 * focus goes back where it was, or to `returnFocus` when that element is gone (a menu item
 * of a menu that closed). Mount it to open it, unmount it to close it.
 */
import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { Icon } from '../components/Icon';
import { useT } from '../i18n';

interface DialogProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** Where focus goes when the dialog closes and the element focused before it is gone. */
  readonly returnFocus?: RefObject<HTMLElement | null>;
  /** `alertdialog` for a question that needs an answer (a deletion, a conflict). */
  readonly role?: 'dialog' | 'alertdialog';
  readonly className?: string;
  /** The element to focus first (else the browser's choice: the first focusable one). */
  readonly initialFocus?: RefObject<HTMLElement | null>;
}

export function Dialog({ title, onClose, children, returnFocus, role, className, initialFocus }: DialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // A menu item that opened the dialog is gone by now (its menu closed): focus then sits on the body.
    const active = document.activeElement;
    const before = active instanceof HTMLElement && active !== document.body ? active : null;
    if (!dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // The fallback is read at close time on purpose: it is the element there is then.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      const target = before?.isConnected ? before : returnFocus?.current;
      target?.focus();
    };
    // Opened once per mount: the refs are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <dialog
      ref={ref}
      className={className ? `ws-dialog ${className}` : 'ws-dialog'}
      aria-labelledby={titleId}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      onCancel={(event) => {
        // Escape: the owner closes it (unmounting), so React's state and the element agree.
        event.preventDefault();
        onClose();
      }}
      // The browser may also close it without a cancel event (a second Escape with no user
      // activation in between): the owner must hear of that too, or it could not reopen it.
      onClose={(event) => {
        // A late close event of a dialog opened again since (React's development double mount) is not a close.
        if (!event.currentTarget.open) onClose();
      }}
    >
      <div className="ws-dialog-header">
        <h2 id={titleId} className="ws-dialog-title">
          {title}
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('workspace.dialog.close')} title={t('workspace.dialog.close')}>
          <Icon name="close" size={16} />
        </button>
      </div>
      {children}
    </dialog>
  );
}
