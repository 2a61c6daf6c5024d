/** Messages about the engine and the offline cache, announced politely and dismissible. */
import { Icon } from '../components/Icon';
import { useT, type MessageKey } from '../i18n';
import { useAppStore } from '../store';
import type { Notice } from '../store/uiSlice';
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

export function Notices() {
  const t = useT();
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
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
    </div>
  );
}
