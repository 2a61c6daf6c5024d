/**
 * The STS sessions the engine issued in this world (AssumeRole and friends), as the engine
 * lists them: the request console offers each as a caller (`$NAME`). Never undoable.
 */
import type { StateCreator } from 'zustand';
import type { SessionSummary } from '../../engine/pipeline/sessions';
import type { AppState } from './index';

export interface SessionsSlice {
  readonly sessions: readonly SessionSummary[];
  setSessions(sessions: readonly SessionSummary[]): void;
}

export const createSessionsSlice: StateCreator<AppState, [], [], SessionsSlice> = (set) => ({
  sessions: [],
  setSessions: (sessions) => set({ sessions }),
});
