/**
 * The words and marks of D1's analyses (who can, effective permissions, the access graph):
 * principals' names from their ARNs, each technique of the access graph as one sentence,
 * and what the map highlights for a who-can path or an escalation path. Pure: the engine
 * has decided everything; this only says it and hands the map what to mark.
 */
import type {
  AccessEdge,
  AccessGraph,
  EffectivePermission,
  EffectiveService,
  EscalationPath,
  PrincipalKind,
  PrincipalSummary,
  WhoCanAnswer,
} from '../../engine/analysis/types';
import type { MessageKey, Translate } from '../i18n';
import type { AccessHighlight } from '../store/analysisSlice';

const ROOT = /^arn:[^:]+:iam::(\d{12}):root$/;
const IAM_ENTITY = /^arn:[^:]+:iam::(\d{12}|aws):(user|role|group|policy)\/(?:.*\/)?([^/]+)$/;

/** A principal's kind, account and name read from its ARN (for ARNs the answer names without a summary, e.g. roles on a path). */
export function principalOfArn(arn: string): PrincipalSummary {
  const root = ROOT.exec(arn);
  if (root) return { arn, kind: 'root', account: root[1]!, name: 'root' };
  const m = IAM_ENTITY.exec(arn);
  if (m && (m[2] === 'user' || m[2] === 'role')) return { arn, kind: m[2], account: m[1]!, name: m[3]! };
  return { arn, kind: 'user', account: '', name: arn };
}

/** The readable name of an IAM ARN: `…:role/ops/Admin` → `Admin`, `…:root` → `root`; anything else as it is. */
export function nameOfArn(arn: string): string {
  if (ROOT.test(arn)) return 'root';
  return IAM_ENTITY.exec(arn)?.[3] ?? arn;
}

/** The message key naming a principal's kind (the map's words for it). */
export const KIND_LABEL: Readonly<Record<PrincipalKind, MessageKey>> = { root: 'kind.root', user: 'kind.user', role: 'kind.role' };

/** A name table from the access graph's nodes, falling back to the ARN's own name. */
export function namer(nodes: readonly { readonly principal: PrincipalSummary }[]): (arn: string) => string {
  const names = new Map(nodes.map((n) => [n.principal.arn, n.principal.kind === 'root' ? `root (${n.principal.account})` : n.principal.name]));
  return (arn) => names.get(arn) ?? nameOfArn(arn);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * One edge of the access graph as a sentence whose subject is `from`: "can create an access
 * key for ops-admin and sign requests as it (iam:CreateAccessKey)".
 */
export function edgeSentence(t: Translate, edge: AccessEdge, name: (arn: string) => string): string {
  const actions = unique(edge.actions.map((a) => a.action)).join(', ');
  const via = edge.via;
  const isGroup = via !== undefined && /:group\//.test(via);
  const isPolicy = via !== undefined && !isGroup;
  const policy = isPolicy ? t('analysis.edge.policyNamed', { name: nameOfArn(via) }) : t('analysis.edge.anyPolicy');
  const group = isGroup ? t('analysis.edge.groupNamed', { name: nameOfArn(via) }) : t('analysis.edge.aGroup');
  return t(`analysis.edge.${edge.kind}`, { to: name(edge.to), via: policy, group, actions });
}

/** The principals of an escalation path in order: `from`, then each edge's target (a self-escalation adds no one). */
export function pathPrincipals(path: EscalationPath): string[] {
  const out = [path.from];
  for (const e of path.edges) if (out[out.length - 1] !== e.to) out.push(e.to);
  return out;
}

/** What the map highlights for a who-can answer: the principal, then the roles it assumes, in order. */
export function whoCanHighlight(answer: WhoCanAnswer): AccessHighlight {
  const path = [answer.arn, ...answer.via];
  return { admins: [], path, steps: answer.via.map((to, i) => ({ from: path[i]!, to, kind: 'assumeRole' })) };
}

/** The administrators of the access graph. */
export function adminArns(graph: AccessGraph): string[] {
  return graph.nodes.filter((n) => n.admin !== undefined).map((n) => n.principal.arn);
}

/** What the map highlights for an escalation path: its principals in order, its steps and every administrator. */
export function escalationHighlight(graph: AccessGraph, path: EscalationPath): AccessHighlight {
  return { admins: adminArns(graph), path: pathPrincipals(path), steps: path.edges.map((e) => ({ from: e.from, to: e.to, kind: e.kind })) };
}

/** The edges to list under "other edges": every edge on no escalation path shown above. */
export function otherEdges(graph: AccessGraph): AccessEdge[] {
  const onPaths = new Set(graph.escalations.flatMap((p) => p.edges));
  const key = (e: AccessEdge) => `${e.from} ${e.to} ${e.kind}`;
  const onPathKeys = new Set([...onPaths].map(key));
  return graph.edges.filter((e) => !onPaths.has(e) && !onPathKeys.has(key(e)));
}

/** The self-escalation edges of a principal (how it can make itself an administrator). */
export function selfEdges(graph: AccessGraph, arn: string): AccessEdge[] {
  return graph.edges.filter((e) => e.from === arn && e.to === arn && e.kind !== 'assumeRole');
}

/** The services of an effective-permissions report, kept to one service when a prefix is chosen. */
export function filterServices(services: readonly EffectiveService[], prefix: string): readonly EffectiveService[] {
  return prefix === '' ? services : services.filter((s) => s.prefix === prefix);
}

/** How many permissions are allowed and denied in these services. */
export function countDecisions(services: readonly EffectiveService[]): { readonly allowed: number; readonly denied: number } {
  let allowed = 0;
  let denied = 0;
  for (const s of services) for (const p of s.permissions) if (p.decision === 'allowed') allowed++;
  else denied++;
  return { allowed, denied };
}

/** The stage's message key for a permission limited at an engine stage (`stage.boundary` …), when the view knows it. */
export function limitedAtKey(permission: EffectivePermission): MessageKey | undefined {
  const stage = permission.limitedAt;
  const known = ['authn', 'context', 'denyScan', 'scp', 'rcp', 'resource', 'trust', 'identity', 'boundary', 'session', 'sts', 'api'];
  return stage !== undefined && known.includes(stage) ? (`stage.${stage}` as MessageKey) : undefined;
}

/** A who-can context row as the query takes it: keys trimmed, values split on commas; empty rows dropped. */
export function contextOf(rows: readonly { readonly key: string; readonly value: string }[]): Record<string, string | string[]> | undefined {
  const out: Record<string, string | string[]> = {};
  for (const row of rows) {
    const key = row.key.trim();
    if (key === '') continue;
    const values = row.value.split(',').map((v) => v.trim()).filter((v) => v !== '');
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
