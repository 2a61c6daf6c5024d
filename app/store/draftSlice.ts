/**
 * Policy texts being typed that the world does not hold yet: text that is not valid JSON
 * (the world keeps the last valid document, so the canvas never breaks), keyed by the
 * document's node id (app/world/ids.ts). Saved with the workspace, never undoable (the
 * editor has its own undo for typing).
 */
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface DraftSlice {
  readonly policyDrafts: Readonly<Record<string, string>>;
  /** Keeps `text` as the draft of `nodeId`, or forgets it (`null`) once the world holds it. */
  setPolicyDraft(nodeId: string, text: string | null): void;
  setPolicyDrafts(policyDrafts: Readonly<Record<string, string>>): void;
}

export const createDraftSlice: StateCreator<AppState, [], [], DraftSlice> = (set) => ({
  policyDrafts: {},
  setPolicyDraft: (nodeId, text) =>
    set((s) => {
      if (text === null) {
        if (!(nodeId in s.policyDrafts)) return {};
        const { [nodeId]: _gone, ...rest } = s.policyDrafts;
        return { policyDrafts: rest };
      }
      return s.policyDrafts[nodeId] === text ? {} : { policyDrafts: { ...s.policyDrafts, [nodeId]: text } };
    }),
  setPolicyDrafts: (policyDrafts) => set({ policyDrafts }),
});
