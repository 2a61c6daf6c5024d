/**
 * Small pieces shared by D1's sections: a principal with its kind icon, name and account;
 * a button that opens a statement in its policy; "Show on the map"; the last result of a
 * kind from the store.
 */
import type { AnalysisKind, AnalysisResult, PrincipalSummary, StatementRef } from '../../engine/analysis/types';
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { resultOf } from './auditView';
import type { AccessHighlight } from '../store/analysisSlice';
import { KIND_LABEL } from './accessWords';
import { accountLabels } from './principalChoices';

/** The result of the last finished run of `kind`, when it is one. */
export function useResult<K extends AnalysisKind>(kind: K): Extract<AnalysisResult, { kind: K }> | undefined {
  return resultOf(useAppStore((s) => s.analyses[kind]), kind);
}

export function PrincipalLabel({ principal }: { readonly principal: PrincipalSummary }) {
  const t = useT();
  const world = useAppStore((s) => s.world);
  const account = accountLabels(world).get(principal.account) ?? principal.account;
  return (
    <span className="analysis-principal">
      <span className={`analysis-principal-icon kind-${principal.kind}`}>
        <Icon name={principal.kind} size={16} />
      </span>
      <span className="analysis-principal-kind">{t(KIND_LABEL[principal.kind])}</span>
      <strong className="analysis-principal-name" dir="auto" title={principal.arn}>
        {principal.name}
      </strong>
      {account && principal.kind !== 'root' ? <span className="analysis-principal-account">{t('analysis.inAccount', { account })}</span> : null}
    </span>
  );
}

/** Opens the statement in its policy (the map selects the policy, the editor marks the statement). */
export function StatementButton({ statement }: { readonly statement: StatementRef }) {
  const t = useT();
  const showStatement = useAppStore((s) => s.showStatement);
  const label = statement.sid !== undefined ? t('analysis.openStatement', { policy: statement.policy.name, sid: statement.sid }) : t('analysis.openStatementNoSid', { policy: statement.policy.name });
  return (
    <button
      type="button"
      className="analysis-statement"
      aria-label={label}
      onClick={() => showStatement({ nodeId: statement.policy.id, span: statement.span })}
    >
      <Icon name="policy" size={13} />
      <span dir="auto">{statement.policy.name}</span>
      {statement.sid ? <code>{statement.sid}</code> : null}
    </button>
  );
}

/** Highlights principals on the map and switches to it. */
export function showOnMap(highlight: AccessHighlight): void {
  const store = useAppStore.getState();
  store.setAccessHighlight(highlight);
  store.setMainView('map');
}

export function ShowOnMapButton({ highlight }: { readonly highlight: () => AccessHighlight }) {
  const t = useT();
  return (
    <button type="button" className="button secondary small analysis-map-button" onClick={() => showOnMap(highlight())}>
      <Icon name="arrow" size={13} />
      {t('analysis.showOnMap')}
    </button>
  );
}
