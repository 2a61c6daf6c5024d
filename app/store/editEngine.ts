/**
 * The engine's edit library (engine/edit: every change to a world, with AWS's naming rules
 * and quotas) in a chunk of its own: it is not needed to draw the page, only to change a
 * world, and no world opens before it is loaded (app/main.tsx), so every edit finds it.
 */
import type * as EditApply from '../../engine/edit/apply';

type EditLibrary = typeof EditApply;

let loaded: EditLibrary | undefined;
let loading: Promise<EditLibrary> | undefined;

export function loadEditLibrary(): Promise<EditLibrary> {
  loading ??= import('../../engine/edit/apply').then((library) => (loaded = library));
  return loading;
}

export function editLibrary(): EditLibrary {
  // INVARIANT: main.tsx opens the first world after `loadEditLibrary()`, and tests load it in their set-up.
  if (!loaded) throw new Error('The edit library is not loaded yet.');
  return loaded;
}
