/**
 * The Decision tab: the decision of the request on screen unfolding stage by stage — the
 * verdict and a plain-language summary, the role-assumption chain before the call, the
 * graph with its player, the steps as text, and the details of the chosen stage. Renders
 * only what the engine returned (the result, its trace, the CloudTrail record).
 */
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { EditError } from '../../engine/edit/types';
import type { DecisionResult, WhatIf } from '../../engine/evaluate/types';
import type { AppliedCall } from '../../engine/iamApi/types';
import type { SessionSummary } from '../../engine/pipeline/sessions';
import type { RequestJson } from '../../engine/scenario/types';
import type { CloudTrailEvent } from '../../engine/trail/types';
import { Icon } from '../components/Icon';
import { useLang, useT } from '../i18n';
import { AppliedCallView } from '../request/AppliedCallView';
import { verdictOf } from '../request/decidingStatements';
import { useAppStore } from '../store';
import type { RequestResult } from '../store/requestSlice';
import type { TrailEntry } from '../store/trailSlice';
import { useDecisionHidden } from '../whatif/predict';
import { WhatIfBar } from '../whatif/WhatIfBar';
import { AssumptionChain } from './AssumptionChain';
import { assumptionChain, shortArn } from './chain';
import { DecisionGraph } from './DecisionGraph';
import { verdictWord } from './labels';
import { Player } from './Player';
import { initialPlayer, playerReducer, stepDelay } from './player';
import { StageDetails } from './StageDetails';
import { decisionGraph } from './stages';
import { StepsList } from './StepsList';
import { plainSummary } from './summary';
import { useAccountName } from './useAccountName';
import './decision.css';

type Done = Extract<RequestResult, { state: 'done' }>;

/** One decision to show: the request on screen, or an earlier one of the event log. */
interface Shown {
  readonly id: string;
  readonly request: RequestJson;
  readonly result: DecisionResult;
  readonly event: CloudTrailEvent;
  readonly issued?: SessionSummary;
  readonly whatIf?: WhatIf;
  /** What the simulated IAM API applied (an earlier one from the log: without its response). */
  readonly applied?: AppliedCall;
  readonly applyError?: EditError;
}

function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function Story({ shown, live, hidden }: { readonly shown: Shown; readonly live: boolean; readonly hidden: boolean }) {
  const t = useT();
  const lang = useLang();
  const accountName = useAccountName();
  const graph = useMemo(() => decisionGraph(shown.result), [shown.result]);
  const [player, dispatch] = useReducer(playerReducer, graph.nodes.length, (total) => initialPlayer(total, prefersReducedMotion()));
  const [selected, setSelected] = useState<string | null>(null);
  const [autoSelected, setAutoSelected] = useState(false);

  // One timer per step: React renders once per step, the CSS transition does the frames.
  useEffect(() => {
    if (!player.playing) return;
    const timer = setTimeout(() => dispatch({ type: 'tick' }), stepDelay(player.speed));
    return () => clearTimeout(timer);
  }, [player.playing, player.step, player.speed]);

  // Once the whole decision is shown, open the stage that decided it (unless the learner chose one).
  const atEnd = player.step >= player.total;
  if (atEnd && !autoSelected && !hidden) {
    setAutoSelected(true);
    if (selected === null) setSelected(graph.nodes.find((n) => n.decisive && n.kind === 'stage')?.key ?? null);
  }

  const side = useRef<HTMLDivElement>(null);
  const select = (key: string) => {
    setSelected(key);
    // Below the graph (two lanes, a narrow screen) the details would open out of sight.
    requestAnimationFrame(() => {
      const box = side.current;
      if (!box || getComputedStyle(box).position === 'sticky') return;
      box.querySelector('.dstage-details')?.scrollIntoView({ block: 'nearest', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    });
    const index = graph.nodes.findIndex((n) => n.key === key);
    if (index >= player.step) dispatch({ type: 'seek', step: index + 1 });
  };
  const node = hidden ? undefined : graph.nodes.find((n) => n.key === selected);
  const verdict = verdictOf(shown.result.decision);

  return (
    <>
      <header className="dstory-head">
        {hidden ? (
          <p className="dverdict dverdict-hidden">
            <Icon name="info" size={22} />
            <span>{t('graph.hiddenOutcome')}</span>
          </p>
        ) : (
          <p className={`dverdict verdict-${verdict}`}>
            <Icon name={verdict} size={26} />
            <span className="dverdict-label">{verdictWord(lang, shown.result.decision)}</span>
            {shown.whatIf ? <span className="dwhatif-badge">{t('graph.whatIf')}</span> : null}
          </p>
        )}
        <p className="dstory-request">
          <code>{shortArn(shown.event.userIdentity.arn) === '—' ? (shown.request.principal ?? '—') : shortArn(shown.event.userIdentity.arn)}</code>
          <Icon name="arrow" size={14} />
          <code>{shown.request.action}</code>
          <span className="muted">·</span>
          <code>{shown.request.resource}</code>
        </p>
        {shown.whatIf && !hidden ? <p className="dwhatif-note">{t('graph.whatIfNote')}</p> : null}
        {shown.applied && !hidden ? <AppliedCallView applied={shown.applied} applyError={shown.applyError} /> : null}
        {hidden ? null : (
          <div className="dsummary">
            <h3 className="section-title">{t('graph.summary')}</h3>
            <p>{plainSummary(lang, { result: shown.result, request: shown.request, event: shown.event, issued: shown.issued })}</p>
            <blockquote lang="en" className="dmessage">
              <span className="dmessage-title" lang={lang}>
                {t('decision.awsMessage')}
              </span>
              {shown.result.message}
            </blockquote>
          </div>
        )}
      </header>
      <Player state={player} dispatch={dispatch} />
      <div className={`dstory-body${graph.crossAccount ? ' is-cross' : ''}`}>
        <div className="dstory-graph">
          <DecisionGraph graph={graph} result={shown.result} step={player.step} selected={selected} hideOutcomes={hidden} switchable={live} onSelect={select} />
        </div>
        {/* It scrolls beside a long graph: focusable, so the keyboard can scroll it too. */}
        <div className="dstory-side" ref={side} role="region" aria-label={t('graph.sideLabel')} tabIndex={0}>
          {node ? (
            <StageDetails key={node.key} node={node} result={shown.result} applied={shown.applied} switchable={live} onClose={() => setSelected(null)} onJump={select} />
          ) : (
            <p className="muted dstory-hint">{t('graph.detailsHint')}</p>
          )}
          <StepsList graph={graph} result={shown.result} step={player.step} hideOutcomes={hidden} accountName={accountName} />
        </div>
      </div>
    </>
  );
}

function DoneView({ result }: { readonly result: Done }) {
  const t = useT();
  const trail = useAppStore((s) => s.trail);
  const hidden = useDecisionHidden();
  const [earlier, setEarlier] = useState<TrailEntry | null>(null);
  const links = useMemo(() => assumptionChain(result.event, trail), [result.event, trail]);
  const current: Shown = {
    id: result.event.eventID, request: result.request, result: result.decision, event: result.event, issued: result.issued, whatIf: result.whatIf,
    ...(result.applied ? { applied: result.applied } : {}), ...(result.applyError ? { applyError: result.applyError } : {}),
  };
  const shown: Shown = earlier
    ? { id: earlier.id, request: earlier.request, result: earlier.result, event: earlier.event, issued: earlier.issued, ...(earlier.applied ? { applied: earlier.applied } : {}) }
    : current;
  return (
    <>
      <AssumptionChain links={links} showing={earlier} onShow={setEarlier} />
      {earlier ? (
        <p className="dviewing" role="status">
          {t('graph.viewing', { call: earlier.event.eventName, caller: shortArn(earlier.event.userIdentity.arn) })}{' '}
          <button type="button" className="button secondary small" onClick={() => setEarlier(null)}>
            {t('graph.backToLatest')}
          </button>
        </p>
      ) : null}
      <Story key={`${shown.id}:${shown.whatIf ? JSON.stringify(shown.whatIf) : ''}:${String(hidden && !earlier)}`} shown={shown} live={!earlier} hidden={hidden && !earlier} />
    </>
  );
}

export default function DecisionPanel() {
  const t = useT();
  const result = useAppStore((s) => s.result);
  return (
    <div className="dpanel">
      <div className="dpanel-inner">
        <h2 className="dpanel-title">{t('graph.title')}</h2>
        <WhatIfBar />
        {result.state === 'idle' ? <p className="muted dpanel-idle">{t('graph.idle')}</p> : null}
        {result.state === 'running' ? <p className="muted dpanel-idle" role="status">{t('graph.running')}</p> : null}
        {result.state === 'failed' ? (
          <div className="inline-error" role="alert">
            <Icon name="error" size={18} />
            <p>{result.restarted ? t('decision.restarted') : t('decision.failed', { message: result.message })}</p>
          </div>
        ) : null}
        {result.state === 'done' ? <DoneView key={result.event.eventID + (result.whatIf ? ':whatif' : '')} result={result} /> : null}
      </div>
    </div>
  );
}
