/** Applies one WorldEdit (./types.ts) to a world; never mutates it. */
import type { ScenarioJson } from '../scenario/types';
import type { EditResult, WorldEdit } from './types';

export function applyEdit(world: ScenarioJson, edit: WorldEdit): EditResult {
  void world;
  void edit;
  throw new Error('applyEdit: being written (engine/edit).');
}
