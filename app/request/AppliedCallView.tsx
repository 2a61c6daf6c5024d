/**
 * What the simulated IAM API did with an allowed IAM write, shown beside its decision (in
 * the console and in the Decision tab): the change in words, the way back (undo), and the
 * new access key of a CreateAccessKey response — its secret marked as shown once, as AWS
 * shows it. Everything comes from the engine's answer.
 */
import { useId } from 'react';
import type { EditError } from '../../engine/edit/types';
import type { AppliedCall } from '../../engine/iamApi/types';
import { Icon } from '../components/Icon';
import '../decision/console.css';
import { appliedSummary, newAccessKey } from '../decision/applied';
import { translateEditError, useLang, useT } from '../i18n';

export function AppliedCallView({ applied, applyError }: { readonly applied: AppliedCall; readonly applyError?: EditError | undefined }) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const key = newAccessKey(applied);
  return (
    <section className="applied-call" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="applied-call-title">
        <Icon name="allowed" size={18} />
        <span>{t('api.applied.title')}</span>
      </h3>
      <p className="applied-call-summary">{appliedSummary(lang, applied.summary)}</p>
      {applyError ? (
        <p className="inline-error" role="alert">
          <Icon name="error" size={16} />
          <span>{t('api.applied.storeRefused', { message: translateEditError(lang, applyError) })}</span>
        </p>
      ) : (
        <p className="hint">{t('api.applied.undo')}</p>
      )}
      {key ? (
        <div className="applied-call-key">
          <h4 className="applied-call-key-title">{t('api.applied.secret.title')}</h4>
          <dl className="facts">
            <div>
              <dt>AccessKeyId</dt>
              <dd>
                <code>{key.accessKeyId}</code>
              </dd>
            </div>
            <div>
              <dt>SecretAccessKey</dt>
              <dd>
                <code className="applied-call-secret">{key.secretAccessKey}</code>
              </dd>
            </div>
          </dl>
          <p className="console-note">
            <Icon name="warning" size={14} /> {t('api.applied.secret.note')}
          </p>
        </div>
      ) : null}
    </section>
  );
}
