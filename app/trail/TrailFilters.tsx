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
      <div className="trail-field">
        <label htmlFor={`${id}-identity`}>{t('trail.filter.identity')}</label>
        <select id={`${id}-identity`} value={filter.identity} onChange={(e) => set({ identity: e.target.value })}>
          <option value="">{t('trail.filter.identityAll')}</option>
          {identities.map((c) => (
            <option key={c.key} value={c.key}>
              {t('trail.filter.count', { label: c.label, count: c.count })}
            </option>
          ))}
        </select>
      </div>
      <div className="trail-field">
        <label htmlFor={`${id}-event`}>{t('trail.filter.event')}</label>
        <select id={`${id}-event`} value={filter.event} onChange={(e) => set({ event: e.target.value })}>
          <option value="">{t('trail.filter.eventAll')}</option>
          {events.map((c) => (
            <option key={c.key} value={c.key}>
              {t('trail.filter.count', { label: c.label, count: c.count })}
            </option>
          ))}
        </select>
      </div>
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
