/**
 * The player of the decision animation as a pure state machine: the step shown (how many
 * nodes are revealed), playing or paused, and the speed. The component advances it with
 * one timer per step, so React renders once per step and never per frame.
 */

export const SPEEDS = [0.5, 1, 2] as const;
export type Speed = (typeof SPEEDS)[number];

/** Milliseconds a step stays before the next at speed 1×. */
export const STEP_MS = 700;

export interface PlayerState {
  /** Number of nodes in the graph. */
  readonly total: number;
  /** Nodes revealed: 1 … total (the first node is shown from the start). */
  readonly step: number;
  readonly playing: boolean;
  readonly speed: Speed;
}

export type PlayerAction =
  | { readonly type: 'load'; readonly total: number; readonly reducedMotion: boolean }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'toggle' }
  | { readonly type: 'tick' }
  | { readonly type: 'back' }
  | { readonly type: 'forward' }
  | { readonly type: 'seek'; readonly step: number }
  | { readonly type: 'speed'; readonly speed: Speed };

const clamp = (state: PlayerState, step: number) => Math.max(Math.min(step, state.total), Math.min(1, state.total));

export function initialPlayer(total: number, reducedMotion: boolean): PlayerState {
  // Reduced motion: nothing moves; the whole decision is shown at once (steps still work).
  return reducedMotion || total <= 1 ? { total, step: total, playing: false, speed: 1 } : { total, step: 1, playing: true, speed: 1 };
}

export function playerReducer(state: PlayerState, action: PlayerAction): PlayerState {
  switch (action.type) {
    case 'load':
      return { ...initialPlayer(action.total, action.reducedMotion), speed: state.speed };
    case 'play':
      // Playing from the end starts again from the first step.
      return { ...state, playing: state.total > 1, step: state.step >= state.total ? clamp(state, 1) : state.step };
    case 'pause':
      return { ...state, playing: false };
    case 'toggle':
      return playerReducer(state, { type: state.playing ? 'pause' : 'play' });
    case 'tick': {
      const step = clamp(state, state.step + 1);
      return { ...state, step, playing: state.playing && step < state.total };
    }
    case 'back':
      return { ...state, playing: false, step: clamp(state, state.step - 1) };
    case 'forward':
      return { ...state, playing: false, step: clamp(state, state.step + 1) };
    case 'seek':
      return { ...state, playing: false, step: clamp(state, action.step) };
    case 'speed':
      return { ...state, speed: action.speed };
  }
}

/** How long the current step stays before the next, at the chosen speed. */
export function stepDelay(speed: Speed): number {
  return STEP_MS / speed;
}
