/**
 * Context keys in a typed form: add a key (from the global condition keys or typed), give it
 * a value its type accepts (an IP or CIDR block, a date, true/false, a number, a list …),
 * each problem said beside the value. Only the keys set here are sent; the engine derives
 * the rest as AWS does.
 */
import { Icon } from '../../components/Icon';
import { useT, type MessageKey } from '../../i18n';
import { useAppStore } from '../../store';
import type { ContextProblem, KeyType } from './contextKeys';
import type { ContextEntry } from './draft';
import { describedBy, FieldProblem } from './FieldProblem';
import { worldTime } from './signIn';

interface Props {
  readonly ids: string;
  readonly typeOf: (key: string) => KeyType;
  readonly suggestions: readonly string[];
  readonly problems: readonly (ContextProblem | undefined)[];
}

export function ContextKeysField({ ids, typeOf, suggestions, problems }: Props) {
  const t = useT();
  const entries = useAppStore((s) => s.draft.context);
  const setDraft = useAppStore((s) => s.setDraft);
  const set = (next: readonly ContextEntry[]) => setDraft({ context: next });
  const update = (index: number, patch: Partial<ContextEntry>) => set(entries.map((e, i) => (i === index ? { ...e, ...patch } : e)));
  const hasProblem = problems.some((p) => p !== undefined);

  return (
    <details className="console-context" open={entries.length > 0 || hasProblem ? true : undefined}>
      <summary>{entries.length > 0 ? t('console.context.count', { count: entries.length }) : t('console.context')}</summary>
      <p id={`${ids}-context-hint`} className="hint">
        {t('console.context.hint')}
      </p>
      <datalist id={`${ids}-keys`}>
        {suggestions.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      <ul className="console-context-list">
        {entries.map((entry, i) => {
          const type = typeOf(entry.key.trim());
          const problem = problems[i];
          const keyProblem = problem === 'keyInvalid' || problem === 'keyTwice' || problem === 'tagKeyMissing';
          const problemText = problem === undefined ? undefined : t(`console.problem.${problem}` as MessageKey, { value: entry.value.trim() });
          const keyName = entry.key.trim() || t('console.context.key');
          const base = `${ids}-ctx-${i}`;
          return (
            <li key={i} className="console-context-row">
              <div className="console-context-key">
                <label htmlFor={`${base}-key`} className="visually-hidden">
                  {t('console.context.key')}
                </label>
                <input
                  id={`${base}-key`}
                  value={entry.key}
                  onChange={(e) => update(i, { key: e.target.value })}
                  list={`${ids}-keys`}
                  placeholder="aws:SourceIp"
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={keyProblem}
                  aria-describedby={describedBy(undefined, `${base}-problem`, keyProblem)}
                />
                <button type="button" className="icon-button" onClick={() => set(entries.filter((_, j) => j !== i))} aria-label={t('console.context.remove', { key: keyName })} title={t('console.context.remove', { key: keyName })}>
                  <Icon name="close" size={14} />
                </button>
              </div>
              <label htmlFor={`${base}-value`} className="visually-hidden">
                {t('console.context.value', { key: keyName })}
              </label>
              <ValueInput id={`${base}-value`} entry={entry} type={type} invalid={problem !== undefined && !keyProblem} describedBy={describedBy(`${base}-type`, `${base}-problem`, problem !== undefined)} onChange={(value) => update(i, { value })} />
              <p id={`${base}-type`} className="hint">
                {t(`console.context.type.${type.type}`)}
                {type.list ? ` ${t('console.context.list')}` : ''}
              </p>
              <FieldProblem id={`${base}-problem`} text={problemText} />
            </li>
          );
        })}
      </ul>
      <button type="button" className="button" onClick={() => set([...entries, { key: '', value: '' }])}>
        {t('console.context.add')}
      </button>
    </details>
  );
}

interface ValueProps {
  readonly id: string;
  readonly entry: ContextEntry;
  readonly type: KeyType;
  readonly invalid: boolean;
  readonly describedBy: string | undefined;
  readonly onChange: (value: string) => void;
}

function ValueInput({ id, entry, type, invalid, describedBy: described, onChange }: ValueProps) {
  const t = useT();
  const world = useAppStore((s) => s.world);
  if (type.type === 'Bool' && !type.list) {
    return (
      <select id={id} value={entry.value.toLowerCase()} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid} aria-describedby={described}>
        <option value="" disabled>
          true / false
        </option>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  }
  if (type.list) {
    return <textarea id={id} value={entry.value} rows={2} onChange={(e) => onChange(e.target.value)} spellCheck={false} aria-invalid={invalid} aria-describedby={described} />;
  }
  const placeholder = type.type === 'IPAddress' ? '203.0.113.7' : type.type === 'Date' ? '2026-03-01T12:00:00Z' : type.type === 'Numeric' ? '300' : type.type === 'ARN' ? 'arn:aws:…' : '';
  return (
    <div className="console-context-value">
      <input id={id} value={entry.value} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} inputMode={type.type === 'Numeric' ? 'decimal' : undefined} autoComplete="off" spellCheck={false} aria-invalid={invalid} aria-describedby={described} />
      {type.type === 'Date' ? (
        <button type="button" className="button" onClick={() => onChange((world ? worldTime(world) : new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'))}>
          {t('console.context.now')}
        </button>
      ) : null}
    </div>
  );
}
