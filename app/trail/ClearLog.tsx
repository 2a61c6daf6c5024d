/** "Clear log": one press asks, a second deletes every record. */
import { useId, useRef, useState } from 'react';
import { useT } from '../i18n';
import { useAppStore } from '../store';

export function ClearLog({ count, onCleared }: { readonly count: number; readonly onCleared: () => void }) {
  const t = useT();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const ask = useRef<HTMLButtonElement>(null);
  const back = () => {
    setAsking(false);
    requestAnimationFrame(() => ask.current?.focus());
  };
  if (!asking) {
    return (
      <button ref={ask} type="button" className="button secondary small" onClick={() => setAsking(true)}>
        {t('trail.clear')}
      </button>
    );
  }
  return (
    <div className="trail-confirm" role="group" aria-labelledby={`${id}-q`}>
      <p id={`${id}-q`}>{t('trail.clearQuestion', { count })}</p>
      <button
        type="button"
        className="button danger small"
        autoFocus
        onClick={() => {
          useAppStore.getState().clearTrail();
          setAsking(false);
          onCleared();
        }}
      >
        {t('trail.clearConfirm')}
      </button>
      <button type="button" className="button secondary small" onClick={back}>
        {t('trail.cancel')}
      </button>
    </div>
  );
}
