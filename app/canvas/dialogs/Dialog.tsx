/**
 * A small modal dialog of the builder: a native `<dialog>` (focus kept inside, Escape
 * closes, focus returns where it was), a title, the fields, an error for the form as a
 * whole, Cancel and a primary button.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../../i18n';

export interface DialogProps {
  readonly title: string;
  readonly submitLabel: string;
  /** Says what went wrong when it belongs to no field. */
  readonly error?: string | null;
  /** Without it, the dialog only informs: one button closes it. */
  readonly onSubmit?: () => void;
  readonly onClose: () => void;
  readonly children: ReactNode;
}

export function Dialog({ title, submitLabel, error, onSubmit, onClose, children }: DialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const closed = () => closeRef.current();
    dialog.addEventListener('close', closed);
    return () => {
      dialog.removeEventListener('close', closed);
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog ref={ref} className="builder-dialog" aria-labelledby={titleId}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (onSubmit) onSubmit();
          else ref.current?.close();
        }}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <div className="dialog-body">{children}</div>
        {error ? (
          <p className="dialog-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          {onSubmit ? (
            <button type="button" className="button secondary small" onClick={() => ref.current?.close()}>
              {t('builder.cancel')}
            </button>
          ) : null}
          <button type="submit" className="button primary small">
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
