/** The workspace menu's dialogs: a name to give (new, rename) and a deletion to confirm. */
import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import { cleanName, NAME_MAX_LENGTH } from '../persist/records';
import { Dialog } from './Dialog';

/** Runs `action` and says why when it fails; the dialog stays open then. */
function useRunning() {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>, done: () => void) => {
    setRunning(true);
    setError(null);
    try {
      await action();
      done();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setRunning(false);
    }
  };
  return { running, error, run };
}

interface NameDialogProps {
  readonly title: string;
  readonly body?: string;
  readonly initialName: string;
  readonly confirm: string;
  readonly onConfirm: (name: string) => Promise<unknown>;
  readonly onClose: () => void;
  readonly returnFocus: RefObject<HTMLElement | null>;
}

export function NameDialog({ title, body, initialName, confirm, onConfirm, onClose, returnFocus }: NameDialogProps) {
  const t = useT();
  const fieldId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(initialName);
  const [invalid, setInvalid] = useState(false);
  const { running, error, run } = useRunning();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const clean = cleanName(name);
    if (!clean) {
      setInvalid(true);
      input.current?.focus();
      return;
    }
    void run(() => onConfirm(clean), onClose);
  };

  return (
    <Dialog title={title} onClose={onClose} returnFocus={returnFocus} initialFocus={input}>
      <form className="ws-dialog-body" onSubmit={submit} noValidate>
        {body ? <p className="muted">{body}</p> : null}
        <label className="ws-field" htmlFor={fieldId}>
          <span>{t('workspace.dialog.name')}</span>
          <input
            ref={input}
            id={fieldId}
            type="text"
            value={name}
            maxLength={NAME_MAX_LENGTH}
            autoComplete="off"
            aria-invalid={invalid}
            aria-describedby={invalid ? errorId : undefined}
            onChange={(event) => {
              setName(event.target.value);
              setInvalid(false);
            }}
            onFocus={(event) => event.target.select()}
          />
        </label>
        {invalid ? (
          <p id={errorId} className="ws-field-error">
            {t('workspace.dialog.nameRequired')}
          </p>
        ) : null}
        {error ? <ErrorLine message={t('workspace.dialog.failed', { message: error })} /> : null}
        <div className="ws-dialog-actions">
          <button type="button" className="button secondary" onClick={onClose}>
            {t('workspace.dialog.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={running}>
            {confirm}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface ConfirmDeleteProps {
  readonly name: string;
  readonly isOpen: boolean;
  readonly onConfirm: () => Promise<unknown>;
  readonly onClose: () => void;
  readonly returnFocus: RefObject<HTMLElement | null>;
}

export function ConfirmDeleteDialog({ name, isOpen, onConfirm, onClose, returnFocus }: ConfirmDeleteProps) {
  const t = useT();
  const cancel = useRef<HTMLButtonElement>(null);
  const { running, error, run } = useRunning();
  return (
    <Dialog title={t('workspace.dialog.deleteTitle', { name })} onClose={onClose} returnFocus={returnFocus} role="alertdialog" initialFocus={cancel}>
      <div className="ws-dialog-body">
        <p>{t('workspace.dialog.deleteBody')}</p>
        {isOpen ? <p className="muted">{t('workspace.dialog.deleteOpenBody')}</p> : null}
        {error ? <ErrorLine message={t('workspace.dialog.failed', { message: error })} /> : null}
        <div className="ws-dialog-actions">
          <button ref={cancel} type="button" className="button secondary" onClick={onClose}>
            {t('workspace.dialog.cancel')}
          </button>
          <button type="button" className="button danger" disabled={running} onClick={() => void run(onConfirm, onClose)}>
            {t('workspace.dialog.deleteConfirm')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

export function ErrorLine({ message }: { readonly message: string }) {
  return (
    <p className="inline-error" role="alert">
      <Icon name="error" size={16} />
      <span>{message}</span>
    </p>
  );
}
