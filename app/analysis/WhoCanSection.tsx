/**
 * "Who can": an action and a resource (with suggestions from the world, any text allowed)
 * and an optional request context; the worker asks every principal of the world and
 * answers with those that can, each with its path (directly, or through the roles it
 * assumes). A path can be shown on the map.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { WhoCanReport } from '../../engine/analysis/types';
import { Icon } from '../components/Icon';
import { SuggestField } from '../components/SuggestField';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { actionChoices, resourceChoices, suggest } from '../world/choices';
import { contextOf, nameOfArn, whoCanHighlight } from './accessWords';
import { PrincipalLabel, ShowOnMapButton, useResult } from './parts';
import { RunStatus } from './RunStatus';
import { startAnalysis } from './run';

const NONE: readonly string[] = [];
const CONTEXT_ROWS = 2;

interface Row {
  readonly key: string;
  readonly value: string;
}

function rowsOf(report: WhoCanReport | undefined): Row[] {
  const entries = Object.entries(report?.query.context ?? {});
  return Array.from({ length: CONTEXT_ROWS }, (_, i) => {
    const entry = entries[i];
    return entry ? { key: entry[0], value: typeof entry[1] === 'string' ? entry[1] : entry[1].join(', ') } : { key: '', value: '' };
  });
}

export function WhoCanSection() {
  const t = useT();
  const ids = useId();
  const world = useAppStore((s) => s.world);
  const result = useResult('whoCan');
  const report = result?.report;
  // The form opens on the last question asked (the section may have been left and reopened).
  const [action, setAction] = useState(report?.query.action ?? '');
  const [resource, setResource] = useState(report?.query.resource ?? '');
  const [rows, setRows] = useState<Row[]>(() => rowsOf(report));
  const [missing, setMissing] = useState(false);
  const actions = useMemo(() => (world ? actionChoices(world) : NONE), [world]);
  const resources = useMemo(() => (world ? resourceChoices(world) : NONE), [world]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^[^:\s]+:\S+$/.test(action.trim()) || resource.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    const context = contextOf(rows);
    startAnalysis({ kind: 'whoCan', query: { action: action.trim(), resource: resource.trim(), ...(context ? { context } : {}) } });
  };

  const setRow = (index: number, row: Partial<Row>) => setRows((all) => all.map((r, i) => (i === index ? { ...r, ...row } : r)));

  return (
    <section className="analysis-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('analysis.section.whoCan')}</h3>
      <p className="analysis-intro">{t('analysis.whoCan.intro')}</p>
      <form className="analysis-form" onSubmit={submit} noValidate>
        <div className="analysis-form-row">
          <SuggestField
            id={`${ids}-action`}
            label={t('analysis.whoCan.action')}
            value={action}
            onChange={setAction}
            suggestions={suggest(actions, action)}
            placeholder="s3:GetObject"
            invalid={missing && action.trim() === ''}
          />
          <SuggestField
            id={`${ids}-resource`}
            label={t('analysis.whoCan.resource')}
            value={resource}
            onChange={setResource}
            suggestions={suggest(resources, resource)}
            placeholder="arn:aws:s3:::bucket/key"
            invalid={missing && resource.trim() === ''}
          />
        </div>
        <details className="analysis-context" open={rows.some((r) => r.key !== '') || undefined}>
          <summary>{t('analysis.whoCan.context')}</summary>
          {rows.map((row, i) => (
            <div className="analysis-form-row" key={i}>
              <input
                aria-label={t('analysis.whoCan.contextKey', { n: i + 1 })}
                value={row.key}
                onChange={(e) => setRow(i, { key: e.target.value })}
                placeholder="aws:SourceIp"
                autoComplete="off"
                spellCheck={false}
              />
              <input
                aria-label={t('analysis.whoCan.contextValue', { n: i + 1 })}
                value={row.value}
                onChange={(e) => setRow(i, { value: e.target.value })}
                placeholder="203.0.113.7"
                autoComplete="off"
                spellCheck={false}
              />
            </div>
          ))}
          <p className="hint">{t('analysis.whoCan.contextHint')}</p>
        </details>
        {missing ? (
          <p className="analysis-status is-error" role="alert">
            {t('analysis.whoCan.missing')}
          </p>
        ) : null}
        <button type="submit" className="button primary">
          {t('analysis.run')}
        </button>
      </form>
      <RunStatus kind="whoCan" />
      {report ? <WhoCanAnswerView report={report} /> : null}
    </section>
  );
}

function WhoCanAnswerView({ report }: { readonly report: WhoCanReport }) {
  const t = useT();
  const { action, resource } = report.query;
  if (report.principals.length === 0) {
    return (
      <div className="analysis-result">
        <p className="analysis-empty" role="status">
          <Icon name="implicitDeny" size={18} />
          {t('analysis.whoCan.nobody', { candidates: report.candidates, action, resource })}
        </p>
      </div>
    );
  }
  return (
    <div className="analysis-result">
      <h4>{t('analysis.whoCan.answer', { action, resource })}</h4>
      <p className="analysis-summary">{t('analysis.whoCan.count', { count: report.principals.length, candidates: report.candidates })}</p>
      <ul className="analysis-list">
        {report.principals.map((p) => (
          <li key={`${p.arn} ${p.via.join(' ')}`} className="analysis-item">
            <div className="analysis-item-head">
              <PrincipalLabel principal={p.principal} />
              <ShowOnMapButton highlight={() => whoCanHighlight(p)} />
            </div>
            <p className="analysis-path-words">
              {p.via.length === 0 ? t('analysis.whoCan.direct') : t('analysis.whoCan.byAssuming', { roles: p.via.map(nameOfArn).join(' → ') })}
            </p>
            <ol className="analysis-path" aria-label={t('analysis.whoCan.path', { name: p.principal.name })}>
              <li className={`analysis-chip kind-${p.principal.kind}`}>
                <Icon name={p.principal.kind} size={13} />
                {p.principal.kind === 'root' ? `root (${p.principal.name})` : p.principal.name}
              </li>
              {p.via.map((role) => (
                <li key={role} className="analysis-chip kind-role" title={role}>
                  <Icon name="role" size={13} />
                  {nameOfArn(role)}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
    </div>
  );
}
