/**
 * Effective permissions: one principal (a user, role or root user, grouped by account) →
 * the worker judges every action its policies name on the world's resources → a table per
 * service: the decision, the statements that grant it and those that limit it (each opens
 * the statement in its policy), the stage that limited it, and a mark when a condition
 * decides. A filter keeps one service.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { EffectivePermission, EffectivePermissionsReport, EffectiveService, StatementRef } from '../../engine/analysis/types';
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { countDecisions, filterServices, limitedAtKey } from './accessWords';
import { PrincipalLabel, StatementButton, useResult } from './parts';
import { analysisPrincipals } from './principalChoices';
import { RunStatus } from './RunStatus';
import { startAnalysis } from './run';

export function EffectiveSection() {
  const t = useT();
  const ids = useId();
  const world = useAppStore((s) => s.world);
  const result = useResult('effectivePermissions');
  const report = result?.report;
  const [principal, setPrincipal] = useState(report?.principal.arn ?? '');
  const groups = useMemo(() => (world ? analysisPrincipals(world) : []), [world]);
  const empty = groups.every((g) => g.principals.length === 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (principal !== '') startAnalysis({ kind: 'effectivePermissions', query: { principal } });
  };

  return (
    <section className="analysis-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('analysis.section.effective')}</h3>
      <p className="analysis-intro">{t('analysis.effective.intro')}</p>
      <form className="analysis-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${ids}-principal`}>{t('analysis.effective.principal')}</label>
          <select id={`${ids}-principal`} value={principal} onChange={(e) => setPrincipal(e.target.value)} disabled={empty}>
            <option value="" disabled>
              {empty ? t('analysis.effective.noPrincipals') : t('analysis.effective.choose')}
            </option>
            {groups.map((g) => (
              <optgroup key={g.account} label={g.label}>
                {g.principals.map((p) => (
                  <option key={p.arn} value={p.arn}>
                    {`${p.name} · ${t(p.kind === 'root' ? 'kind.root' : p.kind === 'user' ? 'kind.user' : 'kind.role')}`}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <button type="submit" className="button primary" disabled={principal === ''}>
          {t('analysis.run')}
        </button>
      </form>
      <RunStatus kind="effectivePermissions" />
      {report ? <EffectiveReportView report={report} /> : null}
    </section>
  );
}

function EffectiveReportView({ report }: { readonly report: EffectivePermissionsReport }) {
  const t = useT();
  const ids = useId();
  const [service, setService] = useState('');
  const chosen = report.services.some((s) => s.prefix === service) ? service : '';
  const shown = filterServices(report.services, chosen);
  const all = countDecisions(report.services);
  return (
    <div className="analysis-result">
      <h4>
        <PrincipalLabel principal={report.principal} />
      </h4>
      <p className="analysis-summary">{t('analysis.effective.summary', { name: report.principal.name, allowed: all.allowed, denied: all.denied, judged: report.judged })}</p>
      {report.root ? (
        <p className="analysis-note is-info" role="note">
          <Icon name="info" size={15} />
          <span>
            {t('analysis.effective.rootNote')}{' '}
            {report.root.managementAccount
              ? t('analysis.effective.rootManagement')
              : report.root.inOrganization && report.root.scps.length > 0
                ? t('analysis.effective.rootScps', { scps: report.root.scps.map((p) => p.name).join(', ') })
                : ''}
          </span>
        </p>
      ) : null}
      {report.truncated ? (
        <p className="analysis-note" role="note">
          <Icon name="warning" size={15} />
          {t('analysis.effective.truncated', { judged: report.judged })}
        </p>
      ) : null}
      {report.services.length === 0 ? (
        <p className="analysis-empty">{t('analysis.effective.none')}</p>
      ) : (
        <>
          <div className="field analysis-filter">
            <label htmlFor={`${ids}-service`}>{t('analysis.effective.service')}</label>
            <select id={`${ids}-service`} value={chosen} onChange={(e) => setService(e.target.value)}>
              <option value="">{t('analysis.effective.allServices', { count: report.services.length })}</option>
              {report.services.map((s) => (
                <option key={s.prefix} value={s.prefix}>
                  {`${s.name} (${s.prefix})`}
                </option>
              ))}
            </select>
          </div>
          {shown.map((s) => (
            <ServiceTable key={s.prefix} service={s} />
          ))}
        </>
      )}
    </div>
  );
}

function ServiceTable({ service }: { readonly service: EffectiveService }) {
  const t = useT();
  const ids = useId();
  return (
    <section className="analysis-service" aria-labelledby={`${ids}-title`}>
      <h5 id={`${ids}-title`}>
        {service.name} <code>{service.prefix}</code>
      </h5>
      <div className="analysis-table-wrap">
        <table className="analysis-table" aria-labelledby={`${ids}-title`}>
          <thead>
            <tr>
              <th scope="col">{t('analysis.effective.col.action')}</th>
              <th scope="col">{t('analysis.effective.col.decision')}</th>
              <th scope="col">{t('analysis.effective.col.statements')}</th>
            </tr>
          </thead>
          <tbody>
            {service.permissions.map((p) => (
              <PermissionRow key={`${p.action} ${p.resource}`} permission={p} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function PermissionRow({ permission: p }: { readonly permission: EffectivePermission }) {
  const t = useT();
  const allowed = p.decision === 'allowed';
  const stage = limitedAtKey(p);
  return (
    <tr className={allowed ? 'is-allowed' : 'is-denied'}>
      <th scope="row">
        <code>{p.action}</code>{' '}
        <span className="analysis-resource">{p.resource === '*' ? t('analysis.effective.allResources') : <code>{p.resource}</code>}</span>
      </th>
      <td>
        <span className={`analysis-decision ${allowed ? 'is-allowed' : 'is-denied'}`}>
          <Icon name={allowed ? 'allowed' : 'explicitDeny'} size={15} />
          {allowed ? t('analysis.effective.allowed') : t('analysis.effective.denied')}
        </span>
        {p.conditional ? (
          <span className="analysis-conditional" title={t('analysis.effective.conditionalHint')}>
            {t('analysis.effective.conditional')}
            <span className="visually-hidden"> — {t('analysis.effective.conditionalHint')}</span>
          </span>
        ) : null}
        {stage ? <span className="analysis-stage">{t('analysis.effective.limitedAt', { stage: t(stage) })}</span> : null}
      </td>
      <td>
        <WhyList label={t('analysis.effective.col.grantedBy')} statements={p.grantedBy} />
        <WhyList label={t('analysis.effective.col.limitedBy')} statements={p.limitedBy} limit />
      </td>
    </tr>
  );
}

/** The statements behind a permission (those that grant it, or those that limit it), each opening its policy. */
function WhyList({ label, statements, limit = false }: { readonly label: string; readonly statements: readonly StatementRef[]; readonly limit?: boolean }) {
  if (statements.length === 0) return null;
  return (
    <div className={`analysis-why${limit ? ' is-limit' : ''}`}>
      <span className="analysis-why-label">{label}</span>
      <ul className="analysis-statements">
        {statements.map((s, i) => (
          <li key={i}>
            <StatementButton statement={s} />
          </li>
        ))}
      </ul>
    </div>
  );
}
