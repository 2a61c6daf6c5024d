/**
 * External access, as IAM Access Analyzer finds it: every resource-based policy of the
 * world (resources' policies, and roles' trust policies as `AWS::IAM::Role`) read for Allow
 * statements that grant a principal outside the zone of trust — the resource's own
 * account, or every account of the organization. One finding per statement and external
 * principal, with the actions, the conditions that still apply and whether the access is
 * public, linked to its statement (the compiled world's PolicyRef and the statement's span).
 *
 * What removes a finding: the principal is inside the zone; a condition pins the callers
 * inside it (aws:PrincipalAccount, aws:PrincipalOrgID of the organization,
 * aws:PrincipalOrgPaths, aws:SourceAccount, aws:PrincipalArn of the zone …); a Deny of
 * the same policy takes the access away again (unconditionally, or for everyone outside
 * the zone). A service principal in a role's trust policy is not external: the service
 * gets the role only when a principal of the account passes it (iam:PassRole); in any
 * other resource policy a service without aws:SourceAccount / aws:SourceArn pinned to the
 * zone is a finding — any account's resources could use that service to reach it (the
 * confused deputy).
 */
import type { CompiledPolicy } from '../evaluate/compiledPolicy';
import { globMatches } from '../match/wildcard';
import type { World } from '../model/world';
import type { ConditionClause, Statement } from '../policy/types';
import type { AnalysisControl } from './control';
import type { AnalysisDeps } from './deps';
import {
  deniesOutsideZone, describeEntry, externalAccountsOf, keepsInsideZone, makesNonPublic, resourceTypeOf,
  type FindingPrincipal, type Zone,
} from './externalZone';
import type { ExternalAccessFinding, ExternalAccessQuery, ExternalAccessReport, ZoneOfTrust } from './types';

interface AnalysedPolicy {
  readonly resource: string;
  readonly account: string;
  readonly policy: CompiledPolicy;
  readonly trust: boolean;
}

/** Every resource-based policy in force (a policy AWS would reject takes no part). */
function policiesOf(world: World): AnalysedPolicy[] {
  const out: AnalysedPolicy[] = [];
  for (const account of world.accounts.values()) {
    for (const resource of account.resources.values()) {
      if (resource.policy?.policy && resource.policy.errors.length === 0) {
        out.push({ resource: resource.arn, account: resource.account, policy: resource.policy, trust: false });
      }
    }
    for (const role of account.roles.values()) {
      if (role.trust.policy && role.trust.errors.length === 0) out.push({ resource: role.arn, account: account.id, policy: role.trust, trust: true });
    }
  }
  return out;
}

function zoneFor(world: World, zone: ZoneOfTrust, account: string): Zone {
  const org = world.organization;
  if (zone === 'organization' && org && org.accountParent.has(account)) {
    return { accounts: new Set(org.accountParent.keys()), orgId: org.id };
  }
  return { accounts: new Set([account]), orgId: undefined };
}

function zoneLabel(world: World, zone: ZoneOfTrust): string {
  if (zone === 'organization' && world.organization) return world.organization.id;
  return world.accountOrder.join(', ');
}

/** The principals a statement grants, each with the account it belongs to (when it has one). */
function grantees(statement: Statement): { principal: FindingPrincipal; account: string | undefined }[] {
  // NotPrincipal with Allow grants everyone but the listed principals: as public as `*`.
  if (statement.notPrincipal || statement.principal?.anyone) return [{ principal: { kind: 'public', value: '*' }, account: undefined }];
  return (statement.principal?.entries ?? []).map(describeEntry);
}

/** Does a pattern list (as written) cover every value of another (its `*`s read as text)? */
function covers(patterns: readonly string[], values: readonly string[], ignoreCase: boolean): boolean {
  return values.every((v) => patterns.some((p) => p === '*' || globMatches(p, v, { ignoreCase })));
}

/** Whether a Deny statement of the same policy takes the access of `allow` to `who` away. */
function denyRemoves(deny: Statement, allow: Statement, who: FindingPrincipal, zone: Zone): boolean {
  if (deny.effect.value !== 'Deny' || deny.notPrincipal || deny.notAction || deny.notResource) return false;
  const principalCovered = deny.principal === undefined || deny.principal.anyone
    || deny.principal.entries.some((e) => (e.type === 'AWS' && e.value === '*') || e.value === who.value);
  if (!principalCovered) return false;
  const denyActions = (deny.action?.values ?? []).map((v) => v.value);
  const actionsCovered = allow.notAction ? denyActions.includes('*') : covers(denyActions, (allow.action?.values ?? []).map((v) => v.value), true);
  if (!actionsCovered) return false;
  const denyResources = deny.resource?.values.map((v) => v.value);
  const allowResources = allow.resource?.values.map((v) => v.value);
  const resourcesCovered = denyResources === undefined || denyResources.includes('*')
    || (allowResources !== undefined && !allow.notResource && covers(denyResources, allowResources, false));
  if (!resourcesCovered) return false;
  // Unconditional, or a condition that holds for every caller outside the zone.
  return deny.condition.every((c) => deniesOutsideZone(c, zone));
}

function conditionsOf(clauses: readonly ConditionClause[]): ExternalAccessFinding['conditions'] {
  return clauses.map((c) => ({ operator: c.operatorText, key: c.key, values: c.values.map((v) => v.value) }));
}

/** The account of each user and role by unique id (AIDA…, AROA…): a Principal may name one instead of its ARN. */
function uniqueIds(world: World): Map<string, string> {
  const out = new Map<string, string>();
  for (const account of world.accounts.values()) {
    for (const u of account.users.values()) out.set(u.uniqueId, account.id);
    for (const r of account.roles.values()) out.set(r.uniqueId, account.id);
  }
  return out;
}

export async function externalAccess(deps: AnalysisDeps, query: ExternalAccessQuery, control: AnalysisControl): Promise<ExternalAccessReport> {
  const world = deps.world;
  const policies = policiesOf(world);
  const findings: ExternalAccessFinding[] = [];
  const ids = uniqueIds(world);
  for (let i = 0; i < policies.length; i++) {
    await control.step(i, policies.length);
    const analysed = policies[i]!;
    const zone = zoneFor(world, query.zone, analysed.account);
    const statements = analysed.policy.policy!.statements;
    for (const statement of statements) {
      if (statement.effect.value !== 'Allow') continue;
      if (statement.condition.some((c) => keepsInsideZone(c, zone))) continue;
      for (const named of grantees(statement)) {
        const grantee = named.account === undefined && named.principal.kind === 'arn' && ids.has(named.principal.value)
          ? { ...named, account: ids.get(named.principal.value) }
          : named;
        if (grantee.account !== undefined && zone.accounts.has(grantee.account)) continue;
        if (grantee.principal.kind === 'service' && analysed.trust) continue;
        if (statements.some((d) => denyRemoves(d, statement, grantee.principal, zone))) continue;
        // `*` narrowed by aws:PrincipalAccount / aws:SourceAccount to fixed accounts: the finding names those outside.
        const narrowed = grantee.principal.kind === 'public'
          ? statement.condition.map((c) => externalAccountsOf(c, zone)).find((list) => list !== undefined)
          : undefined;
        const principals: FindingPrincipal[] = narrowed ? narrowed.map((value) => ({ kind: 'account', value })) : [grantee.principal];
        const isPublic = !narrowed && grantee.principal.kind === 'public' && !statement.condition.some(makesNonPublic);
        for (const principal of principals) {
          findings.push(findingOf(analysed, statement, principal, isPublic));
        }
      }
    }
  }
  await control.step(policies.length, policies.length);
  return { zone: query.zone, zoneLabel: zoneLabel(world, query.zone), findings, policiesAnalyzed: policies.length };
}

function findingOf(analysed: AnalysedPolicy, statement: Statement, principal: FindingPrincipal, isPublic: boolean): ExternalAccessFinding {
  const actions = (statement.action ?? statement.notAction)?.values.map((v) => v.value) ?? [];
  return {
    id: `${analysed.resource}#${statement.index}#${principal.kind}:${principal.value}`,
    resource: analysed.resource,
    resourceType: resourceTypeOf(analysed.resource),
    resourceAccount: analysed.account,
    principal,
    actions,
    ...(statement.notAction ? { notAction: true } : {}),
    conditions: conditionsOf(statement.condition),
    isPublic,
    statement: {
      policy: analysed.policy.ref,
      ...(statement.sid ? { sid: statement.sid.value } : {}),
      span: statement.span,
    },
  };
}
