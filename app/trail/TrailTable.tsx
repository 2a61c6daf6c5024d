/**
 * The records as a table, one row per request. Keyboard: one row is in the tab order (a
 * roving tab stop); the arrow keys, Home and End move between rows; Enter or Space opens
 * the focused row's record. The outcome is an icon and words, never colour alone.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Icon, type IconName } from '../components/Icon';
import { useLang, useT, type MessageKey } from '../i18n';
import type { TrailEntry } from '../store/trailSlice';
import { identityName, outcomeOf, resourcesOf, shortResource } from './records';

interface Props {
  /** Newest first, as CloudTrail's event history lists them. */
  readonly entries: readonly TrailEntry[];
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
  readonly describedBy: string;
}

function outcomeIcon(entry: TrailEntry): IconName {
  const { decision } = entry.result;
  if (entry.event.errorCode === undefined) return 'allowed';
  if (decision === 'explicitDeny') return 'explicitDeny';
  return decision === 'implicitDeny' ? 'implicitDeny' : 'error';
}

/** The words beside the error code: which kind of refusal it was. */
function outcomeNote(entry: TrailEntry): MessageKey | null {
  const outcome = outcomeOf(entry);
  if (outcome === 'authn') return 'trail.result.authn';
  if (outcome !== 'accessDenied') return null;
  return entry.result.decision === 'explicitDeny' ? 'trail.result.explicitDeny' : 'trail.result.implicitDeny';
}

export function TrailTable({ entries, selectedId, onSelect, describedBy }: Props) {
  const t = useT();
  const lang = useLang();
  const body = useRef<HTMLTableSectionElement>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const clock = useMemo(() => new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }), [lang]);

  // The row in the tab order: the focused one, else the selected one, else the newest (the first).
  const stopId = [focusedId, selectedId].find((id) => id !== null && entries.some((e) => e.id === id)) ?? entries[0]?.id;

  const focusRow = (index: number) => {
    const entry = entries[index];
    if (!entry) return;
    setFocusedId(entry.id);
    body.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(entry.id)}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number, id: string) => {
    const next =
      event.key === 'ArrowDown' ? Math.min(index + 1, entries.length - 1)
      : event.key === 'ArrowUp' ? Math.max(index - 1, 0)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? entries.length - 1
      : event.key === 'PageDown' ? Math.min(index + 10, entries.length - 1)
      : event.key === 'PageUp' ? Math.max(index - 10, 0)
      : null;
    if (next !== null) {
      event.preventDefault();
      focusRow(next);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(id);
    }
  };

  return (
    <table className="trail-table" role="grid" aria-label={t('trail.table')} aria-describedby={describedBy} aria-readonly="true" aria-rowcount={entries.length + 1}>
      <thead>
        <tr aria-rowindex={1}>
          <th scope="col">{t('trail.col.time')}</th>
          <th scope="col">{t('trail.col.outcome')}</th>
          <th scope="col">{t('trail.col.identity')}</th>
          <th scope="col" lang="en">{t('trail.col.event')}</th>
          <th scope="col">{t('trail.col.resource')}</th>
          <th scope="col" lang="en" className="trail-col-ip">
            {t('trail.col.ip')}
          </th>
        </tr>
      </thead>
      <tbody ref={body}>
        {entries.map((entry, index) => {
          const { event } = entry;
          const note = outcomeNote(entry);
          const resources = resourcesOf(entry);
          const selected = entry.id === selectedId;
          return (
            <tr
              key={entry.id}
              data-id={entry.id}
              aria-rowindex={index + 2}
              aria-selected={selected}
              tabIndex={entry.id === stopId ? 0 : -1}
              className={`trail-row trail-row-${outcomeOf(entry)}${selected ? ' selected' : ''}`}
              onClick={() => {
                setFocusedId(entry.id);
                onSelect(entry.id);
              }}
              onFocus={() => setFocusedId(entry.id)}
              onKeyDown={(e) => onKeyDown(e, index, entry.id)}
            >
              <td className="trail-time">
                <time dateTime={event.eventTime} title={event.eventTime}>
                  {clock.format(new Date(event.eventTime))}
                </time>
              </td>
              <td className="trail-outcome" title={event.errorMessage}>
                <Icon name={outcomeIcon(entry)} size={16} />
                {event.errorCode === undefined ? (
                  <span>{t('trail.result.success')}</span>
                ) : (
                  <span className="trail-stack">
                    <code lang="en">{event.errorCode}</code>
                    {note ? <span className="trail-sub">{t(note)}</span> : null}
                  </span>
                )}
              </td>
              <td title={event.userIdentity.arn ?? event.userIdentity.invokedBy}>
                <span className="trail-stack">
                  <span className="trail-name">{identityName(event.userIdentity)}</span>
                  <span className="trail-sub" lang="en">
                    {event.userIdentity.type}
                    {/* Where the table is too narrow for its own column, the address comes here. */}
                    <span className="trail-ip-inline"> · {event.sourceIPAddress}</span>
                  </span>
                </span>
              </td>
              <td lang="en">
                <span className="trail-stack">
                  <span className="trail-mono trail-event">{event.eventName}</span>
                  <span className="trail-sub">{event.eventSource}</span>
                </span>
              </td>
              <td className="trail-mono trail-resource" title={resources.join('\n')}>
                {resources.length > 0 ? shortResource(resources[0]!) : '—'}
                {resources.length > 1 ? <span className="trail-sub"> +{resources.length - 1}</span> : null}
              </td>
              <td className="trail-mono trail-col-ip">{event.sourceIPAddress}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
