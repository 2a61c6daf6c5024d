/**
 * Tags as a small key/value table. The whole set is one edit (`setTags`), made when a
 * field loses focus or on Enter, checked by the engine while typing (AWS's limits: keys up
 * to 128 characters, values up to 256, at most 50 tags); Escape restores the world's tags.
 */
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import type { EntityRef, Tags } from '../../engine/edit/types';
import { useT } from '../i18n';
import { IconButton } from './ui/lists';
import { ActionIcon } from './ui/icons';
import { ProblemText } from './ui/Problem';
import { Section } from './ui/Section';
import { type Problem, useEdits } from './useEdits';

interface Row {
  readonly key: string;
  readonly value: string;
}

function rowsOf(tags: Tags): Row[] {
  return Object.entries(tags).map(([key, value]) => ({ key, value }));
}

/** The tags the rows say, or the key written twice (a map cannot hold both). */
function tagsOf(rows: readonly Row[]): { tags: Record<string, string> } | { duplicate: string } {
  const tags: Record<string, string> = {};
  for (const row of rows) {
    if (row.key === '' && row.value === '') continue; // a row not filled in yet
    if (Object.hasOwn(tags, row.key)) return { duplicate: row.key };
    tags[row.key] = row.value;
  }
  return { tags };
}

function same(a: Tags, b: Tags): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

export function TagsEditor({ entity, tags }: { readonly entity: EntityRef; readonly tags: Tags }) {
  const t = useT();
  const edits = useEdits();
  const id = useId();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [editedRow, setEditedRow] = useState<number | null>(null);
  const shown = rows ?? rowsOf(tags);
  const addRef = useRef<HTMLButtonElement>(null);

  const judge = (next: readonly Row[], apply: boolean): Problem | null => {
    const parsed = tagsOf(next);
    if ('duplicate' in parsed) return { text: t('inspector.tags.duplicate', { key: parsed.duplicate }), field: 'tags' };
    if (same(parsed.tags, tags)) return null;
    const edit = { op: 'setTags' as const, ref: entity, tags: parsed.tags };
    return apply ? edits.run(edit) : edits.check(edit);
  };

  const change = (index: number, patch: Partial<Row>) => {
    const next = shown.map((r, i) => (i === index ? { ...r, ...patch } : r));
    setRows(next);
    setEditedRow(index);
    setProblem(judge(next, false));
  };

  const commit = (next: readonly Row[] = shown) => {
    if (rows === null && next === shown) return;
    const refused = judge(next, true);
    setProblem(refused);
    if (refused) {
      setRows([...next]);
      return;
    }
    // Rows not filled in stay while focus is in the table; the world's tags show otherwise.
    setRows(null);
    setEditedRow(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape' && rows !== null) {
      e.stopPropagation();
      setRows(null);
      setProblem(null);
      setEditedRow(null);
    }
  };

  const problemId = `${id}-problem`;
  return (
    <Section title={t('inspector.tags.title')} count={Object.keys(tags).length}>
      {shown.length > 0 ? (
        <div
          className="tags-table"
          role="group"
          aria-label={t('inspector.tags.title')}
          // Moving between a key and its value is not leaving: the set is judged when focus leaves the table.
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) commit();
          }}
        >
          <span className="tags-head" aria-hidden="true">
            {t('inspector.tags.keyHeader')}
          </span>
          <span className="tags-head" aria-hidden="true">
            {t('inspector.tags.valueHeader')}
          </span>
          <span aria-hidden="true" />
          {shown.map((row, i) => {
            const invalid = problem !== null && editedRow === i ? true : undefined;
            return (
              <div className="tags-row" key={i}>
                <input
                  className="inspector-input mono"
                  aria-label={t('inspector.tags.key', { n: i + 1 })}
                  value={row.key}
                  dir="auto"
                  spellCheck={false}
                  autoComplete="off"
                  autoFocus={rows !== null && i === shown.length - 1 && row.key === '' && row.value === ''}
                  aria-invalid={invalid}
                  aria-describedby={problem ? problemId : undefined}
                  onChange={(e) => change(i, { key: e.target.value })}
                  onKeyDown={onKeyDown}
                />
                <input
                  className="inspector-input mono"
                  aria-label={t('inspector.tags.value', { n: i + 1 })}
                  value={row.value}
                  dir="auto"
                  spellCheck={false}
                  autoComplete="off"
                  aria-invalid={invalid}
                  aria-describedby={problem ? problemId : undefined}
                  onChange={(e) => change(i, { value: e.target.value })}
                  onKeyDown={onKeyDown}
                />
                <IconButton icon="trash" danger label={t('inspector.tags.remove', { key: row.key || String(i + 1) })} onClick={() => {
                    commit(shown.filter((_, j) => j !== i));
                    // After the re-render, so leaving the table does not judge the rows from before the removal.
                    requestAnimationFrame(() => addRef.current?.focus());
                  }} />
              </div>
            );
          })}
        </div>
      ) : (
        <p className="muted small inspector-empty">{t('inspector.tags.none')}</p>
      )}
      <ProblemText id={problemId} problem={problem} />
      <p className="hint">{t('inspector.rule.tags')}</p>
      <button ref={addRef} type="button" className="button secondary small inspector-more" onClick={() => setRows([...shown, { key: '', value: '' }])}>
        <ActionIcon name="plus" />
        {t('inspector.tags.add')}
      </button>
    </Section>
  );
}
