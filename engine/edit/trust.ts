/**
 * Trusting and untrusting principals in a role's trust policy, as a learner does in the
 * console's "Trusted entities" step. A principal goes where IAM expects it
 * ("AWS JSON policy elements: Principal", IAM User Guide): an account, IAM user, role or
 * role session under `AWS` with `sts:AssumeRole`; an AWS service under `Service`; an IAM
 * SAML provider under `Federated` with `sts:AssumeRoleWithSAML`; an OIDC provider (or a
 * well-known web identity provider) under `Federated` with `sts:AssumeRoleWithWebIdentity`.
 */
import { refuse } from './errors';
import { ACCOUNT_ID } from './naming';
import { accountIndex, accountPath, entityIndex, isRecord, withEntity } from './world';
import type { ScenarioJson } from '../scenario/types';

type PrincipalType = 'AWS' | 'Service' | 'Federated';

interface TrustedPrincipal {
  readonly type: PrincipalType;
  /** What is written into the policy. */
  readonly value: string;
  /** Other spellings IAM reads as the same principal (an account id and its root ARN). */
  readonly same: readonly string[];
  readonly action: string;
}

/** Identity providers AWS knows by name (IAM User Guide, "Create a role for web identity or OIDC federation"). */
const WEB_IDENTITY_PROVIDERS = new Set(['accounts.google.com', 'graph.facebook.com', 'www.amazon.com', 'cognito-identity.amazonaws.com']);
const SERVICE = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;
const IAM_PRINCIPAL_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):(root|user\/(?:[\u0021-\u007E]*\/)?([\w+=,.@-]+)|role\/(?:[\u0021-\u007E]*\/)?([\w+=,.@-]+))$/;
const STS_SESSION_ARN = /^arn:(aws|aws-cn|aws-us-gov):sts::(\d{12}):(assumed-role\/[\w+=,.@-]+\/[\w+=,.@-]+|federated-user\/[\w+=,.@-]+)$/;
const SAML_PROVIDER_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):saml-provider\/([\w.-]+)$/;
const OIDC_PROVIDER_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):oidc-provider\/(.+)$/;

function invalid(principal: string, path: string, why: string): never {
  return refuse('principalInvalid', `\`${principal}\` cannot be trusted: ${why}`, path, 'principal', { principal });
}

/**
 * Reads the principal a learner names. A principal in an account of this world must exist
 * there: IAM refuses a trust policy naming a user or role that does not exist ("Invalid
 * principal in policy").
 */
function classify(world: ScenarioJson, principal: string, path: string): TrustedPrincipal {
  if (principal === '*') return { type: 'AWS', value: '*', same: [], action: 'sts:AssumeRole' };
  if (ACCOUNT_ID.test(principal)) return { type: 'AWS', value: `arn:aws:iam::${principal}:root`, same: [principal], action: 'sts:AssumeRole' };
  if (WEB_IDENTITY_PROVIDERS.has(principal)) return { type: 'Federated', value: principal, same: [], action: 'sts:AssumeRoleWithWebIdentity' };
  if (SERVICE.test(principal)) return { type: 'Service', value: principal, same: [], action: 'sts:AssumeRole' };
  const iam = IAM_PRINCIPAL_ARN.exec(principal);
  if (iam) {
    const account = world.accounts.find((a) => a.id === iam[2]);
    if (account && iam[4] !== undefined && !account.users?.some((u) => u.name === iam[4])) invalid(principal, path, `account ${iam[2]} has no IAM user named \`${iam[4]}\`.`);
    if (account && iam[5] !== undefined && !account.roles?.some((r) => r.name === iam[5])) invalid(principal, path, `account ${iam[2]} has no role named \`${iam[5]}\`.`);
    return { type: 'AWS', value: principal, same: iam[3] === 'root' ? [iam[2]!] : [], action: 'sts:AssumeRole' };
  }
  if (STS_SESSION_ARN.test(principal)) return { type: 'AWS', value: principal, same: [], action: 'sts:AssumeRole' };
  const saml = SAML_PROVIDER_ARN.exec(principal);
  if (saml) {
    const account = world.accounts.find((a) => a.id === saml[2]);
    if (account && !account.identityProviders?.some((p) => p.type === 'saml' && p.name === saml[3])) invalid(principal, path, `account ${saml[2]} has no SAML provider named \`${saml[3]}\`.`);
    return { type: 'Federated', value: principal, same: [], action: 'sts:AssumeRoleWithSAML' };
  }
  const oidc = OIDC_PROVIDER_ARN.exec(principal);
  if (oidc) {
    const account = world.accounts.find((a) => a.id === oidc[2]);
    if (account && !account.identityProviders?.some((p) => p.type === 'oidc' && p.url.replace(/^https:\/\//, '') === oidc[3])) {
      invalid(principal, path, `account ${oidc[2]} has no OpenID Connect provider for \`https://${oidc[3]}\`.`);
    }
    return { type: 'Federated', value: principal, same: [], action: 'sts:AssumeRoleWithWebIdentity' };
  }
  return invalid(
    principal,
    path,
    'a trusted principal is an account id, an IAM user, role or root ARN, a role session ARN, an AWS service (e.g. `ec2.amazonaws.com`), or the ARN of a SAML or OIDC provider.',
  );
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function lists(statement: Record<string, unknown>, who: TrustedPrincipal): boolean {
  const block = statement['Principal'];
  if (who.value === '*' && block === '*') return true;
  if (!isRecord(block)) return false;
  const names = asList(block[who.type]);
  return names.some((n) => n === who.value || who.same.includes(n as string));
}

/** An Allow statement without conditions that grants `action` to principals listed by type: the one to add to. */
function isPlainAllowFor(statement: unknown, action: string): statement is Record<string, unknown> {
  if (!isRecord(statement) || statement['Effect'] !== 'Allow' || !isRecord(statement['Principal'])) return false;
  if ('Condition' in statement || 'NotPrincipal' in statement || 'NotAction' in statement) return false;
  return asList(statement['Action']).some((a) => typeof a === 'string' && a.toLowerCase() === action.toLowerCase());
}

function locateTrust(world: ScenarioJson, account: string, role: string): { ai: number; ri: number; at: string; doc: Record<string, unknown>; statements: unknown[]; single: boolean } {
  const ai = accountIndex(world, account);
  const ri = entityIndex(world, ai, 'role', role, 'role');
  const at = `${accountPath(ai)}.roles[${ri}].trustPolicy`;
  const doc = world.accounts[ai]!.roles![ri]!.trustPolicy;
  if (!isRecord(doc)) refuse('documentInvalid', `The trust policy of role \`${role}\` is not a JSON object; fix it in the editor first.`, at, 'role', { reason: 'not an object' });
  const statement = doc['Statement'];
  if (!Array.isArray(statement) && !isRecord(statement)) {
    refuse('documentInvalid', `The trust policy of role \`${role}\` has no \`Statement\` list; fix it in the editor first.`, `${at}.Statement`, 'role', { reason: 'no Statement' });
  }
  return { ai, ri, at, doc, statements: asList(statement), single: !Array.isArray(statement) };
}

function withStatements(world: ScenarioJson, ai: number, ri: number, doc: Record<string, unknown>, statements: unknown[], single: boolean): ScenarioJson {
  const Statement = single && statements.length === 1 ? statements[0] : statements;
  return withEntity(world, ai, 'role', ri, (r) => ({ ...r, trustPolicy: { ...doc, Statement } }));
}

export function trustPrincipal(world: ScenarioJson, account: string, role: string, principal: string): ScenarioJson {
  const { ai, ri, at, doc, statements, single } = locateTrust(world, account, role);
  const who = classify(world, principal.trim(), at);
  if (statements.some((s) => isPlainAllowFor(s, who.action) && lists(s, who))) return world;
  const target = statements.findIndex((s) => isPlainAllowFor(s, who.action));
  if (target < 0) {
    const statement = { Effect: 'Allow', Principal: who.value === '*' ? { AWS: '*' } : { [who.type]: who.value }, Action: who.action };
    return withStatements(world, ai, ri, doc, [...statements, statement], false);
  }
  const statement = statements[target] as Record<string, unknown>;
  const block = statement['Principal'] as Record<string, unknown>;
  const existing = block[who.type];
  const names = existing === undefined ? who.value : [...asList(existing), who.value];
  const updated = { ...statement, Principal: { ...block, [who.type]: names } };
  return withStatements(world, ai, ri, doc, statements.map((s, i) => (i === target ? updated : s)), single);
}

export function untrustPrincipal(world: ScenarioJson, account: string, role: string, principal: string): ScenarioJson {
  const { ai, ri, at, doc, statements, single } = locateTrust(world, account, role);
  const who = classify(world, principal.trim(), at);
  let removed = false;
  const kept: unknown[] = [];
  for (const s of statements) {
    if (!isRecord(s) || s['Effect'] !== 'Allow' || !lists(s, who)) {
      kept.push(s);
      continue;
    }
    removed = true;
    const block = s['Principal'];
    if (!isRecord(block)) continue; // "Principal": "*" trusted everyone; untrusting "*" removes the statement.
    const rest = asList(block[who.type]).filter((n) => n !== who.value && !who.same.includes(n as string));
    const principals: Record<string, unknown> = { ...block };
    if (rest.length === 0) delete principals[who.type];
    else principals[who.type] = rest.length === 1 ? rest[0] : rest;
    // A statement left with no principal trusts no one: it goes.
    if (Object.keys(principals).length > 0) kept.push({ ...s, Principal: principals });
  }
  if (!removed) refuse('notFound', `The trust policy of role \`${role}\` does not trust \`${principal}\`.`, at, 'principal', { what: 'trustedPrincipal', name: principal });
  if (kept.length === 0) {
    refuse(
      'lastTrustedPrincipal',
      `\`${principal}\` is the last principal role \`${role}\` trusts: a trust policy needs at least one statement. Trust another principal first.`,
      at,
      'principal',
      { principal, role },
    );
  }
  return withStatements(world, ai, ri, doc, kept, single);
}
