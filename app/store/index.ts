/**
 * The one store of the app, bound from slices (zustand's slices pattern). Undo lives in the
 * world slice (it keeps whole documents), not in a middleware: only the world is undoable.
 */
import { create } from 'zustand';
import { initialLanguage } from '../i18n/language';
import { createRequestSlice, type RequestSlice } from './requestSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspaceSlice';
import { createWorldSlice, type WorldSlice } from './worldSlice';
import { createDraftSlice, type DraftSlice } from './draftSlice';

export type AppState = WorldSlice & SelectionSlice & RequestSlice & UiSlice & WorkspaceSlice & DraftSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createWorldSlice(...a),
  ...createSelectionSlice(...a),
  ...createRequestSlice(...a),
  ...createUiSlice(initialLanguage())(...a),
  ...createWorkspaceSlice(...a),
  ...createDraftSlice(...a),
}));
