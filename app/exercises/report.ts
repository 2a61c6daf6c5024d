/**
 * The completion report: one JSON file a learner hands in. Every exercise with a workspace
 * is judged again by the engine at export time, in the learner's world as stored (the open
 * one as it is now), so the report says what the worlds achieve, not what was last shown.
 *
 *   { format: "iam-playground/report", version: 1, pack: { id, title }, generatedAt,
 *     exercises: [{ id, solved, solvedAt, hintsShown, goals, solution, performed }] }
 *
 * `goals` are the engine's verdicts ({ index, kind, met, detail, … }), `solution` the
 * learner's world (`accounts`, `organization`), `performed` the requests sent in the
 * exercise. An exercise never opened has `solved: false`, no goals and no solution.
 */
import type { ExerciseJudgement, GoalOutcome, PerformedRecord } from '../../engine/check/exercise';
import type { AccountJson, LocalizedText, OrganizationJson, PackJson, ScenarioJson } from '../../engine/scenario/types';
import { engine } from '../engine/engine';
import { flushWorld, sendWorld } from '../engine/syncWorld';
import { useAppStore } from '../store';
import { openPack } from '../store/exerciseSlice';
import { exercisesOf } from './packs';
import { downloadTextFile } from '../components/downloadFile';
import { workspaceActions } from '../workspace/workspaces';

export interface ReportExercise {
  readonly id: string;
  readonly solved: boolean;
  readonly solvedAt: string | null;
  readonly hintsShown: number;
  readonly goals: readonly GoalOutcome[];
  readonly solution: { readonly accounts: readonly AccountJson[]; readonly organization?: OrganizationJson } | null;
  readonly performed: readonly PerformedRecord[];
}

export interface CompletionReport {
  readonly format: 'iam-playground/report';
  readonly version: 1;
  readonly pack: { readonly id: string; readonly title: LocalizedText | null };
  readonly generatedAt: string;
  readonly exercises: readonly ReportExercise[];
}

/** The world of a workspace: the open one from the store (it may be newer than its last save), another from storage. */
async function worldOf(workspaceId: string): Promise<ScenarioJson | null> {
  const state = useAppStore.getState();
  if (state.workspace?.id === workspaceId) return state.world;
  return (await workspaceActions.readWorld(workspaceId)) ?? null;
}

async function judgeIn(world: ScenarioJson, pack: PackJson, id: string, performed: readonly PerformedRecord[]): Promise<ExerciseJudgement> {
  const exercise = pack.exercises.find((e) => e.exercise?.id === id)?.exercise;
  if (!exercise) throw new Error(`No exercise \`${id}\` in the pack.`);
  await sendWorld(world);
  const answer = await engine.call({ type: 'judgeExercise', exercise, performed });
  if (answer.type !== 'exerciseJudged') throw new Error(answer.type === 'error' ? answer.message : `Unexpected answer \`${answer.type}\`.`);
  return answer.judgement;
}

/** Builds the report of the open pack, judging every exercise's world in the engine. */
export async function buildReport(now: () => Date = () => new Date()): Promise<CompletionReport> {
  const state = useAppStore.getState();
  const open = openPack(state.packStatus);
  if (!open) throw new Error('No pack is open.');
  const { pack } = open;
  const current = state.world;
  const exercises: ReportExercise[] = [];
  try {
    for (const { exercise } of exercisesOf(pack)) {
      const progress = useAppStore.getState().progress[exercise.id];
      const world = progress?.workspaceId === undefined ? null : await worldOf(progress.workspaceId);
      const performed = progress?.performed ?? [];
      const judgement = world ? await judgeIn(world, pack, exercise.id, performed) : null;
      exercises.push({
        id: exercise.id,
        solved: judgement?.solved ?? false,
        solvedAt: progress?.solvedAt ?? null,
        hintsShown: progress?.hintsShown ?? 0,
        goals: judgement?.goals ?? [],
        solution: world ? { accounts: world.accounts, ...(world.organization ? { organization: world.organization } : {}) } : null,
        performed,
      });
    }
  } finally {
    // The engine judged other worlds: the open one goes back (the request console uses it next).
    if (current) await sendWorld(current).catch(() => undefined);
    await flushWorld();
  }
  return { format: 'iam-playground/report', version: 1, pack: { id: pack.id, title: pack.title ?? null }, generatedAt: now().toISOString(), exercises };
}

/** The report's file name: the pack's id and the day. */
export function reportFileName(report: CompletionReport): string {
  return `${report.pack.id}-report-${report.generatedAt.slice(0, 10)}.json`;
}

/** Offers the report as a file download. */
export function downloadReport(report: CompletionReport): void {
  downloadTextFile(`${JSON.stringify(report, null, 2)}\n`, reportFileName(report));
}
