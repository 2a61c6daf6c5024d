import { describe, expect, it } from 'vitest';
import { initialPlayer, playerReducer, stepDelay } from './player';

describe('the player of the decision animation', () => {
  it('starts at the first node and plays; with reduced motion everything is shown at once, paused', () => {
    expect(initialPlayer(9, false)).toEqual({ total: 9, step: 1, playing: true, speed: 1 });
    expect(initialPlayer(9, true)).toEqual({ total: 9, step: 9, playing: false, speed: 1 });
  });

  it('ticks to the end and stops there', () => {
    let state = initialPlayer(3, false);
    state = playerReducer(state, { type: 'tick' });
    expect(state).toMatchObject({ step: 2, playing: true });
    state = playerReducer(state, { type: 'tick' });
    expect(state).toMatchObject({ step: 3, playing: false });
    expect(playerReducer(state, { type: 'tick' }).step).toBe(3);
  });

  it('steps, seeks and pauses within bounds; play at the end starts over', () => {
    let state = initialPlayer(4, true);
    state = playerReducer(state, { type: 'back' });
    expect(state).toMatchObject({ step: 3, playing: false });
    expect(playerReducer(state, { type: 'seek', step: 99 }).step).toBe(4);
    expect(playerReducer(state, { type: 'seek', step: -2 }).step).toBe(1);
    state = playerReducer(playerReducer(state, { type: 'forward' }), { type: 'play' });
    expect(state).toMatchObject({ step: 1, playing: true });
    expect(playerReducer(state, { type: 'toggle' }).playing).toBe(false);
  });

  it('speed changes the delay of a step, not the steps', () => {
    expect(stepDelay(2)).toBe(stepDelay(1) / 2);
    expect(stepDelay(0.5)).toBe(stepDelay(1) * 2);
    expect(playerReducer(initialPlayer(4, false), { type: 'speed', speed: 2 })).toMatchObject({ speed: 2, step: 1 });
  });
});
