/**
 * The engine's answer, compact, in the console: the decision (icon + words, never colour
 * alone), a plain-language summary, the stage(s) that decided, the statement(s) that
 * decided with their text, AWS's own message, and the way to the Decision tab where it
 * unfolds stage by stage. In predict-first mode the learner guesses before any of it shows.
 * Everything shown comes from the DecisionResult.
 */
import { useEffect, useRef } from 'react';
import { Icon } from '../components/Icon';
import { plainSummary } from '../decision/summary';
import { expectationWords } from '../exercises/describeGoal';
import { useLang, useT } from '../i18n';
import { useAppStore } from '../store';
import type { RequestResult } from '../store/requestSlice';
import { PredictPanel } from '../whatif/PredictPanel';
import { AppliedCallView } from './AppliedCallView';
import { useDecisionHidden } from '../whatif/predict';
import { meetsExpectation, verdictOf } from './decidingStatements';
import { StatementList } from './StatementList';
import '../decision/console.css';

type Done = Extract<RequestResult, { state: 'done' }>;

function Verdict({ result }: { readonly result: Done }) {
  const t = useT();
  const { decision } = result.decision;
  const verdict = verdictOf(decision);
  const label = verdict === 'error' ? t('decision.errorCode', { code: decision }) : t(`decision.${verdict}`);
  const expected = result.expected;
  return (
    <div className={`verdict verdict-${verdict}`}>
      <Icon name={verdict} size={28} />
      <div>
        <p className="verdict-label" data-decision={decision}>
          {label}
        </p>
        {result.whatIf ? <p className="verdict-whatif">{t('graph.whatIf')}</p> : null}
        {expected !== undefined ? (
          <p className="verdict-expect">
            {meetsExpectation(decision, expected) ? t('decision.asExpected') : t('decision.notAsExpected', { expected: expectationWords(t, expected) })}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function DoneView({ result }: { readonly result: Done }) {
  const t = useT();
  const lang = useLang();
  const setMainView = useAppStore((s) => s.setMainView);
  const { decision, request } = result;
  return (
    <>
      <Verdict result={result} />
      <p className="request-summary">
        <code>{request.principal ?? '—'}</code>
        <Icon name="arrow" size={14} />
        <code>{request.action}</code>
        <span className="muted">·</span>
        <code>{request.resource}</code>
      </p>
      {result.applied ? <AppliedCallView applied={result.applied} applyError={result.applyError} /> : null}
      <dl className="facts">
        <div>
          <dt>{t('decision.why')}</dt>
          <dd>{plainSummary(lang, { result: decision, request, event: result.event, issued: result.issued })}</dd>
        </div>
        {decision.decidedBy.length > 0 ? (
          <div>
            <dt>{t('decision.decidedBy')}</dt>
            <dd>
              <ul className="stage-list">
                {decision.decidedBy.map((stage) => (
                  <li key={stage} className="stage-chip">
                    {t(`stage.${stage}`)}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
      <button type="button" className="button secondary watch-decision" onClick={() => setMainView('decision')}>
        <Icon name="arrow" size={16} />
        {t('graph.watch')}
      </button>
      <StatementList decision={decision} />
      <div className="aws-message">
        <h3 className="section-title">{t('decision.awsMessage')}</h3>
        <blockquote lang="en">{decision.message}</blockquote>
      </div>
    </>
  );
}

export function DecisionView() {
  const t = useT();
  const result = useAppStore((s) => s.result);
  const hidden = useDecisionHidden();
  const ref = useRef<HTMLDivElement>(null);
  // A new answer is brought into view: on a short screen it lands below the form. Only
  // when it is out of view, and after the answer is painted: measuring the page before the
  // paint would force a layout of the whole page (the map too) on every request.
  useEffect(() => {
    if (result.state !== 'done' && result.state !== 'failed') return;
    const region = ref.current?.closest('section') ?? ref.current;
    if (!region) return;
    const observer = new IntersectionObserver(([entry]) => {
      observer.disconnect();
      if (entry && entry.intersectionRatio < 1) {
        const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        region.scrollIntoView({ block: 'nearest', behavior: reduced ? 'auto' : 'smooth' });
      }
    }, { threshold: 1 });
    observer.observe(region);
    return () => observer.disconnect();
  }, [result]);
  return (
    <div ref={ref} className="decision" aria-live="polite" aria-busy={result.state === 'running'}>
      <PredictPanel />
      {result.state === 'idle' ? <p className="muted decision-idle">{t('decision.idle')}</p> : null}
      {result.state === 'running' ? <p className="muted decision-idle">{t('decision.running')}</p> : null}
      {result.state === 'failed' ? (
        <div className="inline-error" role="alert">
          <Icon name="error" size={18} />
          <p>{result.restarted ? t('decision.restarted') : t('decision.failed', { message: result.message })}</p>
        </div>
      ) : null}
      {result.state === 'done' && !hidden ? <DoneView result={result} /> : null}
    </div>
  );
}
