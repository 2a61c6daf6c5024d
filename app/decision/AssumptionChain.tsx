/**
 * Role assumption as a chain before the call: the caller that called AssumeRole (with its
 * trust policy's outcome), the session it got, … , this request. Each STS call is a button
 * that shows that call's own decision. Read from the event log (see chain.ts).
 */
import { useLang, useT } from '../i18n';
import type { TrailEntry } from '../store/trailSlice';
import { type ChainLink, shortArn, trustOutcome } from './chain';
import { outcomeWord, verdictWord } from './labels';
import { OutcomeIcon } from './OutcomeIcon';
import type { NodeOutcome } from './stages';

interface Props {
  readonly links: readonly ChainLink[];
  /** The entry being shown, when an earlier one is. */
  readonly showing: TrailEntry | null;
  onShow(entry: TrailEntry | null): void;
}

function verdictOutcome(decision: string): NodeOutcome {
  return decision === 'allowed' ? 'allow' : decision === 'explicitDeny' ? 'deny' : decision === 'implicitDeny' ? 'implicitDeny' : 'fail';
}

export function AssumptionChain({ links, showing, onShow }: Props) {
  const t = useT();
  const lang = useLang();
  if (links.length === 0) return null;
  return (
    <section className="dchain" aria-labelledby="dchain-title">
      <h3 id="dchain-title" className="section-title">
        {t('graph.chain')}
      </h3>
      <p className="muted small">{t('graph.chainHint')}</p>
      <ol className="dchain-list">
        {links.map(({ entry }) => {
          const trust = trustOutcome(entry);
          const caller = shortArn(entry.event.userIdentity.arn);
          const call = entry.event.eventName;
          return [
            <li key={`${entry.id}:caller`} className="dchain-item dchain-principal">
              <span className="dchain-kind">{t('graph.chain.issuer')}</span>
              <code>{caller}</code>
            </li>,
            <li key={`${entry.id}:call`} className="dchain-item dchain-call">
              <button
                type="button"
                className={`dchain-button${showing?.id === entry.id ? ' is-selected' : ''}`}
                aria-pressed={showing?.id === entry.id}
                aria-label={t('graph.chain.show', { call, caller })}
                onClick={() => onShow(showing?.id === entry.id ? null : entry)}
              >
                <span className="dchain-call-name">{call}</span>
                <span className={`dbadge dbadge-${verdictOutcome(entry.result.decision)}`}>
                  <OutcomeIcon outcome={verdictOutcome(entry.result.decision)} size={14} />
                  {verdictWord(lang, entry.result.decision)}
                </span>
                {trust ? (
                  <span className="dchain-trust">{t('graph.chain.trust', { outcome: outcomeWord(lang, trust === 'noMatch' ? 'implicitDeny' : (trust as NodeOutcome)) })}</span>
                ) : null}
              </button>
            </li>,
            <li key={`${entry.id}:session`} className="dchain-item dchain-session">
              <span className="dchain-kind">{t('graph.chain.session')}</span>
              <code>{shortArn(entry.issued?.arn)}</code>
            </li>,
          ];
        })}
        <li className="dchain-item dchain-this">
          <button type="button" className={`dchain-button${showing === null ? ' is-selected' : ''}`} aria-pressed={showing === null} onClick={() => onShow(null)}>
            {t('graph.chain.thisCall')}
          </button>
        </li>
      </ol>
    </section>
  );
}
