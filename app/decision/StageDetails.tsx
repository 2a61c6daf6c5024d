/**
 * The details of one stage: what the engine said about it, its SCP/RCP levels, its
 * policies and their statements — matched, near misses with the "why not" of every element,
 * not matched, switched off — each with "Show in the policy" (the exact span in the editor)
 * and the what-if switches; for the explicit-deny scan, where the denies were found, each a
 * way to that stage. Everything shown is the trace's.
 */
import type { DecisionResult, TraceEvent, TraceOutcome } from '../../engine/evaluate/types';
import type { AppliedCall } from '../../engine/iamApi/types';
import { NODE_KINDS } from '../canvas/kinds';
import { Icon } from '../components/Icon';
import { translate, translateReason, useLang, useT, type Translate } from '../i18n';
import { useAppStore } from '../store';
import { policySourceText } from '../world/policyText';
import { useWorldGraph } from '../world/useWorld';
import { WhatIfToggle } from '../whatif/WhatIfToggle';
import { appliedSummary } from './applied';
import { denyFindings, explainStage, stageFacts, type ElementResult, type PolicyExplanation, type StatementCategory, type StatementExplanation } from './explain';
import { nodeDetail, nodeTitle, outcomeWord } from './labels';
import { OutcomeIcon } from './OutcomeIcon';
import type { GraphNode, NodeOutcome } from './stages';

interface Props {
  readonly node: GraphNode;
  readonly result: DecisionResult;
  /** What the simulated IAM API applied, for the `api` stage's details. */
  readonly applied?: AppliedCall | undefined;
  /** What-if switches are offered only for the request on screen, not for an earlier one. */
  readonly switchable: boolean;
  onClose(): void;
  /** Opens another node of the graph (by its key): where the explicit-deny scan found a deny. */
  onJump(key: string): void;
}

const CATEGORY_OUTCOME: Readonly<Record<StatementCategory, NodeOutcome>> = { matched: 'allow', nearMiss: 'implicitDeny', notMatched: 'implicitDeny', switchedOff: 'notApplicable' };

function asNodeOutcome(outcome: TraceOutcome): NodeOutcome {
  return outcome === 'noMatch' ? 'implicitDeny' : outcome;
}

/** What the request brought for this element (the engine's parameters), e.g. the action or the caller. */
function requestValue(params: TraceEvent['params']): string | undefined {
  if (typeof params.key === 'string') return `${params.key} = ${params.actual !== undefined ? String(params.actual) : '—'}`;
  const value = params.action ?? params.resource ?? params.caller;
  return value === undefined ? undefined : String(value);
}

function ElementRow({ element, source }: { readonly element: ElementResult; readonly source: string | undefined }) {
  const t = useT();
  const lang = useLang();
  const { event, ok } = element;
  // The element as written in the policy, cut at the span the engine gave.
  const written = source !== undefined && event.span ? source.slice(event.span.start, event.span.end).replace(/\s+/g, ' ') : undefined;
  const asked = requestValue(event.params);
  const outcome: NodeOutcome = ok === true ? 'pass' : ok === false ? 'fail' : 'notApplicable';
  return (
    <li className={`delement delement-${outcome}`}>
      <OutcomeIcon outcome={outcome} size={16} />
      <span className="delement-name">{event.element ?? ''}</span>
      <span className="delement-word">{ok === true ? t('graph.elementOk') : ok === false ? t('graph.elementNo') : t('graph.elementNeutral')}</span>
      <span className="delement-reason">{translateReason(lang, event.reason, event.params)}</span>
      {written ? (
        <span className="delement-value">
          <span className="delement-label">{t('graph.inPolicy')}</span> <code>{written}</code>
        </span>
      ) : null}
      {asked ? (
        <span className="delement-value">
          <span className="delement-label">{t('graph.inRequest')}</span> <code>{asked}</code>
        </span>
      ) : null}
    </li>
  );
}

function StatementItem({ item, switchable, policyName, decisive }: { readonly item: StatementExplanation; readonly switchable: boolean; readonly policyName: string; readonly decisive: boolean }) {
  const t = useT();
  const lang = useLang();
  const showStatement = useAppStore((s) => s.showStatement);
  const graph = useWorldGraph();
  const { event, category } = item;
  const node = graph?.nodes.find((n) => n.id === event.policy?.id);
  const index = (event.statement?.index ?? 0) + 1;
  const sid = event.statement?.sid;
  const outcome = category === 'matched' ? asNodeOutcome(event.outcome) : CATEGORY_OUTCOME[category];
  const failing = item.elements.filter((e) => e.ok === false);
  const document = node?.policy?.document;
  const source = document !== undefined ? policySourceText(document) : undefined;
  return (
    <li className={`dstatement dstatement-${category}`}>
      <div className="dstatement-head">
        <span className={`dbadge dbadge-${outcome}`}>
          <OutcomeIcon outcome={outcome} size={14} />
          {t(`graph.cat.${category}`)}
          {category === 'matched' ? ` · ${outcomeWord(lang, outcome)}` : ''}
        </span>
        <span className="dstatement-name">{t('graph.statement', { index })}</span>
        {sid ? <code className="dstatement-sid">Sid: {sid}</code> : null}
        <span className="dstatement-effect">{String(event.params.effect ?? '')}</span>
      </div>
      {category === 'switchedOff' ? <p className="dswitched-note">{translateReason(lang, event.reason, event.params)}</p> : null}
      {category === 'nearMiss' && failing.length > 0 ? (
        <p className="dwhy-not">
          <strong>{t('graph.whyNot')}:</strong> {failing.map((e) => `${e.event.element ?? ''} — ${translateReason(lang, e.event.reason, e.event.params)}`).join(' · ')}
        </p>
      ) : null}
      {item.elements.length > 0 ? (
        // Open where the learner's question is: a near miss, or a statement that decided.
        <details className="delements-box" open={category === 'nearMiss' || (category === 'matched' && decisive)}>
          <summary>
            {t('graph.elements')} ({item.elements.length})
          </summary>
          <ul className="delements">
            {item.elements.map((element) => (
              <ElementRow key={element.event.id} element={element} source={source} />
            ))}
          </ul>
        </details>
      ) : null}
      <div className="dstatement-actions">
        {node ? (
          <button type="button" className="button secondary small" onClick={() => showStatement({ nodeId: node.id, span: event.span })}>
            {t('decision.showInPolicy')}
          </button>
        ) : null}
        {switchable && event.policy ? <WhatIfToggle target={{ kind: 'statement', policy: event.policy.id, index: event.statement?.index ?? 0 }} label={policyName} /> : null}
      </div>
    </li>
  );
}

function policyKindLabel(t: Translate, kind: string | undefined, nodeKind: keyof typeof NODE_KINDS | undefined): string {
  return nodeKind ? t(NODE_KINDS[nodeKind].label) : (kind ?? '');
}

function PolicyItem({ item, switchable, decisive }: { readonly item: PolicyExplanation; readonly switchable: boolean; readonly decisive: boolean }) {
  const t = useT();
  const lang = useLang();
  const graph = useWorldGraph();
  const { event } = item;
  const node = graph?.nodes.find((n) => n.id === event.policy?.id);
  const name = node?.label ?? event.policy?.name ?? String(event.params.name ?? '');
  const outcome = item.switchedOff ? 'notApplicable' : asNodeOutcome(event.outcome);
  return (
    <li className={`dpolicy${item.switchedOff ? ' is-switched-off' : ''}`}>
      <div className="dpolicy-head">
        <Icon name={node ? NODE_KINDS[node.kind].icon : 'policy'} size={16} />
        <span className="dpolicy-kind">{policyKindLabel(t, event.policy?.kind, node?.kind)}</span>
        <strong className="dpolicy-name">{name}</strong>
        {item.level ? <span className="dpolicy-level">{t('graph.atLevel', { level: String(item.level.params.name ?? item.level.params.target ?? '') })}</span> : null}
        <span className={`dbadge dbadge-${outcome}`}>
          <OutcomeIcon outcome={outcome} size={14} />
          {event.outcome === 'noMatch' ? t('graph.cat.notMatched') : outcomeWord(lang, outcome)}
        </span>
        {switchable && event.policy ? <WhatIfToggle target={{ kind: 'policy', id: event.policy.id }} label={name} /> : null}
      </div>
      {item.switchedOff ? <p className="dswitched-note">{t('graph.switchedOffPolicy')}</p> : null}
      {event.reason === 'policyInvalid' ? <p className="dswitched-note">{translateReason(lang, event.reason, event.params)}</p> : null}
      {item.statements.length > 0 ? (
        <ol className="dstatements">
          {item.statements.map((statement) => (
            <StatementItem key={statement.event.id} item={statement} switchable={switchable} policyName={name} decisive={decisive} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

function Facts({ facts, lang }: { readonly facts: readonly TraceEvent[]; readonly lang: ReturnType<typeof useLang> }) {
  if (facts.length === 0) return null;
  return (
    <ul className="dfacts">
      {facts.map((fact) => (
        <li key={fact.id}>
          <OutcomeIcon outcome={asNodeOutcome(fact.outcome)} size={14} /> {translateReason(lang, fact.reason, fact.params)}
        </li>
      ))}
    </ul>
  );
}

/** Where the explicit-deny scan found its denies: each stage (a button to it) and its denying policies. */
function DenyScanFindings({ trace, scan, onJump }: { readonly trace: readonly TraceEvent[]; readonly scan: TraceEvent; readonly onJump: (key: string) => void }) {
  const t = useT();
  const lang = useLang();
  const findings = denyFindings(trace, scan.id);
  if (scan.outcome !== 'deny' || findings.length === 0) return null;
  return (
    <div className="ddeny-scan">
      <h4 className="ddeny-title">{t('graph.denyScan.found')}</h4>
      <ul className="ddeny-list">
        {findings.map(({ stage, policies }) => {
          const title = translate(lang, `stage.${stage.stage}`);
          return (
            <li key={stage.id} className="ddeny-item">
              <button type="button" className="button secondary small" onClick={() => onJump(String(stage.id))}>
                <OutcomeIcon outcome="deny" size={14} />
                {t('graph.denyScan.goTo', { stage: title })}
              </button>
              <ul className="ddeny-policies">
                {policies.map((policy) => (
                  <li key={policy.event.id}>
                    <strong>{policy.event.policy?.name ?? String(policy.event.params.name ?? '')}</strong>
                    {policy.level ? <span className="dpolicy-level"> {t('graph.atLevel', { level: String(policy.level.params.name ?? policy.level.params.target ?? '') })}</span> : null}
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The request context the policies were judged against: only for the context stage. */
function ContextTable({ result }: { readonly result: DecisionResult }) {
  const t = useT();
  if (result.context.length === 0) return null;
  return (
    <table className="dcontext">
      <caption>{t('decision.context')}</caption>
      <tbody>
        {result.context.map(([key, value]) => (
          <tr key={key}>
            <th scope="row">
              <code>{key}</code>
            </th>
            <td>
              <code>{Array.isArray(value) ? value.join(', ') : String(value)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Params({ event }: { readonly event: TraceEvent }) {
  const entries = Object.entries(event.params).filter(([key]) => key !== 'decision' && key !== 'decidedBy');
  if (entries.length === 0) return null;
  return (
    <dl className="dparams">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>
            <code>{String(value)}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function StageDetails({ node, result, applied, switchable, onClose, onJump }: Props) {
  const t = useT();
  const lang = useLang();
  const trace = result.trace ?? [];
  const title = nodeTitle(lang, node);
  const explained = node.event && node.kind === 'stage' ? explainStage(trace, node.event.id) : [];
  const facts = node.event ? stageFacts(trace, node.event.id) : [];
  // In the stage that decided, the policies with the stage's own outcome are the ones that decided it.
  const decisiveOutcome = node.decisive ? node.event?.outcome : undefined;
  // Those come first: the learner's first question is what decided.
  const policies = [...explained.filter((p) => p.event.outcome === decisiveOutcome), ...explained.filter((p) => p.event.outcome !== decisiveOutcome)];
  return (
    <section className="dstage-details" aria-labelledby="dstage-details-title">
      <div className="dstage-details-head">
        <h3 id="dstage-details-title" className="section-title">
          {t('graph.details', { stage: title })}
        </h3>
        <button type="button" className="icon-button" aria-label={t('graph.close')} title={t('graph.close')} onClick={onClose}>
          <Icon name="close" size={16} />
        </button>
      </div>
      <p className="dstage-reason">{nodeDetail(lang, node, result)}</p>
      {node.kind === 'decision' ? <p className="dstage-reason">{translateReason(lang, result.reason, result.params)}</p> : null}
      {node.stage === 'api' && node.kind === 'step' && applied ? <p className="dstage-reason">{appliedSummary(lang, applied.summary)}</p> : null}
      {node.stage === 'api' && node.kind === 'step' && node.outcome === 'fail' ? (
        <blockquote lang="en" className="dmessage">
          {result.message}
        </blockquote>
      ) : null}
      {node.event && (node.kind === 'step' || node.kind === 'decision') ? <Params event={node.event} /> : null}
      {node.stage === 'context' && node.kind === 'stage' ? <ContextTable result={result} /> : null}
      {node.stage === 'denyScan' && node.event ? <DenyScanFindings trace={trace} scan={node.event} onJump={onJump} /> : null}
      <Facts facts={facts} lang={lang} />
      {node.kind === 'stage' && node.stage !== 'context' && node.stage !== 'denyScan' ? (
        policies.length > 0 ? (
          <ul className="dpolicies">
            {policies.map((policy) => (
              <PolicyItem key={policy.event.id} item={policy} switchable={switchable} decisive={decisiveOutcome !== undefined && policy.event.outcome === decisiveOutcome} />
            ))}
          </ul>
        ) : (
          <p className="muted">{t('graph.noPolicies')}</p>
        )
      ) : null}
    </section>
  );
}
