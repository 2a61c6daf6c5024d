/** The log's filters: by caller, by API operation, by outcome, and free text; each choice with its count. */
import { useId, useMemo } from 'react';
import { useT } from '../i18n';
import type { TrailEntry } from '../store/trailSlice';
import { eventChoices, identityChoices, isFiltered, NO_FILTER, OUTCOME_FILTERS, outcomeCounts, type OutcomeFilter, type TrailFilter } from './records';

interface Props {
  readonly entries: readonly TrailEntry[];
  readonly filter: TrailFilter;
  readonly onChange: (filter: TrailFilter) => void;
}

export function TrailFilters({ entries, filter, onChange }: Props) {
  const t = useT();
  const id = useId();
  const identities = useMemo(() => identityChoices(entries), [entries]);
  const events = useMemo(() => eventChoices(entries), [entries]);
  const counts = useMemo(() => outcomeCounts(entries), [entries]);
  const set = (patch: Partial<TrailFilter>) => onChange({ ...filter, ...patch });

  return (
    <div className="trail-filters" role="search" aria-label={t('trail.filters')}>
      <ChoiceFilter id={`${id}-identity`} label={t('trail.filter.identity')} all={t('trail.filter.identityAll')} choices={identities} value={filter.identity} onChange={(identity) => set({ identity })} />
      <ChoiceFilter id={`${id}-event`} label={t('trail.filter.event')} all={t('trail.filter.eventAll')} choices={events} value={filter.event} onChange={(event) => set({ event })} />
      <div className="trail-field">
        <label htmlFor={`${id}-outcome`}>{t('trail.filter.outcome')}</label>
        <select id={`${id}-outcome`} value={filter.outcome} onChange={(e) => set({ outcome: e.target.value as OutcomeFilter })}>
          {OUTCOME_FILTERS.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t('trail.filter.count', { label: t(`trail.outcome.${outcome}`), count: counts[outcome] })}
            </option>
          ))}
        </select>
      </div>
      <div className="trail-field trail-field-text">
        <label htmlFor={`${id}-text`}>{t('trail.filter.text')}</label>
        <input
          id={`${id}-text`}
          type="search"
          value={filter.text}
          onChange={(e) => set({ text: e.target.value })}
          placeholder={t('trail.filter.textPlaceholder')}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      {isFiltered(filter) ? (
        <button type="button" className="button secondary small trail-clear-filters" onClick={() => onChange(NO_FILTER)}>
          {t('trail.filter.clear')}
        </button>
      ) : null}
    </div>
  );
}

/** One filter over the log's values (callers, operations), each choice with how many records it keeps. */
function ChoiceFilter(props: {
  readonly id: string;
  readonly label: string;
  readonly all: string;
  readonly choices: readonly { readonly key: string; readonly label: string; readonly count: number }[];
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  const t = useT();
  return (
    <div className="trail-field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.all}</option>
        {props.choices.map((c) => (
          <option key={c.key} value={c.key}>
            {t('trail.filter.count', { label: c.label, count: c.count })}
          </option>
        ))}
      </select>
    </div>
  );
}
