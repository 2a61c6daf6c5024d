/**
 * A text field that changes the world: the engine checks the text as the learner types
 * (a dry run of the edit), the edit is made on Enter or when the field loses focus, and
 * Escape puts back what the world holds. A refused edit changes nothing and leaves the
 * learner's text in place, marked invalid with AWS's rule under it.
 */
import { type KeyboardEvent, type ReactNode, useId, useState } from 'react';
import { type Edits, type Problem, useEdits } from '../useEdits';
import { ProblemText } from './Problem';

export interface EditFieldProps {
  readonly label: string;
  /** What the world holds now. */
  readonly value: string;
  /** The edit(s) that make the world hold `text`, or null when `text` needs no change. */
  readonly toEdit: (text: string) => Edits | null;
  /** After the world took the text (e.g. follow a rename to the node's new id). */
  readonly onDone?: (text: string) => void;
  /** The rule, shown under the field and read with it. */
  readonly hint?: ReactNode;
  readonly id?: string;
  readonly mono?: boolean;
  readonly type?: 'text' | 'password' | 'number';
  readonly inputMode?: 'text' | 'numeric' | 'decimal';
  readonly placeholder?: string;
  readonly autoComplete?: string;
  readonly multiline?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number | 'any';
  readonly autoFocus?: boolean;
  /** When the field is done: the edit was made, there was nothing to change, or Escape. */
  readonly onSettled?: () => void;
}

export function EditField(props: EditFieldProps) {
  const { label, value, toEdit, onDone, hint, mono, multiline } = props;
  const edits = useEdits();
  const ownId = useId();
  const id = props.id ?? `${ownId}-input`;
  const hintId = `${ownId}-hint`;
  const problemId = `${ownId}-problem`;
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const text = draft ?? value;

  const change = (next: string) => {
    setDraft(next);
    const edit = next === value ? null : toEdit(next);
    setProblem(edit ? edits.check(edit) : null);
  };

  const commit = () => {
    if (draft === null) {
      props.onSettled?.();
      return;
    }
    const edit = draft === value ? null : toEdit(draft);
    const refused = edit ? edits.run(edit) : null;
    setProblem(refused);
    if (refused) return;
    setDraft(null);
    if (edit) onDone?.(draft);
    props.onSettled?.();
  };

  const restore = () => {
    setDraft(null);
    setProblem(null);
    props.onSettled?.();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !(multiline && e.shiftKey)) {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape' && (draft !== null || problem || props.onSettled)) {
      // Only a field with something to undo takes Escape; otherwise it belongs to the page.
      e.stopPropagation();
      restore();
    }
  };

  const describedBy = [hint ? hintId : null, problem ? problemId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value: text,
    className: `inspector-input${mono ? ' mono' : ''}`,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy,
    onBlur: commit,
    onKeyDown,
    dir: 'auto' as const,
    spellCheck: false,
    placeholder: props.placeholder,
    autoFocus: props.autoFocus,
  };

  return (
    <div className="inspector-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={2} onChange={(e) => change(e.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          autoComplete={props.autoComplete ?? 'off'}
          min={props.min}
          max={props.max}
          step={props.step}
          onChange={(e) => change(e.target.value)}
        />
      )}
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <ProblemText id={problemId} problem={problem} />
    </div>
  );
}
