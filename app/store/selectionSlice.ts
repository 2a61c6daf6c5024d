/**
 * What the learner is looking at: the selected node of the map and the span of policy
 * text to highlight (the statement that decided the last request), and the map's viewport. Never undoable.
 */
import type { StateCreator } from 'zustand';
import type { Span } from '../../engine/policy/types';
import type { AppState } from './index';

export interface Highlight {
  /** The node id of the policy (see app/world/ids.ts). */
  readonly nodeId: string;
  /** The span in the policy's source text, when the engine gave one. */
  readonly span: Span | undefined;
}

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface SelectionSlice {
  readonly selectedId: string | null;
  readonly highlight: Highlight | null;
  /** Where the map is panned and zoomed; `null` fits the world into view. */
  readonly viewport: Viewport | null;
  setViewport(viewport: Viewport | null): void;
  select(id: string | null): void;
  /** Selects a policy and marks a statement in it. */
  showStatement(highlight: Highlight): void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selectedId: null,
  highlight: null,
  viewport: null,
  setViewport: (viewport) => set({ viewport }),
  select: (selectedId) => set((s) => ({ selectedId, highlight: s.highlight?.nodeId === selectedId ? s.highlight : null })),
  showStatement: (highlight) => set({ selectedId: highlight.nodeId, highlight }),
});
