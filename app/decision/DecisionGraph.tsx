/**
 * The decision as a path of stages, top to bottom in AWS's order; a cross-account request
 * as two swimlanes (caller's account, resource's account) with the path crossing between
 * them. Each stage is a button (Tab to it, Enter opens its details) with its outcome as
 * icon + word + colour. Nodes not yet reached by the player are hidden (CSS `visibility`, so
 * they leave the tab order and the accessibility tree too); revealing one is a CSS
 * opacity/transform transition, so nothing re-renders per frame.
 */
import type { CSSProperties } from 'react';
import type { DecisionResult, WhatIfLayer } from '../../engine/evaluate/types';
import { useLang, useT } from '../i18n';
import { WhatIfToggle } from '../whatif/WhatIfToggle';
import { isSwitchedOff } from './explain';
import { nodeDetail, nodeOutcomeWord, nodeTitle, outcomeWord } from './labels';
import { OutcomeIcon } from './OutcomeIcon';
import { useAccountName } from './useAccountName';
import { SWITCHABLE_LAYERS, type DecisionGraph as Graph, type GraphNode, type Lane } from './stages';

interface Props {
  readonly graph: Graph;
  readonly result: DecisionResult;
  /** How many nodes are revealed. */
  readonly step: number;
  readonly selected: string | null;
  readonly hideOutcomes: boolean;
  /** Whether a what-if run may switch layers (only for a real request on screen). */
  readonly switchable: boolean;
  onSelect(key: string): void;
}

function column(lane: Lane, node: GraphNode, cross: boolean): string {
  if (!cross) return '1 / -1';
  // Steps that belong to no account (authentication, the decision) span both lanes; so does the deny scan, which looks at both accounts' policies.
  if (node.kind === 'decision' || node.stage === 'authn' || node.stage === 'context' || node.stage === 'denyScan' || node.stage === 'sts' || node.stage === 'api') return '1 / -1';
  return lane === 'caller' ? '1' : '2';
}

/** Where the path enters a node: 25% (caller lane), 75% (resource lane), 50% (spans both). */
function anchor(node: GraphNode, cross: boolean): number {
  const col = column(node.lane, node, cross);
  return col === '1' ? 25 : col === '2' ? 75 : 50;
}

export function DecisionGraph({ graph, result, step, selected, hideOutcomes, switchable, onSelect }: Props) {
  const t = useT();
  const lang = useLang();
  const accountName = useAccountName();
  const cross = graph.crossAccount;
  return (
    <div className={`dgraph${cross ? ' is-cross' : ''}`}>
      {cross ? (
        <div className="dgraph-lanes" aria-hidden="true">
          <div className="dgraph-lane dgraph-lane-caller">{t('graph.laneCaller', { account: accountName(graph.callerAccount) })}</div>
          <div className="dgraph-lane dgraph-lane-resource">{t('graph.laneResource', { account: accountName(graph.resourceAccount) })}</div>
        </div>
      ) : null}
      {cross ? <p className="dgraph-cross-note">{t('graph.crossAccount')}</p> : null}
      <ol className="dgraph-path" aria-label={t('graph.label')}>
        {graph.nodes.map((node, index) => {
          const revealed = index < step;
          const current = index === step - 1;
          const outcome = hideOutcomes && node.kind !== 'skipped' ? 'hidden' : node.outcome;
          const word = outcome === 'hidden' ? t('graph.outcome.hidden') : nodeOutcomeWord(lang, node, result);
          const previous = graph.nodes[index - 1];
          const from = previous ? anchor(previous, cross) : 50;
          const to = anchor(node, cross);
          const style = { gridColumn: column(node.lane, node, cross) } as CSSProperties;
          const decisionClass = node.kind === 'decision' && !hideOutcomes ? ` verdict-${result.decision === 'allowed' || result.decision === 'explicitDeny' || result.decision === 'implicitDeny' ? result.decision : 'error'}` : '';
          const layer = SWITCHABLE_LAYERS.has(node.stage) && node.kind === 'stage' ? (node.stage as WhatIfLayer) : null;
          return (
            <li
              key={node.key}
              className={`dnode-row${revealed ? ' is-revealed' : ''}${current ? ' is-current' : ''}`}
            >
              {previous ? (
                <svg className={`dnode-link${from !== to && from !== 50 && to !== 50 ? ' is-crossing' : ''}`} viewBox="0 0 100 24" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                  <path d={`M${from} 0 C${from} 12 ${to} 12 ${to} 24`} vectorEffect="non-scaling-stroke" />
                </svg>
              ) : null}
              <div className="dnode-grid">
                <div
                  className={`dnode dnode-${outcome}${node.decisive && !hideOutcomes ? ' is-decisive' : ''}${selected === node.key ? ' is-selected' : ''}${node.event && isSwitchedOff(node.event) ? ' is-switched-off' : ''}${decisionClass}`}
                  style={style}
                >
                  <button
                    type="button"
                    className="dnode-button"
                    aria-pressed={selected === node.key}
                    aria-label={t('graph.openStage', { stage: `${nodeTitle(lang, node)} — ${nodeDetail(lang, node, result, hideOutcomes)}`, outcome: word })}
                    onClick={() => onSelect(node.key)}
                  >
                    <span className="dnode-outcome">
                      <OutcomeIcon outcome={outcome} size={20} />
                      <span className="dnode-outcome-word">{word}</span>
                    </span>
                    <span className="dnode-title">{nodeTitle(lang, node)}</span>
                    <span className="dnode-detail">{nodeDetail(lang, node, result, hideOutcomes)}</span>
                    {node.levels.length > 0 ? (
                      <span className="dnode-levels">
                        {node.levels.map((level) => {
                          const levelOutcome = hideOutcomes ? 'hidden' : level.outcome === 'noMatch' ? 'implicitDeny' : level.outcome;
                          return (
                            <span key={level.id} className={`dlevel dlevel-${levelOutcome}`}>
                              <OutcomeIcon outcome={levelOutcome} size={14} />
                              <span>{String(level.params.name ?? level.params.target ?? '')}</span>
                              <span className="dlevel-word">{levelOutcome === 'hidden' ? t('graph.outcome.hidden') : outcomeWord(lang, levelOutcome)}</span>
                            </span>
                          );
                        })}
                      </span>
                    ) : null}
                    {node.decisive && !hideOutcomes && node.kind !== 'decision' ? <span className="dnode-decisive">{t('graph.decisive')}</span> : null}
                  </button>
                  {layer && switchable ? (
                    <span className="dnode-switch">
                      <WhatIfToggle target={{ kind: 'layer', layer }} />
                    </span>
                  ) : null}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
