/**
 * A goal in words, for the learner: its `label` in the UI language when the author wrote
 * one, else a sentence built from its fields; and what the engine found now ("now:
 * implicit deny"). Only words: whether the goal is met is the engine's `GoalOutcome.met`.
 */
import type { GoalOutcome } from '../../engine/check/exercise';
import type { GoalJson, LocalizedText } from '../../engine/scenario/types';
import type { Lang } from '../i18n/language';
import type { MessageKey, Translate } from '../i18n';

/** A text of a pack in `lang`, else the other language. */
export function localizedText(text: LocalizedText | undefined, lang: Lang): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return text[lang] ?? text.en ?? text.ko;
}

/**
 * A principal as a learner reads it: an IAM user by its name (`alice`), anything else of
 * IAM or STS by what follows the account (`role/Auditor`, `root`); service principals and
 * `anonymous` as they are.
 */
export function shortPrincipal(arn: string): string {
  const user = /^arn:[^:]+:iam::\d{12}:user\/(?:[^/]*\/)*([^/]+)$/.exec(arn);
  if (user) return user[1]!;
  const other = /^arn:[^:]+:(?:iam|sts)::(\d{12}):(.+)$/.exec(arn);
  if (other) return other[2] === 'root' ? `root (${other[1]})` : other[2]!;
  return arn;
}

const STAGES: Readonly<Record<string, MessageKey>> = {
  authn: 'stage.authn',
  scp: 'stage.scp',
  rcp: 'stage.rcp',
  resource: 'stage.resource',
  trust: 'stage.trust',
  identity: 'stage.identity',
  boundary: 'stage.boundary',
  session: 'stage.session',
  api: 'stage.api',
};

function list(t: Translate, items: readonly string[]): string {
  if (items.length === 0) return t('goal.nobody');
  if (items.length === 1) return items[0]!;
  return t('goal.and', { list: items.slice(0, -1).join(', '), last: items.at(-1)! });
}

/** What a request is expected to be (a scenario's or a goal's `expect`: a decision, or an AWS error code), in words. */
export function expectationWords(t: Translate, expect: string): string {
  switch (expect) {
    case 'allowed':
    case 'denied':
    case 'explicitDeny':
    case 'implicitDeny':
      return t(`goal.expect.${expect}`);
    default:
      return t('goal.expect.error', { code: expect });
  }
}

/** A decision (or an AWS error code) in words. */
export function decisionWords(t: Translate, decision: string): string {
  switch (decision) {
    case 'allowed':
    case 'explicitDeny':
    case 'implicitDeny':
      return t(`goal.decision.${decision}`);
    default:
      return t('goal.decision.error', { code: decision });
  }
}

/** The goal in words (its label when it has one). */
export function describeGoal(goal: GoalJson, t: Translate, lang: Lang): string {
  const label = localizedText(goal.label, lang);
  if (label) return label;
  if ('request' in goal) {
    const { request } = goal;
    const principal =
      request.principal === undefined ? t('goal.signed')
      : request.principal === 'anonymous' ? t('goal.anonymous')
      : shortPrincipal(request.principal);
    const params = { principal, action: request.action, resource: request.resource, expected: expectationWords(t, goal.expect) };
    const stage = goal.by === undefined ? undefined : STAGES[goal.by];
    return goal.by === undefined ? t('goal.request', params) : t('goal.requestBy', { ...params, stage: stage ? t(stage) : goal.by });
  }
  if ('whoCan' in goal) {
    const { action, resource } = goal.whoCan;
    const names = (arns: readonly string[]) => list(t, arns.map(shortPrincipal));
    if (goal.expect) return t('goal.whoCan.expect', { action, resource, list: names(goal.expect) });
    if (goal.within) return t('goal.whoCan.within', { action, resource, list: names(goal.within) });
    if (goal.includes) return t('goal.whoCan.includes', { action, resource, list: names(goal.includes) });
    return t('goal.whoCan.any', { action, resource });
  }
  if ('noneAllowed' in goal) {
    const { principal, actions, resources } = goal.noneAllowed;
    return t('goal.noneAllowed', { principal: shortPrincipal(principal), actions: list(t, actions), resources: list(t, resources) });
  }
  const { action, resource, principal } = goal.performed;
  return principal === undefined ? t('goal.performed', { action, resource }) : t('goal.performedBy', { action, resource, principal: shortPrincipal(principal) });
}

/** What the engine found for the goal now, in words; undefined when there is nothing to add. */
export function describeOutcome(goal: GoalJson, outcome: GoalOutcome | undefined, t: Translate): string | undefined {
  if (!outcome) return undefined;
  if ('request' in goal) return outcome.decision === undefined ? undefined : t('goal.now', { decision: decisionWords(t, outcome.decision) });
  if ('whoCan' in goal) return outcome.principals === undefined ? undefined : t('goal.whoCan.now', { list: list(t, outcome.principals.map(shortPrincipal)) });
  if ('noneAllowed' in goal) {
    if (outcome.met || !outcome.allowed || outcome.allowed.length === 0) return undefined;
    return t('goal.noneAllowed.now', { list: outcome.allowed.map((a) => `${a.action} → ${a.resource}`).join('; ') });
  }
  return outcome.met ? t('goal.performed.done') : t('goal.performed.notYet');
}
