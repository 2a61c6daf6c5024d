/**
 * The session the last STS call issued, as the engine summarised it (ARN, expiry, MFA), and
 * one click to make it the caller of the next request (`$NAME`, API call mode).
 */
import { Icon } from '../../components/Icon';
import { useT } from '../../i18n';
import { useAppStore } from '../../store';

export function IssuedSession() {
  const t = useT();
  const issued = useAppStore((s) => (s.result.state === 'done' && !s.result.whatIf ? s.result.issued : undefined));
  const setDraft = useAppStore((s) => s.setDraft);
  if (!issued) return null;
  const use = () => setDraft({ mode: 'api', callerKind: 'listed', principal: `$${issued.name ?? ''}`, consoleSignIn: false });
  return (
    <section className="console-issued" aria-labelledby="console-issued-title">
      <h3 id="console-issued-title" className="section-title">
        <Icon name="role" size={14} />
        {t('console.issued.title')}
      </h3>
      <dl className="facts">
        {issued.name !== undefined ? (
          <>
            <dt>{t('console.issued.name')}</dt>
            <dd>
              <code>${issued.name}</code>
            </dd>
          </>
        ) : null}
        <dt>{t('console.issued.arn')}</dt>
        <dd>
          <code>{issued.arn}</code>
        </dd>
        <dt>{t('console.issued.expires')}</dt>
        <dd>
          <time dateTime={issued.expiration}>{issued.expiration}</time>
        </dd>
        <dt>{t('console.issued.mfa')}</dt>
        <dd>{issued.mfa ? t('console.issued.yes') : t('console.issued.no')}</dd>
      </dl>
      {issued.name !== undefined ? (
        <button type="button" className="button primary" onClick={use}>
          <Icon name="send" size={14} />
          {t('console.issued.use')}
        </button>
      ) : (
        <p className="hint">{t('console.issued.unnamed')}</p>
      )}
    </section>
  );
}
