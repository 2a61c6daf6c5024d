/**
 * Predict-first: while the answer on screen is hidden, the learner guesses the decision and
 * the deciding layer; on "Reveal" the guess is judged against the engine's answer and the
 * feedback (right, or what was right and why, in the engine's words) is announced. A small
 * score counts the guesses of this page session.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Stage } from '../../engine/evaluate/types';
import { Icon } from '../components/Icon';
import { translateReason, useLang, useT, type Translate } from '../i18n';
import { useAppStore } from '../store';
import { GUESSABLE_DECISIONS, GUESSABLE_STAGES, type GuessedDecision, type Judgement } from './judge';
import { useDecisionHidden, useJudgement, usePredictEnabled } from './predict';
import './whatif.css';

function decisionLabel(t: Translate, decision: GuessedDecision): string {
  return decision === 'error' ? t('predict.error') : t(`decision.${decision}`);
}

/** The mode switch, "Predict first" (PredictPanel shows it: place it elsewhere only instead of the panel). */
export function PredictModeSwitch() {
  const t = useT();
  const enabled = usePredictEnabled();
  const setEnabled = useAppStore((s) => s.setPredictEnabled);
  const hintId = useId();
  return (
    <>
      <label className="predict-mode" title={t('predict.modeHint')}>
        <input type="checkbox" role="switch" checked={enabled} aria-describedby={hintId} onChange={(e) => setEnabled(e.currentTarget.checked)} />
        <span className="whatif-toggle-track" aria-hidden="true" />
        <span>{t('predict.mode')}</span>
      </label>
      {/* Outside the label: a description, not part of the switch's name. */}
      <span id={hintId} className="visually-hidden">
        {t('predict.modeHint')}
      </span>
    </>
  );
}

function GuessForm() {
  const t = useT();
  const submitGuess = useAppStore((s) => s.submitGuess);
  const [decision, setDecision] = useState<GuessedDecision | null>(null);
  const [stage, setStage] = useState<Stage | ''>('');
  const [missing, setMissing] = useState(false);
  const stageId = useId();
  const errorId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (decision === null || stage === '') {
      setMissing(true);
      return;
    }
    submitGuess({ decision, stage });
  };
  return (
    <form className="predict-form" onSubmit={submit} noValidate aria-describedby={missing ? errorId : undefined}>
      <p className="predict-ask">{t('predict.ask')}</p>
      <fieldset className="predict-decisions">
        <legend>{t('predict.decision')}</legend>
        {GUESSABLE_DECISIONS.map((d) => (
          <label key={d} className={`predict-choice predict-${d}`}>
            <input type="radio" name="predict-decision" value={d} checked={decision === d} onChange={() => setDecision(d)} />
            <Icon name={d} size={16} />
            <span>{decisionLabel(t, d)}</span>
          </label>
        ))}
      </fieldset>
      <div className="predict-stage">
        <label htmlFor={stageId}>{t('predict.stage')}</label>
        <select id={stageId} value={stage} onChange={(e) => setStage(e.currentTarget.value as Stage | '')}>
          <option value="">{t('predict.chooseStage')}</option>
          {GUESSABLE_STAGES.map((s) => (
            <option key={s} value={s}>
              {t(`stage.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {missing && (decision === null || stage === '') ? (
        <p id={errorId} className="predict-missing" role="alert">
          <Icon name="warning" size={14} />
          {t('predict.needBoth')}
        </p>
      ) : null}
      <button type="submit" className="button primary small">
        {t('predict.submit')}
      </button>
    </form>
  );
}

function Feedback({ judgement }: { readonly judgement: Judgement }) {
  const t = useT();
  const lang = useLang();
  const result = useAppStore((s) => s.result);
  const guess = useAppStore((s) => s.predict.guess);
  const ref = useRef<HTMLDivElement>(null);
  // The form that had focus is gone: the keyboard continues from the feedback.
  useEffect(() => ref.current?.focus(), []);
  if (result.state !== 'done' || guess === null) return null;
  const { decision } = result;
  const stages = decision.decidedBy.map((s) => t(`stage.${s}`)).join(', ');
  const actual = decisionLabel(t, judgement.actual);
  if (judgement.right) {
    return (
      <div ref={ref} tabIndex={-1} className="predict-feedback is-right">
        <p>
          <Icon name="allowed" size={18} />
          <span>{t('predict.right', { decision: actual, stage: stages })}</span>
        </p>
      </div>
    );
  }
  return (
    <div ref={ref} tabIndex={-1} className="predict-feedback is-wrong">
      <p className="predict-verdict">
        <Icon name="error" size={18} />
        <strong>{t('predict.wrong')}</strong>
        {judgement.decisionRight ? <span> {t('predict.decisionWasRight')}</span> : null}
        {judgement.stageRight && !judgement.decisionRight ? <span> {t('predict.stageWasRight')}</span> : null}
      </p>
      <p>{t('predict.youSaid', { decision: decisionLabel(t, guess.decision), stage: t(`stage.${guess.stage}`) })}</p>
      <p className="predict-answer">{t('predict.answer', { decision: actual, stages })}</p>
      <p>{t('predict.why', { reason: translateReason(lang, decision.reason, decision.params) })}</p>
    </div>
  );
}

/**
 * Predict-first in the decision region: the mode switch; when on, the guess form while the
 * decision is hidden, then the feedback and the score.
 */
export function PredictPanel() {
  const t = useT();
  const enabled = usePredictEnabled();
  const hidden = useDecisionHidden();
  const judgement = useJudgement();
  const state = useAppStore((s) => s.result.state);
  const score = useAppStore((s) => s.predict.score);
  const titleId = useId();
  if (!enabled) {
    return (
      <div className="predict-off">
        <PredictModeSwitch />
      </div>
    );
  }
  return (
    <section className="predict-panel" aria-labelledby={titleId}>
      <div className="predict-head">
        <h3 id={titleId} className="section-title">
          {t('predict.title')}
        </h3>
        <PredictModeSwitch />
      </div>
      {state === 'idle' ? <p className="muted">{t('predict.waiting')}</p> : null}
      {hidden ? <GuessForm /> : null}
      <div aria-live="polite" className="predict-live">
        {judgement ? <Feedback judgement={judgement} /> : null}
      </div>
      {score.total > 0 ? <p className="predict-score">{t('predict.score', { right: score.right, total: score.total })}</p> : null}
    </section>
  );
}
