/**
 * The engine's answer: the decision (icon + words, never colour alone), why in the
 * learner's language, the stage(s) that decided, the statement(s) that decided with their
 * text, and AWS's own message. Everything shown comes from the DecisionResult.
 */
import { useEffect, useRef } from 'react';
import { Icon } from '../components/Icon';
import { useLang, useT, translateReason } from '../i18n';
import { useAppStore } from '../store';
import type { RequestResult } from '../store/requestSlice';
import { meetsExpectation, verdictOf } from './decidingStatements';
import { StatementList } from './StatementList';

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
        {expected !== undefined ? (
          <p className="verdict-expect">
            {meetsExpectation(decision, expected) ? t('decision.asExpected') : t('decision.notAsExpected', { expected })}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function DoneView({ result }: { readonly result: Done }) {
  const t = useT();
  const lang = useLang();
  const { decision, request } = { decision: result.decision, request: result.request };
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
      <dl className="facts">
        <div>
          <dt>{t('decision.why')}</dt>
          <dd>{translateReason(lang, decision.reason, decision.params)}</dd>
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
  const ref = useRef<HTMLDivElement>(null);
  // A new answer is brought into view: on a short screen it lands below the form.
  useEffect(() => {
    if (result.state !== 'done' && result.state !== 'failed') return;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const region = ref.current?.closest('section') ?? ref.current;
    region?.scrollIntoView({ block: 'nearest', behavior: reduced ? 'auto' : 'smooth' });
  }, [result]);
  return (
    <div ref={ref} className="decision" aria-live="polite" aria-busy={result.state === 'running'}>
      {result.state === 'idle' ? <p className="muted decision-idle">{t('decision.idle')}</p> : null}
      {result.state === 'running' ? <p className="muted decision-idle">{t('decision.running')}</p> : null}
      {result.state === 'failed' ? (
        <div className="inline-error" role="alert">
          <Icon name="error" size={18} />
          <p>{result.restarted ? t('decision.restarted') : t('decision.failed', { message: result.message })}</p>
        </div>
      ) : null}
      {result.state === 'done' ? <DoneView result={result} /> : null}
    </div>
  );
}
