/** The decision view (issue 6): built by the decision-graph work; this shell only holds its place. */
import { useT } from '../i18n';

export default function DecisionPanel() {
  const t = useT();
  return <p className="muted map-loading">{t('decision.idle')}</p>;
}
