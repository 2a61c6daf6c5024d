/**
 * The decision in one or two plain sentences, in the learner's language: who asked, what,
 * on which resource, and why it came out as it did. Built only from what the engine
 * returned — the decision, its reason code, the deciding policy it names — and the
 * CloudTrail record's caller; it never judges anything itself.
 */
import type { DecisionResult, Stage } from '../../engine/evaluate/types';
import type { SessionSummary } from '../../engine/pipeline/sessions';
import type { RequestJson } from '../../engine/scenario/types';
import type { CloudTrailEvent } from '../../engine/trail/types';
import { translate, translateReason, type Lang, type MessageKey } from '../i18n';

const LAYERS: Readonly<Partial<Record<Stage, MessageKey>>> = {
  scp: 'graph.layer.scp',
  rcp: 'graph.layer.rcp',
  resource: 'graph.layer.resource',
  trust: 'graph.layer.trust',
  identity: 'graph.layer.identity',
  boundary: 'graph.layer.boundary',
  session: 'graph.layer.session',
};

/** "the service control policy", "권한 경계" …: how a sentence names a policy layer. */
export function layerName(lang: Lang, stage: Stage | undefined): string {
  return translate(lang, (stage && LAYERS[stage]) ?? 'graph.layer.other');
}

/** Who called, for a sentence: the user name, the root user of an account, a role session … */
export function callerName(lang: Lang, event: CloudTrailEvent | undefined, request: RequestJson): string {
  const who = event?.userIdentity;
  if (who?.type === 'Root' && who.accountId) return translate(lang, 'graph.sum.who.root', { account: who.accountId });
  if (who?.type === 'IAMUser' && who.userName) return who.userName;
  if (who?.type === 'AssumedRole' && who.arn) return translate(lang, 'graph.sum.who.session', { name: who.arn.split(':assumed-role/')[1] ?? who.arn });
  if (who?.type === 'AWSService' && who.invokedBy) return who.invokedBy;
  if (who?.arn) return who.arn;
  if (request.principal === 'anonymous' || who?.type === 'Unknown') return translate(lang, 'graph.sum.who.anonymous');
  return request.principal ?? translate(lang, 'graph.sum.who.anonymous');
}

/** The stage a decision's named policy belongs to: the first deciding stage. */
function decidingStage(result: DecisionResult): Stage | undefined {
  return result.decidedBy[0];
}

export interface SummaryInput {
  readonly result: DecisionResult;
  readonly request: RequestJson;
  readonly event?: CloudTrailEvent;
  readonly issued?: SessionSummary;
}

/** One or two sentences that tell the whole decision. */
export function plainSummary(lang: Lang, { result, request, event, issued }: SummaryInput): string {
  const who = callerName(lang, event, request);
  const action = request.action;
  const resource = request.resource;
  const reason = translateReason(lang, result.reason, result.params);
  const policy = typeof result.params.policy === 'string' ? result.params.policy : undefined;
  const layer = layerName(lang, decidingStage(result));
  const sentences: string[] = [];
  switch (result.decision) {
    case 'allowed':
      sentences.push(translate(lang, 'graph.sum.allowed', { who, action, resource, reason }));
      if (policy) sentences.push(translate(lang, 'graph.sum.allowedBy', { layer, policy }));
      if (issued) sentences.push(translate(lang, 'graph.sum.issued', { arn: issued.arn }));
      break;
    case 'explicitDeny':
      sentences.push(policy ? translate(lang, 'graph.sum.explicitDeny', { who, action, resource, layer, policy }) : translate(lang, 'graph.sum.explicitDenyPlain', { who, action, resource, reason }));
      break;
    case 'implicitDeny':
      sentences.push(translate(lang, 'graph.sum.implicitDeny', { who, action, resource, reason }));
      break;
    default:
      // The simulated IAM API refused an authorized call: AWS's error code, after authorization, not before it.
      if (result.decidedBy.includes('api')) sentences.push(translate(lang, 'graph.sum.apiRefused', { who, action, resource, code: result.decision }));
      else sentences.push(translate(lang, 'graph.sum.error', { code: result.decision, reason }));
  }
  return sentences.join(' ');
}
