/**
 * Unused access, as IAM Access Analyzer's unused access analyzer reports it: roles, access
 * keys, console passwords and permissions not used within the tracking period. The activity
 * is this playground's event log (and the last-used dates the world writes on its keys),
 * which the view says plainly: nothing here comes from AWS.
 */
import { useId, useState } from 'react';
import type { UnusedAccessFinding, UnusedAccessReport, UnusedFindingType } from '../../engine/analysis/types';
import { Icon } from '../components/Icon';
import { useLang, useT, type MessageKey } from '../i18n';
import { useAppStore } from '../store';
import { AuditHead, TableWrap } from './AuditParts';
import { formatTime, groupUnused, parseDays, resultOf, UNUSED_DAYS } from './auditView';
import { RunStatus } from './RunStatus';
import { analysisEvents, startAnalysis } from './run';

const TYPE_LABEL: Readonly<Record<UnusedFindingType, MessageKey>> = {
  UnusedIAMRole: 'audit.unused.type.UnusedIAMRole',
  UnusedIAMUserAccessKey: 'audit.unused.type.UnusedIAMUserAccessKey',
  UnusedIAMUserPassword: 'audit.unused.type.UnusedIAMUserPassword',
  UnusedPermission: 'audit.unused.type.UnusedPermission',
};

/** How many unused actions are shown unfolded. */
const FOLD_AFTER = 8;

export function UnusedSection() {
  const t = useT();
  const id = useId();
  const run = useAppStore((s) => s.analyses.unusedAccess);
  const [daysText, setDaysText] = useState(String(UNUSED_DAYS.default));
  const days = parseDays(daysText);
  const result = resultOf(run, 'unusedAccess');

  return (
    <section className="audit" aria-labelledby={`${id}-title`}>
      <AuditHead id={`${id}-title`} title="audit.unused.title" intro="audit.unused.intro">
        <p className="audit-note">
          <Icon name="info" size={14} />
          {t('audit.unused.source')}
        </p>
      </AuditHead>
      <form
        className="audit-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (days === null) return;
          startAnalysis({ kind: 'unusedAccess', query: { events: analysisEvents(useAppStore.getState().trail), unusedDays: days } });
        }}
      >
        <div className="field audit-field audit-days">
          <label htmlFor={`${id}-days`}>{t('audit.unused.days')}</label>
          <input
            id={`${id}-days`}
            type="number"
            inputMode="numeric"
            min={UNUSED_DAYS.min}
            max={UNUSED_DAYS.max}
            step={1}
            required
            value={daysText}
            aria-invalid={days === null}
            onChange={(e) => setDaysText(e.target.value)}
          />
        </div>
        <button type="submit" className="button primary small" disabled={days === null}>
          {t('analysis.run')}
        </button>
      </form>
      <RunStatus kind="unusedAccess" />
      {result ? <UnusedReport report={result.report} /> : null}
    </section>
  );
}

function UnusedReport({ report }: { readonly report: UnusedAccessReport }) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  if (report.findings.length === 0) {
    return (
      <div className="audit-empty" role="status">
        <Icon name="allowed" size={22} />
        <p>{t('audit.unused.empty', { days: report.unusedDays })}</p>
      </div>
    );
  }
  return (
    <>
      <p className="audit-summary" role="status">
        {t('audit.unused.asOf', { now: formatTime(report.now, lang), days: report.unusedDays, count: report.findings.length })}
      </p>
      {groupUnused(report.findings).map((group) => (
        <section key={group.type} className="audit-group" aria-labelledby={`${id}-${group.type}`}>
          <h4 id={`${id}-${group.type}`} className="audit-group-title">
            {t(TYPE_LABEL[group.type])} <span className="audit-count">{group.findings.length}</span>
          </h4>
          <TableWrap label={t(TYPE_LABEL[group.type])}>
            <table className="audit-table">
              <caption className="visually-hidden">{t(TYPE_LABEL[group.type])}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.unused.col.principal')}</th>
                  <th scope="col">{t('audit.unused.col.detail')}</th>
                  <th scope="col">{t('audit.unused.col.lastUsed')}</th>
                </tr>
              </thead>
              <tbody>
                {group.findings.map((f, i) => (
                  <tr key={`${f.principal.arn}-${f.accessKeyId ?? f.service ?? ''}-${i}`}>
                    <td title={f.principal.arn}>
                      <span className="audit-type">{t(f.principal.kind === 'user' ? 'kind.user' : f.principal.kind === 'role' ? 'kind.role' : 'kind.root')}</span>
                      <span>{f.principal.name}</span>
                    </td>
                    <td>
                      <UnusedDetail finding={f} />
                    </td>
                    <td>{f.lastUsed ? formatTime(f.lastUsed, lang) : <span className="muted">{t('audit.never')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ))}
    </>
  );
}

function UnusedDetail({ finding }: { readonly finding: UnusedAccessFinding }) {
  const t = useT();
  switch (finding.type) {
    case 'UnusedIAMRole':
      return <>{t('audit.unused.detail.role')}</>;
    case 'UnusedIAMUserAccessKey':
      return <>{t('audit.unused.detail.key', { key: finding.accessKeyId ?? '' })}</>;
    case 'UnusedIAMUserPassword':
      return <>{t('audit.unused.detail.password')}</>;
    case 'UnusedPermission':
      // A whole service's actions can run to hundreds: folded, with the count, past a few.
      return (
        <details className="audit-actions" open={(finding.actions ?? []).length <= FOLD_AFTER}>
          <summary>
            <code>{finding.service}</code> {t('audit.unused.actionCount', { count: (finding.actions ?? []).length })}
          </summary>
          <ul className="audit-codes">
            {(finding.actions ?? []).map((a) => (
              <li key={a}>
                <code>{a}</code>
              </li>
            ))}
          </ul>
        </details>
      );
  }
}
