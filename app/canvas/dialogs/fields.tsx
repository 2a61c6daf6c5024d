/** Labelled fields of the builder's dialogs: the label above, a hint below, the error (if any) under it, tied by ARIA. */
import { useId, type ReactNode } from 'react';

interface FieldShellProps {
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | null;
  readonly children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

export function FieldShell({ label, hint, error, children }: FieldShellProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, describedBy, invalid: !!error })}
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly hint?: string;
  readonly error?: string | null;
  readonly mono?: boolean;
  readonly autoFocus?: boolean;
  readonly multiline?: boolean;
  readonly name: string;
  readonly inputMode?: 'numeric' | 'text';
}

export function TextField({ label, value, onChange, hint, error, mono, autoFocus, multiline, name, inputMode }: TextFieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) =>
        multiline ? (
          <textarea
            id={id}
            name={name}
            className="field-input field-textarea mono"
            value={value}
            spellCheck={false}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            onChange={(e) => onChange(e.target.value)}
            rows={9}
          />
        ) : (
          <input
            id={id}
            name={name}
            className={mono ? 'field-input mono' : 'field-input'}
            value={value}
            dir="auto"
            autoComplete="off"
            spellCheck={false}
            inputMode={inputMode}
            autoFocus={autoFocus}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </FieldShell>
  );
}

interface SelectFieldProps {
  readonly label: string;
  readonly value: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly onChange: (value: string) => void;
  readonly hint?: string;
  readonly error?: string | null;
  readonly name: string;
  readonly autoFocus?: boolean;
}

export function SelectField({ label, value, options, onChange, hint, error, name, autoFocus }: SelectFieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          name={name}
          className="field-input"
          value={value}
          autoFocus={autoFocus}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(e) => onChange(e.target.value)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
