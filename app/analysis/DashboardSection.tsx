/**
 * The security status of each account, as the IAM dashboard shows it (root MFA, root access
 * keys, users without MFA, old keys, unused credentials), the credential report in AWS's
 * CSV format (a table and a download), and Access Advisor's last-accessed view for one
 * principal. One Analyse runs the dashboard and the credential report; Access Advisor has
 * its own, for the principal chosen.
 */
import { useId, useState } from 'react';
import type { AccessAdvisorReport, CredentialReport, SecurityCheckCode, SecurityStatusReport } from '../../engine/analysis/types';
import { downloadTextFile } from '../components/downloadFile';
import { Icon } from '../components/Icon';
import { useLang, useT, type MessageKey } from '../i18n';
import { useAppStore } from '../store';
import { AuditHead, PrincipalRunForm, TableWrap } from './AuditParts';
import { accountLabelKey, credentialReportFileName, formatTime, resultOf, worldPrincipals } from './auditView';
import { RunStatus } from './RunStatus';
import { analysisEvents, startAnalysis } from './run';

const CHECK_LABEL: Readonly<Record<SecurityCheckCode, MessageKey>> = {
  rootMfa: 'audit.check.rootMfa',
  rootAccessKeys: 'audit.check.rootAccessKeys',
  usersWithoutMfa: 'audit.check.usersWithoutMfa',
  oldAccessKeys: 'audit.check.oldAccessKeys',
  unusedCredentials: 'audit.check.unusedCredentials',
};

function analyseAccounts(): void {
  const events = analysisEvents(useAppStore.getState().trail);
  startAnalysis({ kind: 'securityStatus', query: { events } });
  startAnalysis({ kind: 'credentialReport', query: { events } });
}

export function DashboardSection() {
  const t = useT();
  const id = useId();
  const status = resultOf(useAppStore((s) => s.analyses.securityStatus), 'securityStatus');
  const credentials = resultOf(useAppStore((s) => s.analyses.credentialReport), 'credentialReport');
  return (
    <section className="audit" aria-labelledby={`${id}-title`}>
      <AuditHead id={`${id}-title`} title="audit.dashboard.title" intro="audit.dashboard.intro" />
      <div className="audit-form">
        <button type="button" className="button primary small" onClick={analyseAccounts}>
          {t('analysis.run')}
        </button>
      </div>
      <RunStatus kind="securityStatus" />
      <RunStatus kind="credentialReport" />
      {status ? <Checks report={status.report} /> : null}
      {credentials ? <CredentialReports reports={credentials.reports} /> : null}
      <AccessAdvisor />
    </section>
  );
}

function Checks({ report }: { readonly report: SecurityStatusReport }) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const world = useAppStore((s) => s.world);
  const accounts = [...new Set(report.checks.map((c) => c.account))];
  return (
    <section className="audit-group" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="audit-group-title">
        {t('audit.dashboard.checks')} <span className="muted small">{t('audit.dashboard.asOf', { now: formatTime(report.now, lang) })}</span>
      </h4>
      {accounts.map((account) => {
        const label = accountLabelKey(world, account);
        return (
          <div key={account} className="audit-account">
            <h5 className="audit-account-title">{t(label.key, label.params)}</h5>
            <ul className="audit-checks">
              {report.checks
                .filter((c) => c.account === account)
                .map((c) => (
                  <li key={c.code} className={`audit-check ${c.ok ? 'is-ok' : 'is-not-ok'}`}>
                    <span className="audit-check-state">
                      <Icon name={c.ok ? 'allowed' : 'warning'} size={14} />
                      {t(c.ok ? 'audit.dashboard.ok' : 'audit.dashboard.notOk')}
                    </span>
                    <span className="audit-check-text">{t(CHECK_LABEL[c.code])}</span>
                    {c.offenders.length > 0 ? (
                      <span className="audit-offenders">{t('audit.dashboard.offenders', { list: c.offenders.join(', ') })}</span>
                    ) : null}
                  </li>
                ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

function CredentialReports({ reports }: { readonly reports: readonly CredentialReport[] }) {
  const t = useT();
  const id = useId();
  const world = useAppStore((s) => s.world);
  return (
    <section className="audit-group" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="audit-group-title">
        {t('audit.credential.title')}
      </h4>
      <p className="muted small">{t('audit.credential.intro')}</p>
      {reports.map((report) => {
        const label = accountLabelKey(world, report.account);
        const accountName = t(label.key, label.params);
        return (
          <div key={report.account} className="audit-account">
            <div className="audit-group-head">
              <h5 className="audit-account-title">{accountName}</h5>
              <button
                type="button"
                className="button secondary small"
                aria-label={`${t('audit.credential.download')}: ${accountName}`}
                onClick={() => downloadTextFile(report.csv, credentialReportFileName(report.account, new Date()), 'text/csv')}
              >
                {t('audit.credential.download')}
              </button>
            </div>
            <TableWrap label={t('audit.credential.table', { account: accountName })}>
              <table className="audit-table audit-credentials">
                <caption className="visually-hidden">{t('audit.credential.table', { account: accountName })}</caption>
                <thead>
                  <tr>
                    {report.header.map((h) => (
                      <th key={h} scope="col">
                        <code>{h}</code>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {report.rows.map((row, r) => (
                    <tr key={r}>
                      {row.map((cell, c) => (c === 0 ? <th key={c} scope="row">{cell}</th> : <td key={c}>{cell}</td>))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </div>
        );
      })}
    </section>
  );
}

function AccessAdvisor() {
  const t = useT();
  const id = useId();
  const world = useAppStore((s) => s.world);
  const principals = worldPrincipals(world, { root: true });
  const [chosen, setChosen] = useState('');
  const principal = principals.some((p) => p.arn === chosen) ? chosen : (principals.find((p) => p.kind !== 'root')?.arn ?? principals[0]?.arn ?? '');
  const result = resultOf(useAppStore((s) => s.analyses.accessAdvisor), 'accessAdvisor');
  return (
    <section className="audit-group" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="audit-group-title">
        {t('audit.advisor.title')}
      </h4>
      <p className="muted small">{t('audit.advisor.intro')}</p>
      <PrincipalRunForm
        id={id}
        options={principals}
        value={principal}
        onChange={setChosen}
        run={(arn) => startAnalysis({ kind: 'accessAdvisor', query: { principal: arn, events: analysisEvents(useAppStore.getState().trail) } })}
      />
      <RunStatus kind="accessAdvisor" />
      {result ? <AdvisorTable report={result.report} /> : null}
    </section>
  );
}

function AdvisorTable({ report }: { readonly report: AccessAdvisorReport }) {
  const t = useT();
  const lang = useLang();
  const select = useAppStore((s) => s.select);
  const name = report.principal.name;
  if (report.services.length === 0) return <p className="muted">{t('audit.advisor.empty', { name })}</p>;
  return (
    <TableWrap label={t('audit.advisor.table', { name })}>
      <table className="audit-table">
        <caption className="visually-hidden">{t('audit.advisor.table', { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.advisor.col.service')}</th>
            <th scope="col">{t('audit.advisor.col.lastAccessed')}</th>
            <th scope="col">{t('audit.advisor.col.grantedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {report.services.map((s) => (
            <tr key={s.prefix}>
              <th scope="row">
                {s.name} <code className="muted">{s.prefix}</code>
              </th>
              <td>{s.lastAccessed ? formatTime(s.lastAccessed, lang) : <span className="muted">{t('audit.advisor.notAccessed')}</span>}</td>
              <td>
                <ul className="audit-codes">
                  {s.grantedBy.map((p) => (
                    <li key={p.id}>
                      <button type="button" className="button secondary small" aria-label={t('audit.showPolicy', { policy: p.name })} onClick={() => select(p.id)}>
                        <Icon name="policy" size={14} />
                        {p.name}
                      </button>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
