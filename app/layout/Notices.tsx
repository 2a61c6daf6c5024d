/**
 * Messages about the engine, the offline cache and the workspaces (storage refused, a
 * share link opened or refused with why, a workspace deleted in another tab), announced
 * politely and dismissible.
 */
import { Icon } from '../components/Icon';
import { useT, type MessageKey } from '../i18n';
import { useAppStore } from '../store';
import type { Notice } from '../store/uiSlice';
import type { WorkspaceNotice } from '../store/workspaceSlice';
import { applyUpdate } from '../pwa/serviceWorker';

function messageOf(notice: Notice): MessageKey {
  switch (notice.kind) {
    case 'engineRestarted':
      return `notice.engineRestarted.${notice.reason}`;
    case 'engineMainThread':
      return 'notice.engineMainThread';
    case 'offlineReady':
      return 'notice.offlineReady';
    case 'updateAvailable':
      return 'notice.updateAvailable';
  }
}

function workspaceMessageOf(notice: WorkspaceNotice): MessageKey {
  switch (notice.kind) {
    case 'storageRefused':
      return `workspace.notice.storageRefused.${notice.reason}`;
    case 'shareRefused':
      return `workspace.notice.shareRefused.${notice.reason}`;
    case 'sharedOpened':
      return 'workspace.notice.sharedOpened';
    case 'deletedElsewhere':
      return 'workspace.notice.deletedElsewhere';
    case 'actionFailed':
      return 'workspace.dialog.failed';
  }
}

/** At most this many faults of a refused link are listed (the first ones say enough). */
const FAULTS_SHOWN = 5;

export function Notices() {
  const t = useT();
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const workspaceNotices = useAppStore((s) => s.workspaceNotices);
  const dismissWorkspace = useAppStore((s) => s.dismissWorkspaceNotice);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.kind} className={`notice notice-${notice.kind}`}>
          <Icon name={notice.kind === 'engineRestarted' ? 'warning' : 'info'} size={16} />
          <p>{t(messageOf(notice))}</p>
          {notice.kind === 'updateAvailable' ? (
            <button type="button" className="button primary small" onClick={() => void applyUpdate()}>
              {t('notice.update')}
            </button>
          ) : null}
          <button type="button" className="icon-button" onClick={() => dismiss(notice.kind)} aria-label={t('notice.dismiss')} title={t('notice.dismiss')}>
            <Icon name="close" size={14} />
          </button>
        </div>
      ))}
      {workspaceNotices.map((notice) => {
        const warning = notice.kind !== 'sharedOpened';
        return (
          <div key={notice.kind} className={`notice notice-${notice.kind}${warning ? ' notice-warning' : ''}`}>
            <Icon name={warning ? 'warning' : 'info'} size={16} />
            <div className="notice-text">
              <p>{t(workspaceMessageOf(notice), 'name' in notice ? { name: notice.name } : 'message' in notice ? { message: notice.message } : undefined)}</p>
              {/* The faults say where a world is wrong; for a damaged link the sentence above says all a learner can act on. */}
              {notice.kind === 'shareRefused' && (notice.reason === 'invalidWorld' || notice.reason === 'unreadable') ? (
                <ul className="notice-faults">
                  {notice.faults.slice(0, FAULTS_SHOWN).map((f, i) => (
                    <li key={i}>
                      <code>{f.path}</code> {f.message}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
            <button type="button" className="icon-button" onClick={() => dismissWorkspace(notice.kind)} aria-label={t('notice.dismiss')} title={t('notice.dismiss')}>
              <Icon name="close" size={14} />
            </button>
          </div>
        );
      })}
    </div>
  );
}
