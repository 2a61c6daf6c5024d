/**
 * The exercise being worked on, above the map, the decision and the log: its task, its
 * goals as a checklist (each goal's state is the engine's judgement, shown with an icon
 * and words), hints one at a time, the world lock, and once every goal is met the solved
 * banner with the explanation and the next exercise. It renders; it never decides.
 */
import { useState } from 'react';
import type { GoalOutcome } from '../../engine/check/exercise';
import type { GoalJson } from '../../engine/scenario/types';
import { Icon } from '../components/Icon';
import { useLang, useT } from '../i18n';
import { useAppStore } from '../store';
import { openPack } from '../store/exerciseSlice';
import { nextExerciseId, openExercise, showHint, startOver } from './classroom';
import { describeGoal, describeOutcome, localizedText } from './describeGoal';
import { exercisesOf } from './packs';
import './classroom.css';

const NO_OUTCOMES: readonly GoalOutcome[] = [];

function focusConsole(): void {
  const console = document.getElementById('request-console');
  console?.scrollIntoView({ block: 'start' });
  console?.focus();
}

export function ExerciseCard() {
  const t = useT();
  const lang = useLang();
  const id = useAppStore((s) => s.activeExercise);
  const packStatus = useAppStore((s) => s.packStatus);
  const judgement = useAppStore((s) => s.judgement);
  const progress = useAppStore((s) => (id === null ? undefined : s.progress[id]));
  const setMainView = useAppStore((s) => s.setMainView);
  const [collapsed, setCollapsed] = useState(false);

  const open = openPack(packStatus);
  if (id === null || !open) return null;
  const all = exercisesOf(open.pack);
  const index = all.findIndex((e) => e.exercise.id === id);
  const entry = all[index];
  if (!entry) return null;
  const { exercise, scenario } = entry;
  const title = localizedText(scenario.title, lang) ?? exercise.id;
  const hints = exercise.hints ?? [];
  const hintsShown = Math.min(progress?.hintsShown ?? 0, hints.length);
  const outcomes = judgement.state === 'done' ? judgement.judgement.goals : NO_OUTCOMES;
  const solved = judgement.state === 'done' && judgement.judgement.solved;
  const next = nextExerciseId(id);
  const explanation = localizedText(exercise.explanation, lang);
  const bodyId = `exercise-card-body`;

  return (
    <section className={`exercise-card${solved ? ' is-solved' : ''}`} aria-labelledby="exercise-card-title">
      <header className="exercise-card-head">
        <p className="exercise-card-kicker">{t('card.label')}</p>
        <h2 id="exercise-card-title" className="exercise-card-title">
          {t('card.title', { index: index + 1, total: all.length, title })}
        </h2>
        <div className="exercise-card-actions">
          <button type="button" className="button secondary small" onClick={() => setMainView('exercises')}>
            {t('card.backToList')}
          </button>
          <button type="button" className="button secondary small" title={t('card.startOverConfirm')} onClick={() => startOver(id)}>
            <Icon name="refresh" size={14} />
            {t('card.startOver')}
          </button>
          <button type="button" className="button secondary small" aria-expanded={!collapsed} aria-controls={bodyId} onClick={() => setCollapsed(!collapsed)}>
            {collapsed ? t('card.expand') : t('card.collapse')}
          </button>
        </div>
      </header>
      <div id={bodyId} className="exercise-card-body" hidden={collapsed}>
        {solved ? (
          <div className="exercise-solved" role="status">
            <p className="exercise-solved-title">
              <Icon name="allowed" size={18} />
              {t('card.solved')} <span className="exercise-solved-sub">{t('card.solvedBody')}</span>
            </p>
            {explanation ? (
              <div className="exercise-explanation">
                <h3>{t('card.explanation')}</h3>
                <p>{explanation}</p>
              </div>
            ) : null}
            {next ? (
              <button type="button" className="button primary small" onClick={() => void openExercise(next)}>
                {t('card.next')}
                <Icon name="arrow" size={14} />
              </button>
            ) : (
              <p className="muted">{t('card.lastDone')}</p>
            )}
          </div>
        ) : null}
        <div className="exercise-task">
          <h3>{t('card.task')}</h3>
          <p>{localizedText(exercise.task, lang)}</p>
        </div>
        {exercise.worldLocked ? (
          <div className="exercise-locked" role="note">
            <Icon name="info" size={16} />
            <p>{t('card.locked')}</p>
            <button type="button" className="button secondary small" onClick={focusConsole}>
              {t('card.toConsole')}
            </button>
          </div>
        ) : null}
        <Goals goals={exercise.goals} outcomes={outcomes} />
        {exercise.worldLocked || (progress?.performed.length ?? 0) > 0 ? (
          <p className="muted exercise-performed">{t('card.performed', { count: progress?.performed.length ?? 0 })}</p>
        ) : null}
        {hints.length > 0 ? (
          <div className="exercise-hints">
            <h3>{t('card.hints')}</h3>
            {hintsShown > 0 ? (
              <ol className="exercise-hint-list" aria-live="polite">
                {hints.slice(0, hintsShown).map((hint, i) => (
                  <li key={i}>
                    <span className="exercise-hint-n">{t('card.hintN', { n: i + 1 })}</span> {localizedText(hint, lang)}
                  </li>
                ))}
              </ol>
            ) : null}
            {hintsShown < hints.length ? (
              <button type="button" className="button secondary small" onClick={() => showHint(id)}>
                {t('card.showHint', { shown: hintsShown, total: hints.length })}
              </button>
            ) : (
              <p className="muted">{t('card.noMoreHints')}</p>
            )}
          </div>
        ) : null}
      </div>
    </section>
  );
}

function Goals({ goals, outcomes }: { readonly goals: readonly GoalJson[]; readonly outcomes: readonly GoalOutcome[] }) {
  const t = useT();
  const lang = useLang();
  const judgement = useAppStore((s) => s.judgement);
  const met = outcomes.filter((o) => o.met).length;
  return (
    <div className="exercise-goals">
      <div className="exercise-goals-head">
        <h3 id="exercise-goals-title">{t('card.goals')}</h3>
        <p className="exercise-goals-count" aria-live="polite">
          {judgement.state === 'done' ? t('card.goalsCount', { met, of: goals.length }) : judgement.state === 'failed' ? '' : t('card.judging')}
        </p>
      </div>
      {judgement.state === 'failed' ? (
        <p className="inline-error" role="alert">
          {t('card.judgeFailed', { message: judgement.message })}
        </p>
      ) : null}
      <ul className="exercise-goal-list" aria-labelledby="exercise-goals-title">
        {goals.map((goal, i) => {
          const outcome = outcomes.find((o) => o.index === i);
          const state = outcome === undefined ? 'unknown' : outcome.met ? 'met' : 'unmet';
          const now = outcome?.met ? undefined : describeOutcome(goal, outcome, t);
          return (
            <li key={i} className={`exercise-goal is-${state}`}>
              <Icon name={state === 'met' ? 'allowed' : state === 'unmet' ? 'implicitDeny' : 'info'} size={16} />
              <span className="exercise-goal-state">{t(state === 'met' ? 'card.goal.met' : state === 'unmet' ? 'card.goal.unmet' : 'card.goal.unknown')}</span>
              <span className="exercise-goal-text">
                {describeGoal(goal, t, lang)}
                {now ? <span className="exercise-goal-now"> — {now}</span> : null}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
