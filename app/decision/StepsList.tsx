/**
 * The graph's text equivalent: every stage in order with its outcome and the engine's
 * reason, so a screen reader (or anyone) gets the whole story without the drawing. The
 * step the player is at is marked (`aria-current`).
 */
import type { DecisionResult } from '../../engine/evaluate/types';
import { useLang, useT } from '../i18n';
import { nodeDetail, nodeOutcomeWord, nodeTitle } from './labels';
import { OutcomeIcon } from './OutcomeIcon';
import type { DecisionGraph } from './stages';

interface Props {
  readonly graph: DecisionGraph;
  readonly result: DecisionResult;
  readonly step: number;
  readonly hideOutcomes: boolean;
  readonly accountName: (id: string | undefined) => string;
}

export function StepsList({ graph, result, step, hideOutcomes, accountName }: Props) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="dsteps" aria-labelledby="dsteps-title">
      <h3 id="dsteps-title" className="section-title">
        {t('graph.steps')}
      </h3>
      <p className="muted small">{t('graph.stepsHint')}</p>
      <ol className="dsteps-list">
        {graph.nodes.map((node, index) => {
          const outcome = hideOutcomes && node.kind !== 'skipped' ? 'hidden' : node.outcome;
          return (
            <li key={node.key} className={`dstep dnode-${outcome}${index < step ? '' : ' is-future'}`} aria-current={index === step - 1 ? 'step' : undefined}>
              <OutcomeIcon outcome={outcome} size={16} />
              <span className="dstep-text">
                <strong>{nodeTitle(lang, node)}</strong>
                {graph.crossAccount && node.account ? <span className="dstep-account"> · {accountName(node.account)}</span> : null}
                {' — '}
                <span className="dstep-outcome">{outcome === 'hidden' ? t('graph.outcome.hidden') : nodeOutcomeWord(lang, node, result)}</span>
                {node.decisive && !hideOutcomes && node.kind !== 'decision' ? <span className="dstep-decisive"> ({t('graph.decisive')})</span> : null}
                {node.kind !== 'decision' ? <span className="dstep-reason">{nodeDetail(lang, node, result, hideOutcomes)}</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
