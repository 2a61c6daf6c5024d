/**
 * The statement(s) that decided, each with its policy, its Sid and its text (cut from the
 * policy at the span the engine gave), and a button that opens it in the editor, marked.
 */
import type { DecisionResult, TraceEvent } from '../../engine/evaluate/types';
import { NODE_KINDS } from '../canvas/kinds';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { policySourceText } from '../world/policyText';
import { useWorldGraph } from '../world/useWorld';
import { decidingStatements } from './decidingStatements';
import { statementSnippet } from './snippet';

function Statement({ event }: { readonly event: TraceEvent }) {
  const t = useT();
  const graph = useWorldGraph();
  const showStatement = useAppStore((s) => s.showStatement);
  const node = graph?.nodes.find((n) => n.id === event.policy?.id);
  const document = node?.policy?.document;
  const text = document !== undefined && event.span ? statementSnippet(policySourceText(document), event.span) : undefined;
  const index = (event.statement?.index ?? 0) + 1;
  const sid = event.statement?.sid;
  const kindLabel = node ? t(NODE_KINDS[node.kind].label) : (event.policy?.kind ?? '');
  return (
    <li className={`statement statement-${event.outcome}`}>
      <div className="statement-head">
        <span className="statement-name">{t('decision.statementName', { index })}</span>
        {sid ? <code className="statement-sid">Sid: {sid}</code> : null}
        <span className="statement-policy">{t('decision.inPolicy', { kind: kindLabel, name: node?.label ?? event.policy?.name ?? '' })}</span>
      </div>
      {text ? (
        // Focusable: it scrolls, and a keyboard user must be able to scroll it.
        <pre className="statement-text" tabIndex={0}>
          <code>{text}</code>
        </pre>
      ) : null}
      {node ? (
        <button type="button" className="button secondary small" onClick={() => showStatement({ nodeId: node.id, span: event.span })}>
          {t('decision.showInPolicy')}
        </button>
      ) : null}
    </li>
  );
}

export function StatementList({ decision }: { readonly decision: DecisionResult }) {
  const t = useT();
  const statements = decidingStatements(decision);
  if (decision.decision === 'implicitDeny') return <p className="no-allow">{t('decision.noAllow')}</p>;
  if (statements.length === 0) return null;
  return (
    <div className="statements">
      <h3 className="section-title">{statements.length > 1 ? t('decision.statements') : t('decision.statement')}</h3>
      <ul className="statement-list">
        {statements.map((event) => (
          <Statement key={event.id} event={event} />
        ))}
      </ul>
    </div>
  );
}
