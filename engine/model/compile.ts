/**
 * Scenario → World: resolves every name to its entity, compiles every policy once, and
 * builds the indexes the evaluator uses. Faults (an unknown managed policy, a policy AWS
 * would reject) are collected with their JSON paths, never thrown.
 */
import { compilePolicy, withRef, type CompiledPolicy, type ParseCache } from '../evaluate/compiledPolicy';
import type { PolicyRef } from '../evaluate/types';
import type { ManagedPolicySource } from '../data/managedPolicies';
import type { PolicyKind } from '../policy/types';
import { checkAggregatePolicySize, type PolicySizeLimitName } from '../policy/sizeLimits';
import type { AccessKeyJson, AccountJson, OrganizationJson, ScenarioJson } from '../scenario/types';
import { uniqueIdFor } from './ids';
import type {
  AccountEntity, GroupEntity, IdentityProviderEntity, InstanceProfileEntity, OrganizationEntity, ResourceEntity, RoleEntity, RootEntity,
  UserEntity, World, WorldFault,
} from './world';

const AWS_MANAGED_ARN = /^arn:aws(-cn|-us-gov)?:iam::aws:policy\//;
const CUSTOMER_POLICY_ARN = /^arn:aws(-cn|-us-gov)?:iam::(\d{12}):policy(\/.*)?\/([^/]+)$/;

function normalizePath(path: string | undefined): string {
  return path && path.startsWith('/') && path.endsWith('/') ? path : '/';
}

function tagMap(tags: Readonly<Record<string, string>> | undefined): ReadonlyMap<string, string> {
  return new Map(Object.entries(tags ?? {}));
}

class WorldCompiler {
  readonly faults: WorldFault[] = [];
  private readonly parses: ParseCache = new Map();
  private readonly awsManaged = new Map<string, CompiledPolicy | null>();
  private readonly customerManaged = new Map<string, Map<string, CompiledPolicy>>();

  constructor(private readonly managed: ManagedPolicySource) {}

  policy(document: unknown, kind: PolicyKind, ref: PolicyRef, path: string, sizeLimit?: PolicySizeLimitName | null): CompiledPolicy {
    const compiled = compilePolicy(document, kind, ref, sizeLimit, this.parses);
    for (const error of compiled.errors) this.faults.push({ path, message: `${ref.name}: ${error}` });
    return compiled;
  }

  /** Compiles the customer managed policies of every account first: others may name them by ARN. */
  customerPolicies(accounts: readonly AccountJson[], base: string): void {
    accounts.forEach((account, ai) => {
      const byName = new Map<string, CompiledPolicy>();
      (account.policies ?? []).forEach((p, pi) => {
        const arn = `arn:aws:iam::${account.id}:policy${normalizePath(p.path)}${p.name}`;
        const ref: PolicyRef = { id: `acct:${account.id}/policy:${p.name}`, kind: 'customerManaged', name: p.name, arn };
        byName.set(p.name, this.policy(p.document, 'identity', ref, `${base}[${ai}].policies[${pi}].document`));
      });
      this.customerManaged.set(account.id, byName);
    });
  }

  resolveManaged(name: string, accountId: string, path: string): CompiledPolicy | undefined {
    if (AWS_MANAGED_ARN.test(name)) {
      const cached = this.awsManaged.get(name);
      if (cached !== undefined) return cached ?? undefined;
      const record = this.managed.get(name);
      if (!record) {
        this.faults.push({ path, message: `\`${name}\` is not an AWS managed policy this playground knows.` });
        this.awsManaged.set(name, null);
        return undefined;
      }
      const ref: PolicyRef = { id: `aws:${record.arn}`, kind: 'awsManaged', name: record.name, arn: record.arn };
      const compiled = this.policy(record.document, 'identity', ref, path);
      this.awsManaged.set(name, compiled);
      return compiled;
    }
    const arn = CUSTOMER_POLICY_ARN.exec(name);
    const policy = arn ? this.customerManaged.get(arn[2]!)?.get(arn[4]!) : this.customerManaged.get(accountId)?.get(name);
    if (!policy) this.faults.push({ path, message: `Managed policy \`${name}\` does not exist.` });
    return policy;
  }

  /** Resolution at request time (session policy ARNs): an unknown ARN is the request's fault, not the world's. */
  resolveManagedQuietly(arn: string): CompiledPolicy | undefined {
    const before = this.faults.length;
    const policy = this.resolveManaged(arn, '', '$');
    this.faults.length = before;
    return policy;
  }

  managedList(names: readonly string[] | undefined, accountId: string, path: string): CompiledPolicy[] {
    const out: CompiledPolicy[] = [];
    (names ?? []).forEach((name, i) => {
      const policy = this.resolveManaged(name, accountId, `${path}[${i}]`);
      if (policy) out.push(policy);
    });
    return out;
  }

  inlineList(
    policies: Readonly<Record<string, unknown>> | undefined,
    owner: string,
    ownerId: string,
    path: string,
    quota: 'userInlinePolicies' | 'groupInlinePolicies' | 'roleInlinePolicies',
  ): CompiledPolicy[] {
    const list = Object.entries(policies ?? {}).map(([name, document]) =>
      this.policy(document, 'identity', { id: `${ownerId}/inline:${name}`, kind: 'inline', name, attachedTo: owner }, `${path}[${JSON.stringify(name)}]`, null),
    );
    // IAM counts all inline policies of one user, group or role together against one quota.
    const parsed = list.flatMap((p) => (p.policy ? [p.policy] : []));
    const finding = parsed.length > 0 ? checkAggregatePolicySize(parsed, quota) : undefined;
    if (finding) this.faults.push({ path, message: finding.message });
    return list;
  }

  boundary(name: string | null | undefined, accountId: string, owner: string, path: string): CompiledPolicy | undefined {
    if (!name) return undefined;
    const policy = this.resolveManaged(name, accountId, path);
    return policy && withRef(policy, { ...policy.ref, kind: 'boundary', attachedTo: owner });
  }

  account(json: AccountJson, base: string, firstAccount: string): AccountEntity {
    const id = json.id;
    const users = new Map<string, UserEntity>();
    const groups = new Map<string, GroupEntity>();
    const roles = new Map<string, RoleEntity>();
    const resources = new Map<string, ResourceEntity>();
    const identityProviders = new Map<string, IdentityProviderEntity>();
    const instanceProfiles = new Map<string, InstanceProfileEntity>();
    const account: AccountEntity = {
      id,
      alias: json.alias,
      root: undefined as unknown as RootEntity,
      users, groups, roles,
      policies: this.customerManaged.get(id) ?? new Map(),
      resources,
      identityProviders,
      instanceProfiles,
    };
    const root: RootEntity = {
      kind: 'root', account, arn: `arn:aws:iam::${id}:root`,
      accessKeys: json.root?.accessKeys ?? [], mfaDevices: json.root?.mfaDevices ?? [], password: json.root?.password,
    };
    (account as { root: RootEntity }).root = root;

    (json.groups ?? []).forEach((g, gi) => {
      const path = normalizePath(g.path);
      const arn = `arn:aws:iam::${id}:group${path}${g.name}`;
      const at = `${base}.groups[${gi}]`;
      groups.set(g.name, {
        kind: 'group', account, name: g.name, path, arn, uniqueId: uniqueIdFor('AGPA', arn),
        managed: this.managedList(g.managedPolicies, id, `${at}.managedPolicies`),
        inline: this.inlineList(g.inlinePolicies, arn, `acct:${id}/group:${g.name}`, `${at}.inlinePolicies`, 'groupInlinePolicies'),
      });
    });
    (json.users ?? []).forEach((u, ui) => {
      const path = normalizePath(u.path);
      const arn = `arn:aws:iam::${id}:user${path}${u.name}`;
      const at = `${base}.users[${ui}]`;
      users.set(u.name, {
        kind: 'user', account, name: u.name, path, arn, uniqueId: uniqueIdFor('AIDA', arn),
        groups: (u.groups ?? []).flatMap((g) => groups.get(g) ?? []),
        managed: this.managedList(u.managedPolicies, id, `${at}.managedPolicies`),
        inline: this.inlineList(u.inlinePolicies, arn, `acct:${id}/user:${u.name}`, `${at}.inlinePolicies`, 'userInlinePolicies'),
        boundary: this.boundary(u.permissionsBoundary, id, arn, `${at}.permissionsBoundary`),
        tags: tagMap(u.tags),
        accessKeys: u.accessKeys ?? [],
        mfa: u.mfa ?? (u.mfaDevices?.length ?? 0) > 0,
        mfaDevices: u.mfaDevices ?? [],
        password: u.password,
      });
    });
    (json.roles ?? []).forEach((r, ri) => {
      const path = normalizePath(r.path);
      const arn = `arn:aws:iam::${id}:role${path}${r.name}`;
      const at = `${base}.roles[${ri}]`;
      roles.set(r.name, {
        kind: 'role', account, name: r.name, path, arn, uniqueId: uniqueIdFor('AROA', arn),
        trust: this.policy(r.trustPolicy, 'trust', { id: `acct:${id}/role:${r.name}/trust`, kind: 'trustPolicy', name: r.name, arn, attachedTo: arn }, `${at}.trustPolicy`),
        managed: this.managedList(r.managedPolicies, id, `${at}.managedPolicies`),
        inline: this.inlineList(r.inlinePolicies, arn, `acct:${id}/role:${r.name}`, `${at}.inlinePolicies`, 'roleInlinePolicies'),
        boundary: this.boundary(r.permissionsBoundary, id, arn, `${at}.permissionsBoundary`),
        maxSessionDuration: r.maxSessionDuration ?? 3600,
        tags: tagMap(r.tags),
        serviceLinked: path.startsWith('/aws-service-role/'),
      });
    });
    (json.resources ?? []).forEach((r, ri) => {
      const at = `${base}.resources[${ri}]`;
      resources.set(r.arn, {
        arn: r.arn,
        account: resourceOwnerFromArn(r.arn) ?? id,
        policy: r.policy === undefined ? undefined
          : this.policy(r.policy, 'resource', { id: `acct:${id}/resource:${r.arn}`, kind: 'resourcePolicy', name: r.arn, arn: r.arn, attachedTo: r.arn }, `${at}.policy`),
        tags: tagMap(r.tags),
        listed: true,
      });
    });
    for (const p of json.identityProviders ?? []) {
      if (p.type === 'oidc') {
        const hostPath = p.url.replace(/^https:\/\//, '');
        const arn = `arn:aws:iam::${id}:oidc-provider/${hostPath}`;
        identityProviders.set(arn, { kind: 'oidc', account, arn, url: p.url, hostPath, clientIds: p.clientIds ?? [], tags: tagMap(p.tags) });
      } else {
        const arn = `arn:aws:iam::${id}:saml-provider/${p.name}`;
        identityProviders.set(arn, { kind: 'saml', account, arn, name: p.name, issuer: p.issuer, tags: tagMap(p.tags) });
      }
    }
    for (const p of json.instanceProfiles ?? []) {
      const path = normalizePath(p.path);
      const arn = `arn:aws:iam::${id}:instance-profile${path}${p.name}`;
      instanceProfiles.set(p.name, {
        account, name: p.name, path, arn, uniqueId: `AIPA${uniqueIdFor('AROA', arn).slice(4)}`,
        role: p.role === undefined ? undefined : roles.get(p.role),
      });
    }
    void firstAccount;
    return account;
  }

  organization(json: OrganizationJson): OrganizationEntity {
    const units = new Map((json.units ?? []).map((u) => [u.id, { id: u.id, name: u.name ?? u.id, parent: u.parent }] as const));
    const accountParent = new Map((json.accounts ?? []).map((a) => [a.id, a.parent] as const));
    const scps = new Map<string, CompiledPolicy[]>();
    const rcps = new Map<string, CompiledPolicy[]>();
    (json.policies ?? []).forEach((p, pi) => {
      const kind = p.type === 'SCP' ? 'scp' : 'rcp';
      const ref: PolicyRef = { id: `org/${kind}:${p.name}`, kind, name: p.name };
      const compiled = this.policy(p.document, kind, ref, `$.organization.policies[${pi}].document`);
      const into = kind === 'scp' ? scps : rcps;
      for (const target of p.targets ?? []) {
        const list = into.get(target) ?? [];
        list.push(withRef(compiled, { ...ref, attachedTo: target }));
        into.set(target, list);
      }
    });
    return { id: json.id, managementAccount: json.managementAccount, units, accountParent, scps, rcps };
  }
}

/** The account in a resource ARN; S3 ARNs have none. */
export function resourceOwnerFromArn(arn: string): string | undefined {
  const parts = arn.split(':');
  const account = parts[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

/** The managed policy ARNs of AWS that a scenario uses: load them before compiling. */
export function requiredManagedPolicyArns(
  scenario: Pick<ScenarioJson, 'accounts'> & Partial<Pick<ScenarioJson, 'requests' | 'exercise'>>,
): string[] {
  const arns = new Set<string>();
  const add = (name: string | null | undefined) => {
    if (name && AWS_MANAGED_ARN.test(name)) arns.add(name);
  };
  const addAccounts = (accounts: readonly AccountJson[]) => {
    for (const account of accounts) {
      for (const u of account.users ?? []) {
        (u.managedPolicies ?? []).forEach(add);
        add(u.permissionsBoundary);
      }
      for (const g of account.groups ?? []) (g.managedPolicies ?? []).forEach(add);
      for (const r of account.roles ?? []) {
        (r.managedPolicies ?? []).forEach(add);
        add(r.permissionsBoundary);
      }
    }
  };
  const addRequest = (r: { session?: { policyArns?: readonly string[] }; params?: Readonly<Record<string, unknown>> }) => {
    (r.session?.policyArns ?? []).forEach(add);
    const arnsParam = r.params?.['PolicyArns'];
    if (Array.isArray(arnsParam)) for (const a of arnsParam) if (typeof a === 'string') add(a);
  };
  addAccounts(scenario.accounts);
  addAccounts(scenario.exercise?.solution?.accounts ?? []);
  (scenario.requests ?? []).forEach(addRequest);
  for (const goal of scenario.exercise?.goals ?? []) if ('request' in goal) addRequest(goal.request);
  return [...arns].sort();
}

/** Compiles a validated scenario into a world. */
export function compileWorld(scenario: Pick<ScenarioJson, 'accounts' | 'organization' | 'now'>, managed: ManagedPolicySource): { world: World; faults: WorldFault[] } {
  const compiler = new WorldCompiler(managed);
  compiler.customerPolicies(scenario.accounts, '$.accounts');
  const accounts = new Map<string, AccountEntity>();
  const first = scenario.accounts[0]?.id ?? '000000000000';
  scenario.accounts.forEach((a, i) => accounts.set(a.id, compiler.account(a, `$.accounts[${i}]`, first)));
  const organization = scenario.organization ? compiler.organization(scenario.organization) : undefined;
  const resources = new Map<string, ResourceEntity>();
  const accessKeys = new Map<string, { owner: UserEntity | RootEntity; key: AccessKeyJson }>();
  const identityProviders = new Map<string, IdentityProviderEntity>();
  for (const account of accounts.values()) {
    for (const [arn, provider] of account.identityProviders) identityProviders.set(arn, provider);
    for (const [arn, resource] of account.resources) resources.set(arn, resource);
    for (const key of account.root.accessKeys) accessKeys.set(key.id, { owner: account.root, key });
    for (const user of account.users.values()) for (const key of user.accessKeys) accessKeys.set(key.id, { owner: user, key });
  }
  const now = scenario.now ? new Date(scenario.now) : undefined;
  const world: World = {
    accounts,
    accountOrder: scenario.accounts.map((a) => a.id),
    organization,
    now: now && !Number.isNaN(now.getTime()) ? now : undefined,
    resources,
    accessKeys,
    identityProviders,
    faults: compiler.faults,
    managedPolicy: (arn) => compiler.resolveManagedQuietly(arn),
  };
  return { world, faults: compiler.faults };
}
