/**
 * Another tab saved this workspace while this tab had unsaved changes: nothing was
 * overwritten and this tab has stopped saving. The learner chooses: load the other tab's
 * version (theirs replaces mine, one undo away), or keep mine as a new workspace.
 */
import { useRef, useState, type RefObject } from 'react';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { Dialog } from './Dialog';
import { ErrorLine } from './WorkspaceDialogs';
import { workspaceActions } from './workspaces';

export function ConflictDialog({ onClose, returnFocus }: { readonly onClose: () => void; readonly returnFocus: RefObject<HTMLElement | null> }) {
  const t = useT();
  const name = useAppStore((s) => s.workspace?.name ?? '');
  const first = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string | null>(null);
  const choose = (choice: 'theirs' | 'copy') => () =>
    void workspaceActions.resolveConflict(choice).then(onClose, (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));

  return (
    <Dialog title={t('workspace.conflict.title')} onClose={onClose} returnFocus={returnFocus} role="alertdialog" initialFocus={first} className="ws-conflict">
      <div className="ws-dialog-body">
        <p>{t('workspace.conflict.body', { name })}</p>
        <div className="ws-choices">
          <button ref={first} type="button" className="ws-choice" onClick={choose('theirs')}>
            <strong>{t('workspace.conflict.theirs')}</strong>
            <span className="muted">{t('workspace.conflict.theirsHint')}</span>
          </button>
          <button type="button" className="ws-choice" onClick={choose('copy')}>
            <strong>{t('workspace.conflict.copy')}</strong>
            <span className="muted">{t('workspace.conflict.copyHint')}</span>
          </button>
        </div>
        {error ? <ErrorLine message={t('workspace.dialog.failed', { message: error })} /> : null}
        <div className="ws-dialog-actions">
          <button type="button" className="button secondary" onClick={onClose}>
            {t('workspace.conflict.later')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
