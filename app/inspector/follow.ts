/**
 * Keeping the learner's place when an edit changes what is selected: a rename gives the
 * node a new id (ids are made of names), so the inspector selects the new id and the panel
 * keeps its state and focus (DetailsPanel keys the inspector by `inspectorKey`); a delete
 * selects what contained the deleted thing.
 */
import { useState } from 'react';
import { useAppStore } from '../store';

let renamed: { readonly from: string; readonly to: string } | null = null;

/** Selects `to`, the new id of the selected node `from` after a rename. */
export function followRename(from: string, to: string): void {
  if (from === to) return;
  const entry = { from, to };
  renamed = entry;
  useAppStore.getState().select(to);
  // The panel re-renders before any timer fires; after that the note must not match a later selection.
  setTimeout(() => {
    if (renamed === entry) renamed = null;
  }, 0);
}

/**
 * A key for the selected node's inspector that stays the same across renames of that node
 * and changes when another node is selected.
 */
export function useInspectorKey(selectedId: string | null): string {
  const [state, setState] = useState({ id: selectedId, key: selectedId ?? '' });
  if (state.id !== selectedId) {
    const followed = renamed !== null && renamed.from === state.id && renamed.to === selectedId;
    const next = { id: selectedId, key: followed ? state.key : (selectedId ?? '') };
    setState(next);
    return next.key;
  }
  return state.key;
}

/** After a delete: selects `parent` (or nothing) and puts focus on the panel's heading, so the keyboard is not lost. */
export function selectAfterDelete(parent: string | null): void {
  useAppStore.getState().select(parent);
  requestAnimationFrame(() => document.getElementById('details-title')?.focus());
}
