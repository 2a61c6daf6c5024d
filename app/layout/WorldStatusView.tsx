/** Loading, invalid or failed world: said in words, with the faults and a way to retry. */
import { workspaceActions } from '../workspace/workspaces';
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import { useAppStore } from '../store';

export function WorldStatusView() {
  const t = useT();
  const status = useAppStore((s) => s.worldStatus);
  const faults = useAppStore((s) => s.worldFaults);

  if (status.state === 'loading') {
    return (
      <p className="world-status muted" role="status">
        {t('world.loading')}
      </p>
    );
  }
  if (status.state === 'ready') {
    if (faults.length === 0) return null;
    return (
      <details className="world-status world-faults">
        <summary>
          <Icon name="warning" size={16} /> {t('world.faults', { count: faults.length })}
        </summary>
        <ul>
          {faults.map((f, i) => (
            <li key={i}>
              <code>{f.path}</code> {f.message}
            </li>
          ))}
        </ul>
      </details>
    );
  }
  return (
    <div className="world-status error-box" role="alert">
      <Icon name="error" size={20} />
      <div>
        <p className="error-title">{status.state === 'invalid' ? t('world.invalid') : t('world.failed', { message: status.message })}</p>
        {status.state === 'invalid' ? (
          <ul>
            {status.errors.map((f, i) => (
              <li key={i}>
                <code>{f.path}</code> {f.message}
              </li>
            ))}
          </ul>
        ) : null}
        <button type="button" className="button primary small" onClick={() => void workspaceActions.openSample()}>
          <Icon name="refresh" size={14} />
          {t('world.retry')}
        </button>
      </div>
    </div>
  );
}
