/**
 * The access graph (PMapper's model): the administrators and why, every escalation path
 * (from → … → administrator, each step's technique in one sentence), the other edges, the
 * counts, and a compact drawing. A path, or the administrators, can be shown on the map.
 */
import { useId } from 'react';
import type { AccessGraph, EscalationPath } from '../../engine/analysis/types';
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import { AccessGraphView } from './AccessGraphView';
import { adminArns, edgeSentence, escalationHighlight, namer, otherEdges, selfEdges } from './accessWords';
import { PrincipalLabel, showOnMap, ShowOnMapButton, useResult } from './parts';
import { RunStatus } from './RunStatus';
import { startAnalysis } from './run';

export function GraphSection() {
  const t = useT();
  const ids = useId();
  const result = useResult('accessGraph');
  return (
    <section className="analysis-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('analysis.section.graph')}</h3>
      <p className="analysis-intro">{t('analysis.graph.intro')}</p>
      <form
        className="analysis-form"
        onSubmit={(e) => {
          e.preventDefault();
          startAnalysis({ kind: 'accessGraph' });
        }}
      >
        <button type="submit" className="button primary">
          {t('analysis.run')}
        </button>
      </form>
      <RunStatus kind="accessGraph" />
      {result ? <GraphReport graph={result.graph} /> : null}
    </section>
  );
}

function GraphReport({ graph }: { readonly graph: AccessGraph }) {
  const t = useT();
  const ids = useId();
  const name = namer(graph.nodes);
  const admins = graph.nodes.filter((n) => n.admin !== undefined);
  const others = otherEdges(graph);
  return (
    <div className="analysis-result">
      <p className="analysis-summary">
        {t('analysis.graph.counts', { principals: graph.nodes.length, admins: admins.length, escalations: graph.escalations.length, edges: graph.edges.length })}
      </p>

      <section aria-labelledby={`${ids}-escalations`}>
        <h4 id={`${ids}-escalations`}>{t('analysis.graph.escalations')}</h4>
        {graph.escalations.length === 0 ? (
          <p className="analysis-empty">{t('analysis.graph.noEscalations')}</p>
        ) : (
          <ul className="analysis-list">
            {graph.escalations.map((path) => (
              <EscalationItem key={`${path.from} ${path.to}`} graph={graph} path={path} name={name} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby={`${ids}-admins`}>
        <div className="analysis-item-head">
          <h4 id={`${ids}-admins`}>{t('analysis.graph.admins')}</h4>
          {admins.length > 0 ? (
            <button type="button" className="button secondary small" onClick={() => showAdmins(graph)}>
              {t('analysis.graph.showAdmins')}
            </button>
          ) : null}
        </div>
        {admins.length === 0 ? (
          <p className="analysis-empty">{t('analysis.graph.noAdmins')}</p>
        ) : (
          <ul className="analysis-list">
            {admins.map((n) => {
              const self = n.admin === 'selfEscalation' ? selfEdges(graph, n.principal.arn) : [];
              return (
                <li key={n.principal.arn} className="analysis-item">
                  <PrincipalLabel principal={n.principal} />
                  <p className="analysis-path-words">
                    <span className="analysis-admin-badge">{t('analysis.map.admin')}</span>
                    {n.admin === 'allActions' ? t('analysis.graph.admin.allActions') : t('analysis.graph.admin.selfEscalation')}
                  </p>
                  {self.length > 0 ? (
                    <ul className="analysis-steps">
                      {self.map((e, i) => (
                        <li key={i}>{`${n.principal.name} ${edgeSentence(t, e, name)}`}</li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby={`${ids}-others`}>
        <h4 id={`${ids}-others`}>{t('analysis.graph.otherEdges')}</h4>
        {others.length === 0 ? (
          <p className="analysis-empty">{t('analysis.graph.noOtherEdges')}</p>
        ) : (
          <ul className="analysis-steps analysis-edges">
            {others.map((e, i) => (
              <li key={i} className={e.kind === 'assumeRole' ? 'is-assume' : 'is-escalation'}>
                <strong dir="auto">{name(e.from)}</strong> {edgeSentence(t, e, name)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <AccessGraphView graph={graph} name={name} />
    </div>
  );
}

function showAdmins(graph: AccessGraph) {
  showOnMap({ admins: adminArns(graph), path: [], steps: [] });
}

function EscalationItem({ graph, path, name }: { readonly graph: AccessGraph; readonly path: EscalationPath; readonly name: (arn: string) => string }) {
  const t = useT();
  const self = path.from === path.to;
  return (
    <li className="analysis-item is-escalation">
      <div className="analysis-item-head">
        <strong className="analysis-path-title">
          <Icon name="warning" size={16} />
          {self ? t('analysis.graph.pathSelf', { from: name(path.from) }) : t('analysis.graph.pathTitle', { from: name(path.from), to: name(path.to) })}
        </strong>
        <ShowOnMapButton highlight={() => escalationHighlight(graph, path)} />
      </div>
      <ol className="analysis-steps">
        {path.edges.map((e, i) => (
          <li key={i}>
            <strong dir="auto">{name(e.from)}</strong> {edgeSentence(t, e, name)}
          </li>
        ))}
      </ol>
    </li>
  );
}
