/**
 * The one store of the app, bound from slices (zustand's slices pattern). Undo lives in the
 * world slice (it keeps whole documents), not in a middleware: only the world is undoable.
 */
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { initialLanguage } from '../i18n/language';
import { createRequestSlice, type RequestSlice } from './requestSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspaceSlice';
import { createWorldSlice, type WorldSlice } from './worldSlice';
import { createDraftSlice, type DraftSlice } from './draftSlice';
import { createSessionsSlice, type SessionsSlice } from './sessionsSlice';
import { createTrailSlice, type TrailSlice } from './trailSlice';
import { createWhatIfSlice, type WhatIfSlice } from './whatIfSlice';
import { createExerciseSlice, type ExerciseSlice } from './exerciseSlice';
import { createAnalysisSlice, type AnalysisSlice } from './analysisSlice';

export type AppState = WorldSlice & SelectionSlice & RequestSlice & UiSlice & WorkspaceSlice & DraftSlice & SessionsSlice & TrailSlice & WhatIfSlice & ExerciseSlice & AnalysisSlice;

/** A store of all slices; the app has one (`useAppStore`), tests make one per simulated tab. */
export function createAppStore(language = initialLanguage()): UseBoundStore<StoreApi<AppState>> {
  return create<AppState>()((...a) => ({
    ...createWorldSlice(...a),
    ...createSelectionSlice(...a),
    ...createRequestSlice(...a),
    ...createUiSlice(language)(...a),
    ...createWorkspaceSlice(...a),
    ...createDraftSlice(...a),
    ...createSessionsSlice(...a),
    ...createTrailSlice(...a),
    ...createWhatIfSlice(...a),
    ...createExerciseSlice(...a),
    ...createAnalysisSlice(...a),
  }));
}

export const useAppStore = createAppStore();
