/**
 * The one store of the app, bound from slices (zustand's slices pattern): middleware, when
 * it comes (undo for the world), is applied once here.
 */
import { create } from 'zustand';
import { initialLanguage } from '../i18n/language';
import { createRequestSlice, type RequestSlice } from './requestSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { createWorldSlice, type WorldSlice } from './worldSlice';

export type AppState = WorldSlice & SelectionSlice & RequestSlice & UiSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createWorldSlice(...a),
  ...createSelectionSlice(...a),
  ...createRequestSlice(...a),
  ...createUiSlice(initialLanguage())(...a),
}));
