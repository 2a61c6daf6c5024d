/**
 * The app's workspaces: starting them (storage, the other tabs, the page's lifecycle) and
 * what the learner finds on start-up, in this order:
 *   1. a share link in the address (`#w=…`) opens in a new workspace, never touching the
 *      others, and leaves the address; a bad link opens nothing and says why;
 *   2. else the workspace this tab showed (a reload), else the one open last in any tab;
 *   3. else (a first visit) "My first world" from the sample world — fetched and parsed
 *      while the database opens when nothing in this browser says it was here before.
 * `workspaceActions` is what the menus, dialogs and start-up call: one place per action.
 */
import type { ScenarioJson } from '../../engine/scenario/types';
import { translate, type MessageKey, type Params } from '../i18n';
import { openRepository } from '../persist/openRepository';
import { openSyncChannel } from '../persist/channel';
import { EMPTY_VIEW, type WorkspaceView } from '../persist/schema';
import { useAppStore } from '../store';
import { loadEditLibrary } from '../store/editEngine';
import { loadLanguage } from '../i18n/catalogs';
import type { WorldDocument } from '../store/worldSlice';
import { uniqueName } from './names';
import { fetchScenario, SAMPLE_PATH } from './readScenario';
import { WorkspaceSession } from './session';
import { readShareLink } from './shareOpen';
import { isShareFragment, rememberWorkspace, tabWorkspace, takePrefetchedSample } from './visits';

/** The world of a new empty workspace: no account yet (the map invites the learner to add one). */
export function emptyDocument(): WorldDocument {
  const scenario: ScenarioJson = { format: 'iam-playground/scenario', version: 1, accounts: [] };
  return { scenario, positions: {} };
}

let session: WorkspaceSession | null = null;
let starting: Promise<void> | null = null;

function text(key: MessageKey, params?: Params): string {
  return translate(useAppStore.getState().language, key, params);
}

/** `name`, numbered if a workspace already has it. */
function freshName(name: string): string {
  return uniqueName(name, useAppStore.getState().workspaces.map((w) => w.name));
}

function requireSession(): WorkspaceSession {
  if (!session) throw new Error('Workspaces are not started yet.');
  return session;
}

/** The sample world, or `null` after putting why it failed into the world status (the map shows it). */
async function readSampleForMap(): Promise<ScenarioJson | null> {
  const store = useAppStore.getState();
  store.setWorldStatus({ state: 'loading' });
  const fetched = await (takePrefetchedSample() ?? fetchScenario(SAMPLE_PATH));
  if (fetched.ok) return fetched.scenario;
  store.setWorldStatus('errors' in fetched ? { state: 'invalid', errors: fetched.errors } : { state: 'failed', message: fetched.message });
  return null;
}

let openingLink: { readonly fragment: string; readonly done: Promise<boolean> } | null = null;

async function openShareFragment(fragment: string): Promise<boolean> {
  const outcome = await readShareLink(fragment);
  if (outcome.kind === 'none') return false;
  const store = useAppStore.getState();
  if (outcome.kind === 'refused') {
    store.addWorkspaceNotice({ kind: 'shareRefused', reason: outcome.reason, faults: outcome.faults });
  } else {
    const record = await workspaceActions.createFrom(outcome.name ?? text('workspace.sharedName'), outcome.document);
    store.addWorkspaceNotice({ kind: 'sharedOpened', name: record.name });
    // Its workspace could not be written (the save state says why): the link stays in the
    // address, so that a reload still has the world.
    if (useAppStore.getState().saveState.state === 'error') return true;
  }
  // The link did its work: a reload must not open it again (the world is in its workspace now).
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  return outcome.kind === 'world';
}

export const workspaceActions = {
  open: (id: string): Promise<boolean> => requireSession().openWorkspace(id),

  /** A stored workspace's world, read without opening it; undefined when there is none. */
  readWorld: (id: string): Promise<ScenarioJson | undefined> => requireSession().readWorld(id),

  /** Creates a workspace holding `document` (its name made unique) and opens it. */
  createFrom: (name: string, document: WorldDocument, view: WorkspaceView = EMPTY_VIEW) =>
    requireSession().createWorkspace({ name: freshName(name), document, view }),

  newEmpty: (name: string) => workspaceActions.createFrom(name, emptyDocument()),

  /** A new workspace from the sample world; a sample that cannot be read is returned as the reason, and nothing is created. */
  newFromSample: async (name: string): Promise<{ readonly ok: true } | { readonly ok: false; readonly message: string }> => {
    const fetched = await fetchScenario(SAMPLE_PATH);
    if (!fetched.ok) return { ok: false, message: 'errors' in fetched ? fetched.errors.map((f) => `${f.path}: ${f.message}`).join('\n') : fetched.message };
    await workspaceActions.createFrom(name, { scenario: fetched.scenario, positions: {} });
    return { ok: true };
  },

  rename: (id: string, name: string) => requireSession().renameWorkspace(id, name),

  duplicate: (id: string) => {
    const source = useAppStore.getState().workspaces.find((w) => w.id === id);
    return requireSession().duplicateWorkspace(id, freshName(text('workspace.copyName', { name: source?.name ?? '' })));
  },

  /** Deletes a workspace; when it was the last, a new empty one takes its place. */
  remove: (id: string) =>
    requireSession().deleteWorkspace(id, () => ({ name: uniqueName(text('workspace.untitled'), []), document: emptyDocument(), view: EMPTY_VIEW })),

  resolveConflict: (choice: 'theirs' | 'copy') => {
    const name = useAppStore.getState().workspace?.name ?? '';
    return requireSession().resolveConflict(choice, freshName(text('workspace.copyName', { name })));
  },

  /** Replaces the open workspace's world (an import): undoable, the old world one undo away. */
  replaceWorld: (document: WorldDocument) => useAppStore.getState().openDocument(document, { keepHistory: true }),

  /**
   * The sample world: into the open workspace ("Open the sample world again", a region's
   * reset; undoable), or as "My first world" when none is open (a first visit).
   */
  openSample: async (): Promise<void> => {
    const scenario = await readSampleForMap();
    if (!scenario) return;
    if (useAppStore.getState().workspace) workspaceActions.replaceWorld({ scenario, positions: {} });
    else await workspaceActions.createFrom(text('workspace.firstName'), { scenario, positions: {} });
  },

  /**
   * Opens the share link in the address, if there is one; true when a world was opened. The
   * start-up and a hash change may both see the same link (it changed while storage opened):
   * it is opened once, and both wait for that.
   */
  openShareLink: (): Promise<boolean> => {
    const fragment = location.hash;
    if (!isShareFragment(fragment)) return Promise.resolve(false);
    if (openingLink?.fragment === fragment) return openingLink.done;
    const done = openShareFragment(fragment).finally(() => {
      if (openingLink?.done === done) openingLink = null;
    });
    openingLink = { fragment, done };
    return done;
  },
};

function rememberTabWorkspace(): void {
  useAppStore.subscribe((state, previous) => {
    if (state.workspace?.id === previous.workspace?.id || !state.workspace) return;
    rememberWorkspace(state.workspace.id);
  });
}

/** Saves when the page is hidden or left; looks for another tab's newer save when it is shown again. */
function followPageLifecycle(current: WorkspaceSession): void {
  window.addEventListener('pagehide', () => void current.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void current.flush();
    else void current.checkForNewer();
  });
}

async function start(): Promise<void> {
  const storage = await openRepository((reason) => session?.storageLost(reason === 'newerVersion' ? 'newerVersion' : 'unavailable'));
  const channel = openSyncChannel((message) => session?.receive(message));
  const current = new WorkspaceSession(storage.repository, channel, useAppStore);
  session = current;
  const store = useAppStore.getState();
  if (storage.refused) {
    store.setSaveState({ state: 'memoryOnly', reason: storage.refused });
    store.addWorkspaceNotice({ kind: 'storageRefused', reason: storage.refused });
  }
  followPageLifecycle(current);
  rememberTabWorkspace();
  // A share link pasted into the address of an open tab changes only the fragment.
  window.addEventListener('hashchange', () => void workspaceActions.openShareLink().catch(() => undefined));
  await current.refreshList();
  try {
    await openFirstWorld(current);
  } finally {
    // A sample fetched for a first visit that was not one (a workspace opened instead) is dropped.
    takePrefetchedSample();
  }
}

/** What this tab shows first, in the order of the module's comment. */
async function openFirstWorld(current: WorkspaceSession): Promise<void> {
  if (await workspaceActions.openShareLink()) return;
  const thisTab = tabWorkspace();
  if (thisTab && (await current.openWorkspace(thisTab))) return;
  const last = await current.lastOpened();
  if (last && (await current.openWorkspace(last))) return;
  const recent = useAppStore.getState().workspaces[0];
  if (recent && (await current.openWorkspace(recent.id))) return;
  await workspaceActions.openSample();
}

/** Starts the workspaces once (main.tsx); later calls wait for the same start. */
export function startWorkspaces(): Promise<void> {
  if (!starting) {
    // No world opens before the edit library (app/store/editEngine.ts) and the learner's texts
    // are there: every edit finds the library, every name the workspaces give is translated.
    starting = Promise.all([loadEditLibrary(), loadLanguage(useAppStore.getState().language)]).then(start);
  }
  return starting;
}
