/**
 * The analyses of the world (issue 8): which one the Analysis tab shows, each one's last
 * run (running with its progress, its result, a failure) and what the map highlights
 * (an escalation path, the administrators). Never undoable.
 *
 * Data flows one way: the world (store) → the worker analyses it → `analyses[kind]` → the
 * Analysis view renders it. The app never computes an analysis itself.
 */
import type { StateCreator } from 'zustand';
import type { AnalysisKind, AnalysisResult } from '../../engine/analysis/types';
import type { ScenarioJson } from '../../engine/scenario/types';
import type { AppState } from './index';

/** The sections of the Analysis tab. */
export type AnalysisSection = 'whoCan' | 'effective' | 'graph' | 'external' | 'findings' | 'unused' | 'generate' | 'dashboard';

export const ANALYSIS_SECTIONS: readonly AnalysisSection[] = ['whoCan', 'effective', 'graph', 'external', 'findings', 'unused', 'generate', 'dashboard'];

export type AnalysisRun =
  | { readonly state: 'running'; readonly done: number; readonly total: number }
  /** `world`: the world the result is about (the view says when the world has changed since). */
  | { readonly state: 'done'; readonly result: AnalysisResult; readonly world: ScenarioJson | null }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'cancelled' };

/** What the map marks: principals (ARNs) and the edges of a path between them. */
export interface AccessHighlight {
  /** Administrators of the access graph. */
  readonly admins: readonly string[];
  /** The principals of the highlighted path, in order (empty when only admins are marked). */
  readonly path: readonly string[];
  /** Each step of the path: from → to (equal for a self-escalation), with the technique. */
  readonly steps: readonly { readonly from: string; readonly to: string; readonly kind: string }[];
}

export interface AnalysisSlice {
  readonly analysisSection: AnalysisSection;
  setAnalysisSection(section: AnalysisSection): void;
  readonly analyses: Partial<Record<AnalysisKind, AnalysisRun>>;
  setAnalysisRun(kind: AnalysisKind, run: AnalysisRun | undefined): void;
  readonly accessHighlight: AccessHighlight | null;
  setAccessHighlight(highlight: AccessHighlight | null): void;
}

export const createAnalysisSlice: StateCreator<AppState, [], [], AnalysisSlice> = (set) => ({
  analysisSection: 'whoCan',
  setAnalysisSection: (analysisSection) => set({ analysisSection }),
  analyses: {},
  setAnalysisRun: (kind, run) =>
    set((s) => {
      const analyses = { ...s.analyses };
      if (run) analyses[kind] = run;
      else delete analyses[kind];
      return { analyses };
    }),
  accessHighlight: null,
  setAccessHighlight: (accessHighlight) => set({ accessHighlight }),
});
