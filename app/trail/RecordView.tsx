/**
 * One record in full: its JSON as CloudTrail writes it (copyable), and the way back to the
 * decision the engine gave for it.
 */
import { useId, useState } from 'react';
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import type { TrailEntry } from '../store/trailSlice';
import { NO_WHAT_IF } from '../store/whatIfSlice';

type CopyState = 'idle' | 'copied' | 'failed';

/** Puts the entry's decision back on screen, as the engine answered it then, and opens the Decision tab. */
function showDecision(entry: TrailEntry): void {
  const store = useAppStore.getState();
  // The answer shown is the real one: a what-if left switched on would describe another evaluation.
  store.setWhatIf(NO_WHAT_IF);
  store.setResult({
    state: 'done',
    request: entry.request,
    decision: entry.result,
    expected: undefined,
    event: entry.event,
    ...(entry.issued ? { issued: entry.issued } : {}),
    ...(entry.applied ? { applied: entry.applied } : {}),
  });
  store.setMainView('decision');
}

export function RecordView({ entry, onClose }: { readonly entry: TrailEntry; readonly onClose: () => void }) {
  const t = useT();
  const id = useId();
  // The copy status speaks of the record it was for only.
  const [copied, setCopied] = useState<{ readonly id: string; readonly state: CopyState }>({ id: '', state: 'idle' });
  const copy = copied.id === entry.id ? copied.state : 'idle';
  const setCopy = (state: CopyState) => setCopied({ id: entry.id, state });
  const json = JSON.stringify(entry.event, null, 2);

  const copyJson = async () => {
    try {
      await navigator.clipboard.writeText(json);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <section className="trail-record" aria-labelledby={`${id}-title`}>
      <header className="trail-record-head">
        <h3 id={`${id}-title`} className="trail-record-title">
          {t('trail.record.title', { name: entry.event.eventName })}{' '}
          <time className="trail-sub" dateTime={entry.event.eventTime}>
            {entry.event.eventTime}
          </time>
        </h3>
        <div className="trail-record-actions">
          <button type="button" className="button primary small" onClick={() => showDecision(entry)} aria-describedby={`${id}-hint`}>
            <Icon name="arrow" size={14} />
            {t('trail.record.showDecision')}
          </button>
          <button type="button" className="button secondary small" onClick={() => void copyJson()}>
            {t('trail.record.copy')}
          </button>
          <button type="button" className="icon-button" onClick={onClose} aria-label={t('trail.record.close')} title={t('trail.record.close')}>
            <Icon name="close" size={16} />
          </button>
        </div>
      </header>
      <p id={`${id}-hint`} className="visually-hidden">
        {t('trail.record.showDecisionHint')}
      </p>
      <p className="trail-copy-status" role="status">
        {copy === 'copied' ? t('trail.record.copied') : copy === 'failed' ? t('trail.record.copyFailed') : ''}
      </p>
      {entry.issued ? <p className="trail-issued">{t('trail.record.issued', { name: entry.issued.name ? `$${entry.issued.name}` : entry.issued.arn })}</p> : null}
      {/* Focusable: a scrolling region must be reachable by keyboard. */}
      <pre className="trail-json" tabIndex={0} aria-label={t('trail.record.json')} lang="en">
        {json}
      </pre>
    </section>
  );
}
