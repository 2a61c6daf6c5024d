/**
 * What this browser remembers of earlier visits, read before anything else is loaded: the
 * workspace this tab showed (a reload) and whether a workspace was ever made here. Their
 * absence, with no share link in the address, marks a probable first visit, whose sample
 * world is then asked of the engine as it starts (app/startLoading.ts) rather than after the
 * database has said so. Only a hint: the database decides, and a sample asked for nothing is
 * dropped.
 */
import { fetchScenario, SAMPLE_PATH, type FetchedScenario } from './readScenario';

/**
 * Which workspace this tab shows, kept for this tab only (sessionStorage survives a reload,
 * not the tab): a reload reopens it even when another tab opened another workspace since
 * (which the database's "open last" follows).
 */
const TAB_KEY = 'iam-playground.workspace';

/** Set in this origin's localStorage once a workspace exists. */
const VISITED_KEY = 'iam-playground.visited';

function tabStorage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage disabled: a reload opens the workspace open last in any tab
  }
}

function siteStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Share links are `#w=<version>.<data>` (app/share/shareLink.ts); any other fragment is left alone. */
export function isShareFragment(fragment: string): boolean {
  return /^#?w=/.test(fragment);
}

/** The workspace this tab showed before a reload, if any. */
export function tabWorkspace(): string | null {
  return tabStorage()?.getItem(TAB_KEY) ?? null;
}

/** Remembers the workspace this tab shows, and that this browser has workspaces. */
export function rememberWorkspace(id: string): void {
  try {
    tabStorage()?.setItem(TAB_KEY, id);
    siteStorage()?.setItem(VISITED_KEY, '1');
  } catch {
    // a full storage only costs this tab's memory of its workspace
  }
}

function likelyFirstVisit(): boolean {
  const tab = tabStorage();
  const site = siteStorage();
  // Storage refused: nothing says whether this browser was here before, so no guess (the ordinary order).
  if (!tab || !site) return false;
  try {
    return !isShareFragment(location.hash) && !tab.getItem(TAB_KEY) && !site.getItem(VISITED_KEY);
  } catch {
    return false;
  }
}

let prefetched: Promise<FetchedScenario> | null = null;

/** On a probable first visit, asks the engine for the sample world now. */
export function prefetchFirstVisitSample(): void {
  if (prefetched === null && likelyFirstVisit()) prefetched = fetchScenario(SAMPLE_PATH);
}

/** The sample asked for by `prefetchFirstVisitSample`, once (later reads fetch afresh); null if none was. */
export function takePrefetchedSample(): Promise<FetchedScenario> | null {
  const taken = prefetched;
  prefetched = null;
  return taken;
}
