/**
 * How the decision view names a node and an outcome in the learner's language: the
 * stage's name, the engine's reason for the node, the outcome word. Pure, so the graph,
 * the steps list and the details say the same thing.
 */
import type { Lang, MessageKey } from '../i18n';
import { translate, translateReason } from '../i18n';
import { verdictOf } from '../request/decidingStatements';
import type { DecisionResult } from '../../engine/evaluate/types';
import type { GraphNode, NodeOutcome } from './stages';

const OUTCOMES: Readonly<Record<NodeOutcome, MessageKey>> = {
  allow: 'graph.outcome.allow',
  deny: 'graph.outcome.deny',
  implicitDeny: 'graph.outcome.implicitDeny',
  notApplicable: 'graph.outcome.notApplicable',
  pass: 'graph.outcome.pass',
  fail: 'graph.outcome.fail',
  info: 'graph.outcome.info',
  skipped: 'graph.outcome.skipped',
};

export function outcomeWord(lang: Lang, outcome: NodeOutcome): string {
  return translate(lang, OUTCOMES[outcome]);
}

/** The decision in words: Allowed, Explicitly denied, Implicitly denied, Refused: CODE. */
export function verdictWord(lang: Lang, decision: string): string {
  const verdict = verdictOf(decision);
  return verdict === 'error' ? translate(lang, 'decision.errorCode', { code: decision }) : translate(lang, `decision.${verdict}`);
}

/** The node's title: its stage (or "Decision"). */
export function nodeTitle(lang: Lang, node: GraphNode): string {
  return node.kind === 'decision' ? translate(lang, 'graph.decision') : translate(lang, `stage.${node.stage}`);
}

/**
 * What the node did, in the engine's words (its reason code), or the verdict for the decision.
 * With outcomes hidden (predict first), the nodes whose words would tell the answer — the
 * decision, the explicit-deny scan — say only that it is hidden.
 */
export function nodeDetail(lang: Lang, node: GraphNode, result: DecisionResult, hideOutcomes = false): string {
  if (hideOutcomes && (node.kind === 'decision' || node.stage === 'denyScan')) return translate(lang, 'graph.outcome.hidden');
  if (node.kind === 'decision') return verdictWord(lang, result.decision);
  if (!node.event) return outcomeWord(lang, 'skipped');
  const text = translateReason(lang, node.event.reason, node.event.params);
  const call = node.event.params.call;
  return node.event.reason === 'stsCall' && typeof call === 'string' ? `${text}: ${call}` : text;
}

/** The node's outcome word (the decision node says the verdict instead). */
export function nodeOutcomeWord(lang: Lang, node: GraphNode, result: DecisionResult): string {
  return node.kind === 'decision' ? verdictWord(lang, result.decision) : outcomeWord(lang, node.outcome);
}
