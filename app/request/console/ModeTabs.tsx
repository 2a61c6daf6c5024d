/** The console's three kinds of request, as tabs (arrow keys move between them, as WAI-ARIA's tabs pattern asks). */
import { useRef, type KeyboardEvent } from 'react';
import { useT } from '../../i18n';
import type { ConsoleMode } from './draft';

const MODES: readonly ConsoleMode[] = ['api', 'sts', 'http'];

export function modeTabId(ids: string, mode: ConsoleMode): string {
  return `${ids}-tab-${mode}`;
}

export function modePanelId(ids: string): string {
  return `${ids}-mode-panel`;
}

export function ModeTabs({ ids, mode, onChange }: { readonly ids: string; readonly mode: ConsoleMode; readonly onChange: (mode: ConsoleMode) => void }) {
  const t = useT();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent) => {
    const at = MODES.indexOf(mode);
    const next = event.key === 'ArrowRight' ? (at + 1) % MODES.length : event.key === 'ArrowLeft' ? (at + MODES.length - 1) % MODES.length : event.key === 'Home' ? 0 : event.key === 'End' ? MODES.length - 1 : -1;
    if (next < 0) return;
    event.preventDefault();
    onChange(MODES[next] as ConsoleMode);
    refs.current[next]?.focus();
  };
  return (
    <div className="console-modes" role="tablist" aria-label={t('console.modes')} onKeyDown={onKeyDown}>
      {MODES.map((m, i) => (
        <button
          key={m}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={modeTabId(ids, m)}
          aria-selected={mode === m}
          aria-controls={modePanelId(ids)}
          tabIndex={mode === m ? 0 : -1}
          className="console-mode"
          onClick={() => onChange(m)}
        >
          {t(`console.mode.${m}`)}
        </button>
      ))}
    </div>
  );
}
