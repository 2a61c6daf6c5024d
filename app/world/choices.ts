/**
 * What the request console offers from the world: its principals (IAM users, root users,
 * role sessions), the credentials a console sign-in or an MFA code needs, its roles (for
 * AssumeRole), its resources (each listed ARN, the ARNs its policies name, an object in each
 * bucket) and the actions its policies and requests mention. Read from the world, never
 * decided: the engine judges whatever the learner picks.
 */
import type { MfaDeviceJson, ScenarioJson } from '../../engine/scenario/types';
import { arn, DEFAULT_SESSION_NAME } from './arns';

export interface PrincipalChoice {
  readonly arn: string;
  readonly label: string;
  readonly group: 'users' | 'roots' | 'roles';
}

export function principalChoices(world: ScenarioJson): PrincipalChoice[] {
  const out: PrincipalChoice[] = [];
  for (const a of world.accounts) {
    const where = a.alias ?? a.id;
    for (const u of a.users ?? []) out.push({ arn: arn.user(a.id, u.name, u.path), label: `${u.name} · ${where}`, group: 'users' });
    out.push({ arn: arn.root(a.id), label: `root · ${where}`, group: 'roots' });
    for (const r of a.roles ?? []) {
      out.push({ arn: arn.roleSession(a.id, r.name, DEFAULT_SESSION_NAME), label: `${r.name}/${DEFAULT_SESSION_NAME} · ${where}`, group: 'roles' });
    }
  }
  return out;
}

/** A role of the world, for AssumeRole's RoleArn. */
export interface RoleChoice {
  readonly arn: string;
  readonly label: string;
}

export function roleChoices(world: ScenarioJson): RoleChoice[] {
  return world.accounts.flatMap((a) => (a.roles ?? []).map((r) => ({ arn: arn.role(a.id, r.name, r.path), label: `${r.name} · ${a.alias ?? a.id}` })));
}

/** What the world knows of an identity's sign-in credentials (an IAM user or a root user). */
export interface SignInCredentials {
  /** The console password, when the world has one. */
  readonly password?: string;
  /** The virtual MFA devices with their TOTP seeds. */
  readonly mfaDevices: readonly MfaDeviceJson[];
  /** The identity has MFA (`"mfa": true`) but the world knows no device seed to compute a code from. */
  readonly mfaWithoutSeed: boolean;
}

/** The sign-in credentials of `principalArn` (a user or a root user of the world), or `undefined`. */
export function signInCredentials(world: ScenarioJson, principalArn: string): SignInCredentials | undefined {
  for (const a of world.accounts) {
    if (principalArn === arn.root(a.id)) {
      const devices = a.root?.mfaDevices ?? [];
      return { ...(a.root?.password !== undefined ? { password: a.root.password } : {}), mfaDevices: devices, mfaWithoutSeed: false };
    }
    for (const u of a.users ?? []) {
      if (principalArn !== arn.user(a.id, u.name, u.path)) continue;
      const devices = u.mfaDevices ?? [];
      return { ...(u.password !== undefined ? { password: u.password } : {}), mfaDevices: devices, mfaWithoutSeed: u.mfa === true && devices.length === 0 };
    }
  }
  return undefined;
}

/** The IAM users of the world (ARN and label), e.g. the issuer of a federated user session. */
export function userChoices(world: ScenarioJson): PrincipalChoice[] {
  return principalChoices(world).filter((p) => p.group === 'users');
}

const S3_BUCKET = /^arn:[^:]+:s3:::[^/]+$/;

/** Every `Resource` string without wildcards or variables in a policy document. */
function concreteResources(document: unknown, out: Set<string>): void {
  const visit = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) value.forEach((v) => visit(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
    else if (typeof value === 'string' && key === 'Resource' && value.startsWith('arn:') && !/[*?$]/.test(value)) out.add(value);
  };
  visit(document);
}

export function resourceChoices(world: ScenarioJson): string[] {
  const out = new Set<string>();
  for (const a of world.accounts) {
    for (const r of a.resources ?? []) {
      out.add(r.arn);
      // A bucket's objects are what most S3 lessons ask about.
      if (S3_BUCKET.test(r.arn)) out.add(`${r.arn}/example.txt`);
      if (r.policy !== undefined) concreteResources(r.policy, out);
    }
    for (const r of a.roles ?? []) out.add(arn.role(a.id, r.name, r.path));
    for (const u of a.users ?? []) out.add(arn.user(a.id, u.name, u.path));
    for (const p of a.policies ?? []) concreteResources(p.document, out);
  }
  for (const r of world.requests ?? []) if (r.resource !== '*') out.add(r.resource);
  return [...out];
}

/** Every action string the world's documents and requests name, without wildcards, sorted. */
export function actionChoices(world: ScenarioJson): string[] {
  const out = new Set<string>();
  const visit = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) value.forEach((v) => visit(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
    else if (typeof value === 'string' && (key === 'Action' || key === 'NotAction') && /^[\w-]+:[A-Za-z0-9]+$/.test(value)) out.add(value);
  };
  visit(world.accounts);
  for (const r of world.requests ?? []) out.add(r.action);
  return [...out].sort();
}

/** How many suggestions a field offers at once: a huge world must not put thousands of options into the page. */
export const SUGGESTION_LIMIT = 100;

/**
 * The choices worth offering for what is typed so far: those containing it (any case), the
 * ones starting with it first, at most `limit`. The browser filters a datalist as well; this
 * keeps the list short enough to render in a world of thousands of resources.
 */
export function suggest(choices: readonly string[], typed: string, limit = SUGGESTION_LIMIT): readonly string[] {
  const needle = typed.trim().toLowerCase();
  if (needle === '') return choices.length <= limit ? choices : choices.slice(0, limit);
  const starting: string[] = [];
  const containing: string[] = [];
  for (const choice of choices) {
    const at = choice.toLowerCase().indexOf(needle);
    if (at === 0) starting.push(choice);
    else if (at > 0) containing.push(choice);
    if (starting.length >= limit) break;
  }
  return [...starting, ...containing].slice(0, limit);
}
