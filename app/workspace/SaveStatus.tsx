/**
 * Whether the learner's work is stored: "Saved", "Saving…", or why not — a conflict with
 * another tab (a button: it reopens the choice), storage refused, a failed write.
 */
import { useRef, type RefObject } from 'react';
import { Icon } from '../components/Icon';
import { useT, type MessageKey } from '../i18n';
import { useAppStore } from '../store';
import type { SaveState } from '../store/workspaceSlice';

function textOf(state: SaveState): { key: MessageKey; message?: string } | null {
  switch (state.state) {
    case 'idle':
      return null;
    case 'saving':
      return { key: 'workspace.save.saving' };
    case 'saved':
      return { key: 'workspace.save.saved' };
    case 'conflict':
      return { key: 'workspace.save.conflict' };
    case 'memoryOnly':
      return { key: `workspace.save.memoryOnly.${state.reason}` };
    case 'error':
      return { key: 'workspace.save.error', message: state.message };
  }
}

export function SaveStatus({ onConflict, buttonRef }: { readonly onConflict: () => void; readonly buttonRef?: RefObject<HTMLButtonElement | null> }) {
  const t = useT();
  const saveState = useAppStore((s) => s.saveState);
  const fallback = useRef<HTMLButtonElement>(null);
  const text = textOf(saveState);
  if (!text) return null;
  const label = t(text.key, text.message === undefined ? undefined : { message: text.message });
  if (saveState.state === 'conflict') {
    return (
      <button ref={buttonRef ?? fallback} type="button" className="ws-save ws-save-problem ws-save-button" onClick={onConflict}>
        <Icon name="warning" size={14} />
        {label}
      </button>
    );
  }
  const ok = saveState.state === 'saved' || saveState.state === 'saving';
  return (
    <p className={`ws-save${ok ? '' : ' ws-save-problem'}`} data-state={saveState.state} title={label}>
      <Icon name={ok ? (saveState.state === 'saved' ? 'allowed' : 'refresh') : 'warning'} size={14} />
      <span>{label}</span>
    </p>
  );
}
