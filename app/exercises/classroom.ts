/**
 * The classroom's actions — open a pack, open an exercise in its own workspace, start it
 * over, reveal a hint — and its start-up: the pack open last (from this browser), then a
 * `?pack=URL[&exercise=ID]` link. The views only call these; the store holds the state.
 *
 * Which exercise is active follows the open workspace: the workspace of an exercise (its id
 * is in the progress) makes it active and locks the world as the exercise says; any other
 * workspace makes none active and unlocks it. So a reload (which reopens the tab's
 * workspace) restores the exercise, and switching workspaces in the menu leaves it.
 */
import type { PackJson } from '../../engine/scenario/types';
import { translate } from '../i18n';
import { useAppStore } from '../store';
import { openPack, type PackSource } from '../store/exerciseSlice';
import { startWorkspaces, workspaceActions } from '../workspace/workspaces';
import { localizedText } from './describeGoal';
import { watchJudgement } from './judge';
import { CURRICULUM_PATH, exercisesOf, fetchPack, readPackText, startingWorld, type PackRefusal, type ReadPack } from './packs';
import { readCurrentPack, readPackTextStored, readProgress, writeCurrentPack, writePackText, writeProgress } from './progress';

const store = () => useAppStore.getState();

function openPackOf(): PackJson | null {
  return openPack(store().packStatus)?.pack ?? null;
}

function refusalMessage(refusal: PackRefusal): string | undefined {
  const lang = store().language;
  if (refusal.kind === 'http') return translate(lang, 'class.failed.http', { message: refusal.message });
  if (refusal.kind === 'notPack') return translate(lang, 'class.failed.notPack');
  return undefined;
}

/** A failed load: the reason, and the pack that was open stays open (and worked on). */
function fail(source: PackSource, refusal: PackRefusal, open: ReturnType<typeof openPack>): void {
  const message = refusalMessage(refusal);
  store().setPackStatus({
    state: 'failed',
    source,
    ...(message === undefined ? {} : { message }),
    ...(refusal.kind === 'invalid' ? { faults: refusal.faults } : {}),
    ...(open ? { open } : {}),
  });
}

/** Makes a validated pack the open one, with this browser's progress in it. */
function adopt(pack: PackJson, source: PackSource, text: string): void {
  writePackText(pack.id, text);
  writeCurrentPack(pack.id, source);
  const saved = readProgress(pack.id);
  store().adoptPack(source, pack, saved.exercises);
  followWorkspace();
}

async function load(source: PackSource, read: Promise<ReadPack>): Promise<PackJson | null> {
  const open = openPack(store().packStatus);
  store().setPackStatus({ state: 'loading', source, ...(open ? { open } : {}) });
  const result = await read;
  if (!result.ok) {
    fail(source, result.refusal, open);
    return null;
  }
  adopt(result.pack, source, result.text);
  return result.pack;
}

/** The curriculum shipped with the site. */
export const openCurriculum = () => load({ kind: 'builtin', path: CURRICULUM_PATH }, fetchPack({ kind: 'builtin', path: CURRICULUM_PATH }));

/** A pack by its address (relative addresses resolve against the page). */
export const openPackUrl = (url: string) => load({ kind: 'url', url }, fetchPack({ kind: 'url', url }));

/** A pack file the learner opened or dropped. */
export const openPackFile = async (file: File) =>
  load(
    { kind: 'file', name: file.name },
    file.text().then(readPackText, (error: unknown): ReadPack => ({
      ok: false,
      refusal: { kind: 'invalid', faults: [{ path: '$', message: `The file could not be read: ${error instanceof Error ? error.message : String(error)}` }] },
    })),
  );

/** Dismisses a failure message, showing again the pack that stayed open (or none). */
export function dismissFailure(): void {
  const s = store();
  if (s.packStatus.state !== 'failed') return;
  const open = s.packStatus.open;
  s.setPackStatus(open ? { state: 'ready', ...open } : { state: 'none' });
}

/** Activates an exercise whose workspace is open: the world locked as it says. */
function activate(id: string | null): void {
  const s = store();
  const exercise = id === null ? undefined : openPackOf()?.exercises.find((e) => e.exercise?.id === id)?.exercise;
  if (s.activeExercise !== (exercise ? id : null)) s.setActiveExercise(exercise ? id : null);
  s.setWorldLocked(exercise?.worldLocked === true);
}

/** Activates the exercise of the open workspace, if it is one (see the module's comment). */
function followWorkspace(): void {
  const s = store();
  const workspaceId = s.workspace?.id;
  const found = workspaceId === undefined ? undefined : Object.entries(s.progress).find(([, p]) => p.workspaceId === workspaceId)?.[0];
  activate(found ?? null);
}

function exerciseTitle(pack: PackJson, id: string): string {
  const scenario = pack.exercises.find((e) => e.exercise?.id === id);
  const lang = store().language;
  return localizedText(scenario?.title, lang) ?? id;
}

/** A fresh workspace holding the exercise's starting world; remembered in the progress. */
async function createExerciseWorkspace(pack: PackJson, id: string): Promise<void> {
  const world = startingWorld(pack, id);
  if (!world) return;
  const name = translate(store().language, 'class.workspaceName', { title: exerciseTitle(pack, id) });
  const record = await workspaceActions.createFrom(name, { scenario: world, positions: {} });
  store().updateProgress(id, { workspaceId: record.id });
  activate(id);
}

/**
 * Opens an exercise: the learner's own world for it when there is one (coming back), else
 * a new workspace from its starting world. The map shows it.
 */
export async function openExercise(id: string): Promise<void> {
  const pack = openPackOf();
  if (!pack || !exercisesOf(pack).some((e) => e.exercise.id === id)) return;
  // The map first: a world opened into a hidden map would be fitted to no size at all.
  store().setMainView('map');
  const workspaceId = store().progress[id]?.workspaceId;
  if (workspaceId !== undefined && store().workspace?.id === workspaceId) activate(id);
  else if (workspaceId === undefined || !(await workspaceActions.open(workspaceId))) await createExerciseWorkspace(pack, id);
  else activate(id);
}

/**
 * Starts the active exercise over: its starting world replaces the learner's (one undo
 * away), and the requests sent in the old attempt no longer count. Hints stay shown and a
 * solve stays recorded: they are history, not state of the world.
 */
export function startOver(id: string): void {
  const pack = openPackOf();
  const world = pack ? startingWorld(pack, id) : undefined;
  if (!world || store().activeExercise !== id) return;
  store().updateProgress(id, { performed: [] });
  workspaceActions.replaceWorld({ scenario: world, positions: {} });
}

/** Reveals the next hint of an exercise. */
export function showHint(id: string): void {
  const pack = openPackOf();
  const hints = pack?.exercises.find((e) => e.exercise?.id === id)?.exercise?.hints ?? [];
  const shown = store().progress[id]?.hintsShown ?? 0;
  if (shown < hints.length) store().updateProgress(id, { hintsShown: shown + 1 });
}

/** The id of the exercise after `id` in the open pack, if any. */
export function nextExerciseId(id: string): string | undefined {
  const pack = openPackOf();
  if (!pack) return undefined;
  const all = exercisesOf(pack);
  const index = all.findIndex((e) => e.exercise.id === id);
  return index >= 0 ? all[index + 1]?.exercise.id : undefined;
}

/** Keeps the progress of the open pack in this browser, with the active exercise. */
function persistProgress(): void {
  useAppStore.subscribe((state, previous) => {
    if (state.progress === previous.progress && state.activeExercise === previous.activeExercise) return;
    const open = openPack(state.packStatus);
    if (open) writeProgress(open.pack.id, state.progress, state.activeExercise);
  });
  useAppStore.subscribe((state, previous) => {
    if (state.workspace?.id !== previous.workspace?.id) followWorkspace();
  });
}

/** The pack open last in this browser: a shipped one is fetched afresh (a site update), else its stored text. */
async function restorePack(): Promise<void> {
  const current = readCurrentPack();
  if (!current) return;
  const stored = readPackTextStored(current.id);
  if (current.source.kind === 'builtin') {
    const fresh = await fetchPack(current.source);
    if (fresh.ok) return adopt(fresh.pack, current.source, fresh.text);
  }
  if (stored === undefined) return;
  const read = await readPackText(stored);
  if (read.ok) adopt(read.pack, current.source, read.text);
}

/** `?pack=URL[&exercise=ID]`: opens the pack (and the exercise), then leaves the address. */
async function openPackLink(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const url = params.get('pack');
  if (url === null || url === '') return;
  const exercise = params.get('exercise');
  params.delete('pack');
  params.delete('exercise');
  const search = params.toString();
  // The link did its work: a reload restores the pack and the exercise from this browser.
  history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
  store().setMainView('exercises');
  const pack = await load({ kind: 'url', url }, fetchPack({ kind: 'url', url }));
  if (!pack || exercise === null) return;
  if (exercisesOf(pack).some((e) => e.exercise.id === exercise)) await openExercise(exercise);
  else store().setPackStatus({ state: 'failed', source: { kind: 'url', url }, message: translate(store().language, 'class.failed.noExercise', { id: exercise }), open: { pack, source: { kind: 'url', url } } });
}

let started: Promise<void> | null = null;

/** Starts the classroom once the workspaces are open (App mounts it); later calls wait for the same start. */
export function startClassroom(): Promise<void> {
  started ??= (async () => {
    await startWorkspaces().catch(() => undefined);
    persistProgress();
    watchJudgement();
    await restorePack();
    await openPackLink();
  })();
  return started;
}
