/**
 * A labelled text field with the browser's own suggestions (a datalist): free text, with
 * the names the world offers one keystroke away (an action, an ARN).
 */
export interface SuggestFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  onChange(value: string): void;
  readonly suggestions: readonly string[];
  readonly placeholder?: string;
  readonly invalid?: boolean;
}

export function SuggestField({ id, label, value, onChange, suggestions, placeholder, invalid }: SuggestFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        list={`${id}-suggestions`}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid || undefined}
      />
      <datalist id={`${id}-suggestions`}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </div>
  );
}
