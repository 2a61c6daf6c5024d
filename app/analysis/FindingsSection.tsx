/**
 * Policy findings for the whole world: the worker validates every policy as the editor
 * does (Access Analyzer's four classes), and the view lists them grouped by policy, with a
 * filter by class; each finding opens its policy with its span marked. The messages are
 * the editor's own (./../editor/findingText.ts), never a second copy.
 */
import { useId, useState } from 'react';
import type { WorldFindingsReport } from '../../engine/analysis/types';
import type { FindingSeverity } from '../../engine/policy/types';
import { Icon, type IconName } from '../components/Icon';
import { findingText } from '../editor/findingText';
import { useLang, useT, type MessageKey } from '../i18n';
import { useAppStore } from '../store';
import { AuditHead, StatementButton } from './AuditParts';
import { groupByPolicy, policiesWithFindings, resultOf, SEVERITIES, severityCounts, type SeverityFilter } from './auditView';
import { RunStatus } from './RunStatus';
import { startAnalysis } from './run';

const CLASS_LABEL: Readonly<Record<FindingSeverity, MessageKey>> = {
  error: 'audit.findings.class.error',
  securityWarning: 'audit.findings.class.securityWarning',
  warning: 'audit.findings.class.warning',
  suggestion: 'audit.findings.class.suggestion',
};

const CLASS_ICON: Readonly<Record<FindingSeverity, IconName>> = {
  error: 'error',
  securityWarning: 'warning',
  warning: 'warning',
  suggestion: 'info',
};

export function FindingsSection() {
  const t = useT();
  const id = useId();
  const run = useAppStore((s) => s.analyses.worldFindings);
  const result = resultOf(run, 'worldFindings');
  return (
    <section className="audit" aria-labelledby={`${id}-title`}>
      <AuditHead id={`${id}-title`} title="audit.findings.title" intro="audit.findings.intro" />
      <div className="audit-form">
        <button type="button" className="button primary small" onClick={() => startAnalysis({ kind: 'worldFindings' })}>
          {t('analysis.run')}
        </button>
      </div>
      <RunStatus kind="worldFindings" />
      {result ? <FindingsReport report={result.report} /> : null}
    </section>
  );
}

function FindingsReport({ report }: { readonly report: WorldFindingsReport }) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const [filter, setFilter] = useState<SeverityFilter>('all');
  if (report.findings.length === 0) {
    return (
      <div className="audit-empty" role="status">
        <Icon name="allowed" size={22} />
        <p>{t('audit.findings.empty')}</p>
      </div>
    );
  }
  const counts = severityCounts(report.findings);
  const groups = groupByPolicy(report.findings, filter);
  return (
    <>
      <p className="audit-summary" role="status">
        {t('audit.findings.summary', { count: report.findings.length, withFindings: policiesWithFindings(report.findings), policies: report.policiesChecked })}
      </p>
      <div className="field audit-field">
        <label htmlFor={`${id}-filter`}>{t('audit.findings.filter')}</label>
        <select id={`${id}-filter`} value={filter} onChange={(e) => setFilter(e.target.value as SeverityFilter)}>
          <option value="all">{t('audit.findings.all', { count: report.findings.length })}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s} disabled={counts[s] === 0}>
              {`${t(CLASS_LABEL[s])} (${counts[s]})`}
            </option>
          ))}
        </select>
      </div>
      {groups.length === 0 ? <p className="muted">{t('audit.findings.emptyFilter')}</p> : null}
      {groups.map((group) => (
        <section key={group.policy.id} className="audit-group" aria-labelledby={`${id}-${group.policy.id}`}>
          <h4 id={`${id}-${group.policy.id}`} className="audit-group-title">
            <span className="audit-type">{t(`kind.${group.policy.kind}` as MessageKey)}</span>
            <span className="audit-policy-name">{group.policy.name}</span>
            {group.policy.attachedTo && group.policy.attachedTo !== group.policy.name ? <code className="audit-arn muted">{group.policy.attachedTo}</code> : null}
          </h4>
          <ul className="audit-findings">
            {group.findings.map((f, i) => (
              <li key={`${f.finding.code}-${f.finding.span.start}-${i}`} className={`audit-finding is-${f.finding.severity}`}>
                <span className="audit-class">
                  <Icon name={CLASS_ICON[f.finding.severity]} size={14} />
                  {t(CLASS_LABEL[f.finding.severity])}
                </span>
                <span className="audit-message">{findingText(lang, f.finding)}</span>
                <code className="audit-path muted">{f.finding.path}</code>
                <StatementButton
                  policy={f.policy}
                  span={f.finding.span}
                  text={t('audit.findings.show')}
                  label={`${t('audit.findings.show')}: ${group.policy.name}, ${f.finding.path}`}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
