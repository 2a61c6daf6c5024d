/**
 * After the engine read the files: where to open the imported world (a new workspace by
 * default, or instead of the open world, undoably); or, when it could not, every fault with
 * its file and JSON path — and the workspace untouched.
 */
import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { WorldFault } from '../../engine/worker/protocol';
import { useT } from '../i18n';
import { cleanName, NAME_MAX_LENGTH } from '../persist/records';
import { useAppStore } from '../store';
import { Dialog } from './Dialog';
import type { ImportOutcome } from './fileTransfer';
import { ErrorLine } from './WorkspaceDialogs';
import { ConflictPendingError } from './session';
import { workspaceActions } from './workspaces';

type Imported = Extract<ImportOutcome, { ok: true }>;

export function FaultList({ faults }: { readonly faults: readonly WorldFault[] }) {
  return (
    <ul className="ws-faults">
      {faults.map((f, i) => (
        <li key={i}>
          <code>{f.path}</code> {f.message}
        </li>
      ))}
    </ul>
  );
}

interface ImportChoiceProps {
  readonly imported: Imported;
  readonly onClose: () => void;
  readonly onConflict: () => void;
  readonly returnFocus: RefObject<HTMLElement | null>;
}

export function ImportChoiceDialog({ imported, onClose, onConflict, returnFocus }: ImportChoiceProps) {
  const t = useT();
  const workspace = useAppStore((s) => s.workspace);
  const [how, setHow] = useState<'new' | 'replace'>('new');
  const [name, setName] = useState(imported.suggestedName);
  const [error, setError] = useState<string | null>(null);
  const nameId = useId();
  const confirm = useRef<HTMLButtonElement>(null);
  const world = { scenario: imported.scenario, positions: {} };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (how === 'replace') {
      workspaceActions.replaceWorld(world);
      onClose();
      return;
    }
    workspaceActions.createFrom(cleanName(name) ?? t('workspace.importedName'), world).then(onClose, (failure: unknown) => {
      if (failure instanceof ConflictPendingError) {
        onClose();
        onConflict();
      } else setError(failure instanceof Error ? failure.message : String(failure));
    });
  };

  const files = imported.kinds.map((k) => t('workspace.import.kind', { name: k.name, kind: k.kind })).join(', ');
  return (
    <Dialog title={t('workspace.import.title')} onClose={onClose} returnFocus={returnFocus} initialFocus={confirm}>
      <form className="ws-dialog-body" onSubmit={submit}>
        <p className="muted">{t('workspace.import.read', { files })}</p>
        {imported.warnings.length > 0 ? (
          <details className="ws-warnings">
            <summary>{t('workspace.import.warnings', { count: imported.warnings.length })}</summary>
            <FaultList faults={imported.warnings} />
          </details>
        ) : null}
        <fieldset className="ws-radios">
          <legend>{t('workspace.import.how')}</legend>
          <label className="ws-radio">
            <input type="radio" name="import-how" checked={how === 'new'} onChange={() => setHow('new')} />
            {t('workspace.import.asNew')}
          </label>
          {how === 'new' ? (
            <label className="ws-field ws-indented" htmlFor={nameId}>
              <span>{t('workspace.import.asNewName')}</span>
              <input id={nameId} type="text" value={name} maxLength={NAME_MAX_LENGTH} autoComplete="off" onChange={(e) => setName(e.target.value)} />
            </label>
          ) : null}
          {workspace ? (
            <label className="ws-radio">
              <input type="radio" name="import-how" checked={how === 'replace'} onChange={() => setHow('replace')} />
              {t('workspace.import.replace', { name: workspace.name })}
            </label>
          ) : null}
        </fieldset>
        {error ? <ErrorLine message={t('workspace.dialog.failed', { message: error })} /> : null}
        <div className="ws-dialog-actions">
          <button type="button" className="button secondary" onClick={onClose}>
            {t('workspace.dialog.cancel')}
          </button>
          <button ref={confirm} type="submit" className="button primary">
            {t('workspace.import.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface ImportFailedProps {
  readonly errors: readonly WorldFault[];
  readonly onClose: () => void;
  readonly returnFocus: RefObject<HTMLElement | null>;
}

export function ImportFailedDialog({ errors, onClose, returnFocus }: ImportFailedProps) {
  const t = useT();
  const ok = useRef<HTMLButtonElement>(null);
  return (
    <Dialog title={t('workspace.import.failedTitle')} onClose={onClose} returnFocus={returnFocus} role="alertdialog" initialFocus={ok} className="ws-import-failed">
      <div className="ws-dialog-body">
        <p>{t('workspace.import.failedBody')}</p>
        <FaultList faults={errors} />
        <div className="ws-dialog-actions">
          <button ref={ok} type="button" className="button primary" onClick={onClose}>
            {t('workspace.dialog.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
