/**
 * The Event log tab: every request the learner sent (console and batch runs), as the
 * CloudTrail records the engine wrote for them — filterable, readable in full, exportable
 * as a CloudTrail log file, and each one a way back to its decision.
 */
import { useId, useMemo, useRef, useState, type RefObject } from 'react';
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { ClearLog } from './ClearLog';
import { downloadTrail } from './exportFile';
import { RecordView } from './RecordView';
import { filterTrail, isFiltered, NO_FILTER, type TrailFilter } from './records';
import { TrailFilters } from './TrailFilters';
import { TrailTable } from './TrailTable';
import './trail.css';

function EmptyLog({ headingRef }: { readonly headingRef: RefObject<HTMLHeadingElement | null> }) {
  const t = useT();
  const toConsole = () => {
    const console = document.getElementById('request-console');
    console?.scrollIntoView({ block: 'start' });
    console?.focus();
  };
  return (
    <div className="trail-empty">
      <Icon name="legend" size={28} />
      <h3 ref={headingRef} tabIndex={-1}>
        {t('trail.empty.title')}
      </h3>
      <p>{t('trail.empty.body')}</p>
      <button type="button" className="button secondary small" onClick={toConsole}>
        <Icon name="send" size={14} />
        {t('trail.empty.toConsole')}
      </button>
    </div>
  );
}

export default function EventLog() {
  const t = useT();
  const id = useId();
  const trail = useAppStore((s) => s.trail);
  const [filter, setFilter] = useState<TrailFilter>(NO_FILTER);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const emptyHeading = useRef<HTMLHeadingElement>(null);

  // The log keeps and exports records in time order; the table lists the newest first.
  const shown = useMemo(() => filterTrail(trail, filter), [trail, filter]);
  const newestFirst = useMemo(() => [...shown].reverse(), [shown]);
  const selected = selectedId === null ? undefined : trail.find((e) => e.id === selectedId);
  const filtered = isFiltered(filter);

  return (
    <div className="trail">
      <header className="trail-head">
        <div className="trail-heading">
          <h3 className="trail-title">{t('trail.title')}</h3>
          <p className="muted trail-intro">{t('trail.intro')}</p>
        </div>
        {trail.length > 0 ? (
          <div className="trail-actions">
            <p className="trail-count" role="status" aria-live="polite">
              {filtered ? t('trail.count', { shown: shown.length, total: trail.length }) : t('trail.countAll', { total: trail.length })}
            </p>
            <button type="button" className="button secondary small" onClick={() => downloadTrail(shown)} disabled={shown.length === 0} aria-describedby={`${id}-export`}>
              {filtered ? t('trail.exportShown', { count: shown.length }) : t('trail.export')}
            </button>
            {filtered ? (
              <button type="button" className="button secondary small" onClick={() => downloadTrail(trail)} aria-describedby={`${id}-export`}>
                {t('trail.exportAll', { count: trail.length })}
              </button>
            ) : null}
            <p id={`${id}-export`} className="visually-hidden">
              {t('trail.exportHint')}
            </p>
            <ClearLog
              count={trail.length}
              onCleared={() => {
                setSelectedId(null);
                setFilter(NO_FILTER);
                requestAnimationFrame(() => emptyHeading.current?.focus());
              }}
            />
          </div>
        ) : null}
      </header>
      {trail.length === 0 ? (
        <EmptyLog headingRef={emptyHeading} />
      ) : (
        <>
          <TrailFilters entries={trail} filter={filter} onChange={setFilter} />
          <p id={`${id}-hint`} className="visually-hidden">
            {t('trail.tableHint')}
          </p>
          <div className="trail-scroll">
            {shown.length > 0 ? (
              <TrailTable entries={newestFirst} selectedId={selectedId} onSelect={setSelectedId} describedBy={`${id}-hint`} />
            ) : (
              <p className="trail-no-match">{t('trail.noMatch')}</p>
            )}
          </div>
          {selected ? (
            <RecordView entry={selected} onClose={() => setSelectedId(null)} />
          ) : (
            <p className="muted trail-record-none">{t('trail.record.none')}</p>
          )}
        </>
      )}
    </div>
  );
}
