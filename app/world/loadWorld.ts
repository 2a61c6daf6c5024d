/**
 * Opens the sample world (public/samples/starter.json): into the open workspace from "Open
 * the sample world again" or a region's reset (undoably: the world it replaces is one undo
 * away), or as "My first world" on a first visit. A sample that cannot be fetched or is not
 * valid opens nothing: the map says why, with the faults' JSON paths.
 */
import { SAMPLE_PATH } from '../workspace/readScenario';
import { workspaceActions } from '../workspace/workspaces';

export const STARTER_PATH = SAMPLE_PATH;

export function openSample(): Promise<void> {
  return workspaceActions.openSample();
}
