/** Controls that choose: a select and an Add button, a field with suggestions and a button, a select that changes the world. */
import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';
import type { Problem } from '../useEdits';
import { ProblemText } from './Problem';

export interface Choice {
  readonly value: string;
  readonly label: string;
}

/**
 * A select and a button that adds the chosen item. Choosing does nothing by itself (arrow
 * keys walk a closed select's options), the button or Enter adds.
 */
export function AddSelect({ label, placeholder, choices, button, onAdd }: { readonly label: string; readonly placeholder: string; readonly choices: readonly Choice[]; readonly button: string; readonly onAdd: (value: string) => Problem | null }) {
  const id = useId();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const chosen = choices.some((c) => c.value === value) ? value : '';
  const add = () => {
    if (!chosen) return;
    const refused = onAdd(chosen);
    setProblem(refused);
    if (refused) return;
    setValue('');
    // The button is disabled again until another choice: focus goes back to the choice.
    selectRef.current?.focus();
  };
  return (
    <div className="inspector-field">
      <label htmlFor={`${id}-select`}>{label}</label>
      <div className="inspector-add">
        <select
          ref={selectRef}
          id={`${id}-select`}
          className="inspector-input"
          value={chosen}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            setProblem(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          disabled={choices.length === 0}
        >
          <option value="">{placeholder}</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        <button type="button" className="button secondary small" onClick={add} disabled={!chosen}>
          {button}
        </button>
      </div>
      <ProblemText id={`${id}-problem`} problem={problem} />
    </div>
  );
}

/**
 * A text field with suggestions (a datalist) and a button: for what may be picked from the
 * world or typed freely (a policy ARN, an account ID, a service principal).
 */
export function AddCombo({ label, hint, choices, button, onAdd, onFocus, placeholder, mono = true }: {
  readonly label: string;
  readonly hint?: ReactNode;
  readonly choices: readonly Choice[];
  readonly button: string;
  readonly onAdd: (text: string) => Problem | null;
  readonly onFocus?: () => void;
  readonly placeholder?: string;
  readonly mono?: boolean;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const add = () => {
    if (text.trim() === '') return;
    const refused = onAdd(text.trim());
    setProblem(refused);
    if (refused) return;
    setText('');
    // The button is disabled again while the field is empty: focus goes back to the field (if it is still here).
    if (inputRef.current?.isConnected) inputRef.current.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    } else if (e.key === 'Escape' && text !== '') {
      e.stopPropagation();
      setText('');
      setProblem(null);
    }
  };
  const describedBy = [hint ? `${id}-hint` : null, problem ? `${id}-problem` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="inspector-field">
      <label htmlFor={`${id}-input`}>{label}</label>
      <div className="inspector-add">
        <input
          ref={inputRef}
          id={`${id}-input`}
          className={`inspector-input${mono ? ' mono' : ''}`}
          list={`${id}-list`}
          value={text}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
          dir="auto"
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy}
          onFocus={onFocus}
          onChange={(e) => {
            setText(e.target.value);
            setProblem(null);
          }}
          onKeyDown={onKeyDown}
        />
        <datalist id={`${id}-list`}>
          {choices.map((c) => (
            <option key={c.value} value={c.value} label={c.label === c.value ? undefined : c.label} />
          ))}
        </datalist>
        <button type="button" className="button secondary small" onClick={add} disabled={text.trim() === ''}>
          {button}
        </button>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <ProblemText id={`${id}-problem`} problem={problem} />
    </div>
  );
}

/**
 * A select whose choice changes the world: at once when picked with the pointer; when the
 * keyboard walks the options, on Enter or when focus leaves (each arrow key would otherwise
 * be an edit).
 */
export function CommitSelect({ label, value, choices, onCommit, hint }: { readonly label: string; readonly value: string; readonly choices: readonly Choice[]; readonly onCommit: (value: string) => Problem | null; readonly hint?: ReactNode }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const keyed = useRef(false);
  const commit = (next: string | null) => {
    if (next === null || next === value) {
      setDraft(null);
      return;
    }
    const refused = onCommit(next);
    setProblem(refused);
    setDraft(refused ? next : null);
  };
  const describedBy = [hint ? `${id}-hint` : null, problem ? `${id}-problem` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="inspector-field">
      <label htmlFor={`${id}-select`}>{label}</label>
      <select
        id={`${id}-select`}
        className="inspector-input"
        value={draft ?? value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit(draft);
          } else if (e.key === 'Escape' && draft !== null) {
            e.stopPropagation();
            setDraft(null);
            setProblem(null);
          } else if (e.key !== 'Tab') keyed.current = true;
        }}
        onPointerDown={() => {
          keyed.current = false;
        }}
        onChange={(e) => {
          if (keyed.current) {
            setDraft(e.target.value);
            setProblem(null);
          } else commit(e.target.value);
        }}
        onBlur={() => {
          keyed.current = false;
          commit(draft);
        }}
      >
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <ProblemText id={`${id}-problem`} problem={problem} />
    </div>
  );
}
