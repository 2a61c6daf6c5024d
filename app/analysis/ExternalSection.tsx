/**
 * External access, as IAM Access Analyzer reports it: the learner picks the zone of trust
 * (this account, or the organization when the world has one), the worker reads every
 * resource-based and trust policy, and the view lists who outside the zone gets which
 * actions on which resource, under which conditions — public access in the deny colour,
 * with an icon and the word, not colour alone.
 */
import { useId, useState } from 'react';
import type { ExternalAccessReport, ZoneOfTrust } from '../../engine/analysis/types';
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { AuditHead, StatementButton, TableWrap } from './AuditParts';
import { conditionText, externalWho, resultOf, sortExternal } from './auditView';
import { RunStatus } from './RunStatus';
import { startAnalysis } from './run';

export function ExternalSection() {
  const t = useT();
  const id = useId();
  const organization = useAppStore((s) => s.world?.organization);
  const run = useAppStore((s) => s.analyses.externalAccess);
  const [chosen, setChosen] = useState<ZoneOfTrust>('account');
  // The organization zone exists only while the world has an organization.
  const zone: ZoneOfTrust = organization ? chosen : 'account';
  const result = resultOf(run, 'externalAccess');

  return (
    <section className="audit" aria-labelledby={`${id}-title`}>
      <AuditHead id={`${id}-title`} title="audit.external.title" intro="audit.external.intro" />
      <form
        className="audit-form"
        onSubmit={(e) => {
          e.preventDefault();
          startAnalysis({ kind: 'externalAccess', query: { zone } });
        }}
      >
        <fieldset className="audit-zone">
          <legend>{t('audit.external.zone')}</legend>
          <label>
            <input type="radio" name={`${id}-zone`} value="account" checked={zone === 'account'} onChange={() => setChosen('account')} />
            {t('audit.external.zoneAccount')}
          </label>
          {organization ? (
            <label>
              <input type="radio" name={`${id}-zone`} value="organization" checked={zone === 'organization'} onChange={() => setChosen('organization')} />
              {t('audit.external.zoneOrganization', { org: organization.id })}
            </label>
          ) : null}
        </fieldset>
        <button type="submit" className="button primary small">
          {t('analysis.run')}
        </button>
      </form>
      <RunStatus kind="externalAccess" />
      {result ? <ExternalReport report={result.report} /> : null}
    </section>
  );
}

function ExternalReport({ report }: { readonly report: ExternalAccessReport }) {
  const t = useT();
  if (report.findings.length === 0) {
    return (
      <div className="audit-empty" role="status">
        <Icon name="allowed" size={22} />
        <p>
          <strong>{t('audit.external.empty')}</strong>
          <br />
          <span className="muted">{t('audit.external.emptyDetail', { policies: report.policiesAnalyzed, zone: report.zoneLabel })}</span>
        </p>
      </div>
    );
  }
  return (
    <>
      <p className="audit-summary" role="status">
        {t('audit.external.summary', { count: report.findings.length, policies: report.policiesAnalyzed, zone: report.zoneLabel })}
      </p>
      <TableWrap label={t('audit.external.table')}>
        <table className="audit-table">
          <caption className="visually-hidden">{t('audit.external.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.external.col.resource')}</th>
              <th scope="col">{t('audit.external.col.who')}</th>
              <th scope="col">{t('audit.external.col.actions')}</th>
              <th scope="col">{t('audit.external.col.conditions')}</th>
            </tr>
          </thead>
          <tbody>
            {sortExternal(report.findings).map((f) => {
              const who = externalWho(f.principal);
              return (
                <tr key={f.id} className={f.isPublic ? 'is-public' : undefined}>
                  <td>
                    <span className="audit-type">{f.resourceType}</span>
                    <code className="audit-arn">{f.resource}</code>
                    <StatementButton
                      policy={f.statement.policy}
                      span={f.statement.span}
                      text={f.statement.sid ?? t('audit.showStatement')}
                      label={t('audit.showStatementOf', { policy: f.statement.sid ? `${f.statement.policy.name} (${f.statement.sid})` : f.statement.policy.name })}
                    />
                  </td>
                  <td>
                    {f.isPublic || f.principal.kind === 'public' ? (
                      <span className="audit-public">
                        <Icon name="globe" size={14} />
                        {t('audit.external.public')}
                      </span>
                    ) : who.key ? (
                      t(who.key, who.params)
                    ) : (
                      <code className="audit-arn">{who.params.value}</code>
                    )}
                  </td>
                  <td>
                    {f.notAction ? <span className="audit-type">{t('audit.external.notAction')}</span> : null}
                    <ul className="audit-codes">
                      {f.actions.map((a) => (
                        <li key={a}>
                          <code>{a}</code>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {f.conditions.length === 0 ? (
                      <span className="muted">{t('audit.external.noConditions')}</span>
                    ) : (
                      <ul className="audit-codes is-wrap">
                        {f.conditions.map((c) => (
                          <li key={`${c.operator}|${c.key}`}>
                            <code>{conditionText(c)}</code>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
