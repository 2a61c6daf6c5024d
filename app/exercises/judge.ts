/**
 * The engine judges the active exercise's goals, never the UI: after every change of the
 * world (coalesced while the learner types) and after every request the learner sends (a
 * new `performed` record), the world is flushed to the engine and `judgeExercise` asked.
 * An answer for a world or exercise that is no longer current is dropped (a newer
 * judgement is already on its way). The first judgement with every goal met records when
 * the exercise was solved.
 */
import type { ExerciseJson } from '../../engine/scenario/types';
import { engine } from '../engine/engine';
import { flushWorld } from '../engine/syncWorld';
import { useAppStore } from '../store';
import type { AppState } from '../store';
import { openPack } from '../store/exerciseSlice';

/** How long the world must stay unchanged before the goals are judged again. */
const DELAY_MS = 250;

export function exerciseById(state: AppState, id: string | null): ExerciseJson | undefined {
  if (id === null) return undefined;
  return openPack(state.packStatus)?.pack.exercises.find((e) => e.exercise?.id === id)?.exercise;
}

let timer: ReturnType<typeof setTimeout> | undefined;
let asked = 0;

async function judgeNow(): Promise<void> {
  const ticket = ++asked;
  const state = useAppStore.getState();
  const id = state.activeExercise;
  const exercise = exerciseById(state, id);
  if (id === null || !exercise || !state.world) return;
  if (state.judgement.state !== 'done') state.setJudgement({ state: 'judging' });
  const { revision, world } = state;
  const performed = state.progress[id]?.performed ?? [];
  try {
    // INVARIANT: the worker judges in the world it has; the newest one goes first.
    await flushWorld();
    const answer = await engine.call({ type: 'judgeExercise', exercise, performed });
    if (ticket !== asked) return;
    const now = useAppStore.getState();
    if (now.activeExercise !== id || now.world !== world) return;
    if (answer.type !== 'exerciseJudged') throw new Error(answer.type === 'error' ? answer.message : `Unexpected answer \`${answer.type}\` to judgeExercise.`);
    const { judgement } = answer;
    now.setJudgement({ state: 'done', judgement, revision });
    const previous = now.progress[id];
    now.updateProgress(id, {
      lastJudgement: judgement,
      ...(judgement.solved && previous?.solvedAt === undefined ? { solvedAt: new Date().toISOString() } : {}),
    });
  } catch (error) {
    if (ticket !== asked || useAppStore.getState().activeExercise !== id) return;
    useAppStore.getState().setJudgement({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

/** Judges the active exercise after `delayMs` of quiet. */
export function scheduleJudgement(delayMs = DELAY_MS): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    void judgeNow();
  }, delayMs);
}

let watching = false;

/** Follows the store once: what changes a goal's outcome schedules a judgement. */
export function watchJudgement(): void {
  if (watching) return;
  watching = true;
  useAppStore.subscribe((state, previous) => {
    const id = state.activeExercise;
    if (id === null) return;
    const activated = id !== previous.activeExercise || openPack(state.packStatus)?.pack !== openPack(previous.packStatus)?.pack;
    const performed = state.progress[id]?.performed !== previous.progress[id]?.performed;
    if (activated || performed) scheduleJudgement(0);
    else if (state.world !== previous.world) scheduleJudgement();
  });
  if (useAppStore.getState().activeExercise !== null) scheduleJudgement(0);
}
