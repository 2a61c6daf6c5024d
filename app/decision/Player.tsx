/**
 * The player's controls: play/pause, step back/forward, a scrub slider and the speed.
 * With focus anywhere in it, Space plays or pauses and the arrow keys step (the slider
 * keeps its own arrow keys: they move it, which is the same thing).
 */
import type { Dispatch, KeyboardEvent } from 'react';
import { useT } from '../i18n';
import type { ReactElement } from 'react';
import { SPEEDS, type PlayerAction, type PlayerState, type Speed } from './player';

const GLYPHS: Readonly<Record<'back' | 'play' | 'pause' | 'forward', ReactElement>> = {
  back: <path d="M7 6v12M18 6l-8 6 8 6z" />,
  play: <path d="M8 5.5v13l11-6.5z" />,
  pause: <path d="M8 5.5v13M16 5.5v13" />,
  forward: <path d="M17 6v12M6 6l8 6-8 6z" />,
};

function Glyph({ name }: { readonly name: keyof typeof GLYPHS }) {
  return (
    <svg className="icon" width={14} height={14} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinejoin="round" strokeLinecap="round" aria-hidden="true" focusable="false">
      {GLYPHS[name]}
    </svg>
  );
}

export function Player({ state, dispatch }: { readonly state: PlayerState; readonly dispatch: Dispatch<PlayerAction> }) {
  const t = useT();
  const atEnd = state.step >= state.total;
  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (target.tagName === 'SELECT') return;
    const isRange = target instanceof HTMLInputElement && target.type === 'range';
    if (event.key === ' ') dispatch({ type: 'toggle' });
    else if (!isRange && (event.key === 'ArrowRight' || event.key === 'ArrowDown')) dispatch({ type: 'forward' });
    else if (!isRange && (event.key === 'ArrowLeft' || event.key === 'ArrowUp')) dispatch({ type: 'back' });
    else if (!isRange && event.key === 'Home') dispatch({ type: 'seek', step: 1 });
    else if (!isRange && event.key === 'End') dispatch({ type: 'seek', step: state.total });
    else return;
    event.preventDefault();
  };
  // A button activates on the Space key's release: cancel that, Space already toggled.
  const onKeyUp = (event: KeyboardEvent) => {
    if (event.key === ' ') event.preventDefault();
  };
  return (
    <div className="dplayer" role="group" aria-label={t('graph.player')} onKeyDown={onKeyDown} onKeyUp={onKeyUp}>
      {/* aria-disabled, not disabled: a disabled button drops the keyboard focus out of the player. */}
      <button type="button" className="button secondary small" onClick={() => dispatch({ type: 'back' })} aria-disabled={state.step <= 1}>
        <Glyph name="back" /> {t('graph.back')}
      </button>
      <button type="button" className="button small dplayer-play" onClick={() => dispatch({ type: 'toggle' })} disabled={state.total <= 1}>
        <Glyph name={state.playing ? 'pause' : 'play'} /> {state.playing ? t('graph.pause') : atEnd ? t('graph.replay') : t('graph.play')}
      </button>
      <button type="button" className="button secondary small" onClick={() => dispatch({ type: 'forward' })} aria-disabled={atEnd}>
        {t('graph.forward')} <Glyph name="forward" />
      </button>
      <label className="dplayer-scrub">
        <span className="visually-hidden">{t('graph.scrub')}</span>
        <input
          type="range"
          min={1}
          max={Math.max(1, state.total)}
          step={1}
          value={state.step}
          aria-valuetext={t('graph.position', { current: state.step, total: state.total })}
          onChange={(event) => dispatch({ type: 'seek', step: Number(event.currentTarget.value) })}
        />
      </label>
      <span className="dplayer-position" aria-hidden="true">
        {t('graph.position', { current: state.step, total: state.total })}
      </span>
      <label className="dplayer-speed">
        <span className="visually-hidden">{t('graph.speed')}</span>
        <select value={state.speed} onChange={(event) => dispatch({ type: 'speed', speed: Number(event.currentTarget.value) as Speed })}>
          {SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              {speed}×
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
