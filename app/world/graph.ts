/**
 * The world as a graph for the map: the organization's root and OUs holding accounts, each
 * account holding its root user, users, groups, roles, policies and resources; AWS managed
 * policies and the organization's SCPs and RCPs beside them. Edges for group membership,
 * policy attachment, permissions boundaries, inline policies, trust (who may assume a
 * role, read from its trust policy), resource-policy grants and SCP/RCP attachment. Derived
 * from the ScenarioJson on every change (never a second copy of the truth). Pure: tested
 * without a DOM.
 */
import type { DocumentRef, EntityRef, HolderRef, WorldEdit } from '../../engine/edit/types';
import type { AccountJson, ManagedPolicyJson, OrganizationJson, PolicyDocumentJson, ScenarioJson } from '../../engine/scenario/types';
import { arn } from './arns';
import { nodeId } from './ids';
import { allowedPrincipals, trustedPrincipals, type TrustedPrincipal } from './policyPrincipals';

export type PolicyKind = 'customerManaged' | 'awsManaged' | 'inline' | 'resourcePolicy' | 'trustPolicy' | 'scp' | 'rcp';
export type EntityKind = 'root' | 'user' | 'group' | 'role' | 'resource';
/** Boxes that hold other nodes. */
export type ContainerKind = 'orgRoot' | 'orgUnit' | 'account';
export type NodeKind = ContainerKind | EntityKind | PolicyKind;

/** What the policy panel needs to show a policy. */
export interface PolicyInfo {
  readonly kind: PolicyKind;
  readonly name: string;
  readonly arn?: string;
  /** The document, or `undefined` for an AWS managed policy (fetched on demand). */
  readonly document: PolicyDocumentJson | undefined;
  /** The ARN of what it belongs to (inline, trust, resource policies). */
  readonly owner?: string;
}

export interface WorldNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  /** A second line: the account alias, the ARN's tail, … */
  readonly detail?: string;
  readonly arn?: string;
  /** The box that contains it: an account, an OU or the organization's root; top-level nodes have none. */
  readonly parent?: string;
  readonly policy?: PolicyInfo;
  /** The entity the node stands for, as edits name it (absent for accounts, root users, AWS managed policies). */
  readonly entity?: EntityRef;
  /** The editable document the node shows (absent for AWS managed policies: AWS owns them). */
  readonly document?: DocumentRef;
  /** The account id of an account or root-user node. */
  readonly account?: string;
  /** The organization's id of the root or OU a box stands for (`r-…`, `ou-…`). */
  readonly unit?: string;
}

export type EdgeKind = 'member' | 'attached' | 'boundary' | 'inline' | 'resourcePolicy' | 'trust' | 'canAssume' | 'grant' | 'scp' | 'rcp';

export interface WorldEdge {
  readonly id: string;
  readonly kind: EdgeKind;
  /** Edges point the way permissions flow: policy → group → user, policy → resource, principal → role it may assume. */
  readonly source: string;
  readonly target: string;
  /**
   * The edits that undo this relation alone (detach the policy, leave the group, stop
   * trusting the principal); absent when the relation is part of a node (an inline policy,
   * a trust policy, a resource's policy, a grant written in a resource policy).
   */
  readonly detach?: readonly WorldEdit[];
}

export interface WorldGraph {
  readonly nodes: readonly WorldNode[];
  readonly edges: readonly WorldEdge[];
}

export const CONTAINER_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>(['orgRoot', 'orgUnit', 'account']);

export function isContainer(node: Pick<WorldNode, 'kind'>): boolean {
  return CONTAINER_KINDS.has(node.kind);
}

const AWS_MANAGED = /^arn:[^:]+:iam::aws:policy\//;

function policyNameOfArn(policyArn: string): string {
  return policyArn.slice(policyArn.lastIndexOf('/') + 1);
}

class GraphBuilder {
  readonly nodes = new Map<string, WorldNode>();
  readonly edges = new Map<string, WorldEdge>();

  node(n: WorldNode): void {
    if (!this.nodes.has(n.id)) this.nodes.set(n.id, n);
  }

  /** Adds an edge between two nodes of the graph; the same relation written twice is one edge with both undo edits. */
  edge(kind: EdgeKind, source: string, target: string, detach?: readonly WorldEdit[]): void {
    if (source === target || !this.nodes.has(source) || !this.nodes.has(target)) return;
    const id = `${kind}:${source}->${target}`;
    const known = this.edges.get(id);
    const edits = [...(known?.detach ?? []), ...(detach ?? [])];
    this.edges.set(id, { id, kind, source, target, ...(edits.length > 0 ? { detach: edits } : {}) });
  }

  /** The node id of each managed policy reference already resolved, per account (a policy is attached to many). */
  private readonly resolved = new Map<string, string>();
  /** Each account's managed policies by name (the first of a name, as a lookup by name finds it). */
  private readonly policiesOf = new Map<string, ReadonlyMap<string, ManagedPolicyJson>>();

  /** The node of a managed policy named by a name (this account) or an ARN (AWS or another account). */
  managedPolicyNode(account: AccountJson, ref: string, accounts: ReadonlyMap<string, AccountJson>): string {
    const key = `${account.id} ${ref}`;
    const known = this.resolved.get(key);
    if (known !== undefined) return known;
    const id = this.addManagedPolicy(account, ref, accounts);
    this.resolved.set(key, id);
    return id;
  }

  private addManagedPolicy(account: AccountJson, ref: string, accounts: ReadonlyMap<string, AccountJson>): string {
    if (AWS_MANAGED.test(ref)) {
      const id = nodeId.awsManaged(ref);
      this.node({ id, kind: 'awsManaged', label: policyNameOfArn(ref), detail: 'AWS', arn: ref, policy: { kind: 'awsManaged', name: policyNameOfArn(ref), arn: ref, document: undefined } });
      return id;
    }
    const m = /^arn:[^:]+:iam::(\d{12}):policy\/(?:.*\/)?([^/]+)$/.exec(ref);
    const owner = m ? (m[1] as string) : account.id;
    const name = m ? (m[2] as string) : ref;
    const ownerAccount = accounts.get(owner);
    const found = ownerAccount ? this.policiesByName(ownerAccount).get(name) : undefined;
    const id = nodeId.customerManaged(owner, name);
    if (this.nodes.has(id)) return id;
    this.node({
      id,
      kind: 'customerManaged',
      label: name,
      arn: arn.policy(owner, name, found?.path),
      parent: ownerAccount ? nodeId.account(owner) : undefined,
      policy: { kind: 'customerManaged', name, arn: arn.policy(owner, name, found?.path), document: found?.document },
      ...(found ? { entity: { account: owner, kind: 'policy' as const, name }, document: { kind: 'managed' as const, account: owner, name } } : {}),
    });
    return id;
  }

  private policiesByName(account: AccountJson): ReadonlyMap<string, ManagedPolicyJson> {
    let byName = this.policiesOf.get(account.id);
    if (!byName) {
      const map = new Map<string, ManagedPolicyJson>();
      for (const p of account.policies ?? []) if (!map.has(p.name)) map.set(p.name, p);
      this.policiesOf.set(account.id, map);
      byName = map;
    }
    return byName;
  }

  inline(ownerId: string, ownerArn: string, owner: HolderRef, parent: string, policies: Readonly<Record<string, PolicyDocumentJson>> | undefined): void {
    for (const [name, document] of Object.entries(policies ?? {})) {
      const id = nodeId.inline(ownerId, name);
      this.node({ id, kind: 'inline', label: name, parent, policy: { kind: 'inline', name, document, owner: ownerArn }, document: { kind: 'inline', owner, name } });
      this.edge('inline', id, ownerId);
    }
  }
}

/** Builds the map's graph. Names that refer to nothing (a missing group) are skipped: the engine reports them. */
export function worldGraph(scenario: ScenarioJson): WorldGraph {
  const g = new GraphBuilder();
  const accounts = new Map<string, AccountJson>(scenario.accounts.map((a) => [a.id, a]));
  const placeOf = scenario.organization ? organizationNodes(g, scenario.organization, accounts) : new Map<string, string>();

  // Entities first, so that edges find both ends.
  for (const account of scenario.accounts) {
    const acct = nodeId.account(account.id);
    g.node({ id: acct, kind: 'account', label: account.alias ?? account.id, detail: account.alias ? account.id : undefined, account: account.id, parent: placeOf.get(account.id) });
    g.node({ id: nodeId.root(account.id), kind: 'root', label: 'root', arn: arn.root(account.id), parent: acct, account: account.id });
    for (const p of account.policies ?? []) g.managedPolicyNode(account, p.name, accounts);
    for (const group of account.groups ?? []) {
      g.node({ id: nodeId.group(account.id, group.name), kind: 'group', label: group.name, arn: arn.group(account.id, group.name, group.path), parent: acct, entity: { account: account.id, kind: 'group', name: group.name } });
    }
    for (const user of account.users ?? []) {
      g.node({ id: nodeId.user(account.id, user.name), kind: 'user', label: user.name, arn: arn.user(account.id, user.name, user.path), parent: acct, entity: { account: account.id, kind: 'user', name: user.name } });
    }
    for (const role of account.roles ?? []) {
      g.node({ id: nodeId.role(account.id, role.name), kind: 'role', label: role.name, arn: arn.role(account.id, role.name, role.path), parent: acct, entity: { account: account.id, kind: 'role', name: role.name } });
    }
    for (const resource of account.resources ?? []) {
      g.node({ id: nodeId.resource(account.id, resource.arn), kind: 'resource', label: resourceLabel(resource.arn), detail: resourceService(resource.arn), arn: resource.arn, parent: acct, entity: { account: account.id, kind: 'resource', arn: resource.arn } });
    }
  }
  const principals = principalIndex(scenario.accounts);

  for (const account of scenario.accounts) {
    const acct = nodeId.account(account.id);
    for (const group of account.groups ?? []) {
      const id = nodeId.group(account.id, group.name);
      const holder: HolderRef = { account: account.id, kind: 'group', name: group.name };
      for (const ref of group.managedPolicies ?? []) g.edge('attached', g.managedPolicyNode(account, ref, accounts), id, [{ op: 'detachPolicy', target: holder, policy: ref }]);
      g.inline(id, arn.group(account.id, group.name, group.path), holder, acct, group.inlinePolicies);
    }
    for (const user of account.users ?? []) {
      const id = nodeId.user(account.id, user.name);
      const holder = { account: account.id, kind: 'user', name: user.name } as const;
      for (const group of user.groups ?? []) g.edge('member', nodeId.group(account.id, group), id, [{ op: 'removeUserFromGroup', account: account.id, user: user.name, group }]);
      for (const ref of user.managedPolicies ?? []) g.edge('attached', g.managedPolicyNode(account, ref, accounts), id, [{ op: 'detachPolicy', target: holder, policy: ref }]);
      if (user.permissionsBoundary) g.edge('boundary', g.managedPolicyNode(account, user.permissionsBoundary, accounts), id, [{ op: 'setPermissionsBoundary', target: holder, policy: null }]);
      g.inline(id, arn.user(account.id, user.name, user.path), holder, acct, user.inlinePolicies);
    }
    for (const role of account.roles ?? []) {
      const id = nodeId.role(account.id, role.name);
      const roleArn = arn.role(account.id, role.name, role.path);
      const holder = { account: account.id, kind: 'role', name: role.name } as const;
      const trust = nodeId.trust(id);
      g.node({ id: trust, kind: 'trustPolicy', label: `${role.name}`, parent: acct, policy: { kind: 'trustPolicy', name: role.name, document: role.trustPolicy, owner: roleArn }, document: { kind: 'trust', account: account.id, role: role.name } });
      g.edge('trust', trust, id);
      for (const raw of awsPrincipals(trustedPrincipals(role.trustPolicy))) {
        const from = principals(raw);
        if (from) g.edge('canAssume', from, id, [{ op: 'untrustPrincipal', account: account.id, role: role.name, principal: raw }]);
      }
      for (const ref of role.managedPolicies ?? []) g.edge('attached', g.managedPolicyNode(account, ref, accounts), id, [{ op: 'detachPolicy', target: holder, policy: ref }]);
      if (role.permissionsBoundary) g.edge('boundary', g.managedPolicyNode(account, role.permissionsBoundary, accounts), id, [{ op: 'setPermissionsBoundary', target: holder, policy: null }]);
      g.inline(id, roleArn, holder, acct, role.inlinePolicies);
    }
    for (const resource of account.resources ?? []) {
      if (resource.policy === undefined) continue;
      const id = nodeId.resource(account.id, resource.arn);
      const policyId = nodeId.resourcePolicy(account.id, resource.arn);
      g.node({ id: policyId, kind: 'resourcePolicy', label: resourceLabel(resource.arn), parent: acct, policy: { kind: 'resourcePolicy', name: resourceLabel(resource.arn), document: resource.policy, owner: resource.arn }, document: { kind: 'resource', account: account.id, arn: resource.arn } });
      g.edge('resourcePolicy', policyId, id);
      for (const raw of awsPrincipals(allowedPrincipals(resource.policy))) {
        const from = principals(raw);
        if (from) g.edge('grant', from, id);
      }
    }
  }

  for (const policy of scenario.organization?.policies ?? []) {
    const id = nodeId.orgPolicy(policy.type, policy.name);
    const kind = policy.type === 'SCP' ? 'scp' : 'rcp';
    for (const target of policy.targets ?? []) {
      const to = scenario.organization && orgTargetNode(scenario.organization, target);
      if (to) g.edge(kind, id, to, [{ op: 'detachOrgPolicy', name: policy.name, target }]);
    }
  }
  return { nodes: [...g.nodes.values()], edges: [...g.edges.values()] };
}

/**
 * The organization's root and OUs as boxes (each OU inside its parent; one whose parent is
 * missing or forms a cycle sits in the root) and its SCPs and RCPs as top-level nodes.
 * Returns where each account of the organization sits.
 */
function organizationNodes(g: GraphBuilder, org: OrganizationJson, accounts: ReadonlyMap<string, AccountJson>): Map<string, string> {
  const rootUnit = (org.units ?? []).find((u) => u.parent === undefined);
  const root = nodeId.orgRoot();
  g.node({ id: root, kind: 'orgRoot', label: rootUnit?.name ?? 'Root', detail: org.id, unit: rootUnit?.id });
  const units = new Map((org.units ?? []).filter((u) => u !== rootUnit).map((u) => [u.id, u]));
  const boxOf = (unit: string | undefined): string => (unit === undefined || unit === rootUnit?.id || !units.has(unit) ? root : nodeId.orgUnit(unit));
  // Parents first (React Flow needs them first); a unit whose chain never reaches the root goes to the root.
  const depth = (id: string): number => {
    let d = 0;
    for (let u = units.get(id); u && d <= units.size; u = u.parent === undefined ? undefined : units.get(u.parent)) d++;
    return d;
  };
  const ordered = [...units.values()].sort((a, b) => depth(a.id) - depth(b.id));
  for (const unit of ordered) {
    const parent = depth(unit.id) > units.size ? root : boxOf(unit.parent);
    g.node({ id: nodeId.orgUnit(unit.id), kind: 'orgUnit', label: unit.name ?? unit.id, detail: unit.id, unit: unit.id, parent });
  }
  for (const policy of org.policies ?? []) {
    const kind = policy.type === 'SCP' ? 'scp' : 'rcp';
    g.node({ id: nodeId.orgPolicy(policy.type, policy.name), kind, label: policy.name, detail: policy.type, policy: { kind, name: policy.name, document: policy.document }, document: { kind: 'org', name: policy.name } });
  }
  const placeOf = new Map<string, string>();
  for (const a of org.accounts ?? []) if (accounts.has(a.id)) placeOf.set(a.id, boxOf(a.parent));
  return placeOf;
}

/** The node an SCP or RCP target names: the root, an OU or an account of the organization. */
function orgTargetNode(org: OrganizationJson, target: string): string | undefined {
  const unit = (org.units ?? []).find((u) => u.id === target);
  if (unit) return unit.parent === undefined ? nodeId.orgRoot() : nodeId.orgUnit(unit.id);
  return (org.accounts ?? []).some((a) => a.id === target) ? nodeId.account(target) : undefined;
}

/**
 * The node of each principal a policy may name: a user's or role's ARN (with its path), an
 * account's root ARN or bare account id (the account's root user, which stands for the
 * whole account), or a role session ARN (its role).
 */
function principalIndex(accounts: readonly AccountJson[]): (principal: string) => string | undefined {
  const byArn = new Map<string, string>();
  const roleByName = new Map<string, string>();
  const known = new Set<string>();
  for (const a of accounts) {
    known.add(a.id);
    byArn.set(arn.root(a.id), nodeId.root(a.id));
    for (const u of a.users ?? []) byArn.set(arn.user(a.id, u.name, u.path), nodeId.user(a.id, u.name));
    for (const r of a.roles ?? []) {
      byArn.set(arn.role(a.id, r.name, r.path), nodeId.role(a.id, r.name));
      roleByName.set(`${a.id}/${r.name}`, nodeId.role(a.id, r.name));
    }
  }
  return (principal) => {
    const exact = byArn.get(principal);
    if (exact) return exact;
    if (/^\d{12}$/.test(principal)) return known.has(principal) ? nodeId.root(principal) : undefined;
    const session = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(principal);
    return session ? roleByName.get(`${session[1]}/${session[2]}`) : undefined;
  };
}

/** The IAM principals among them (ARNs and account ids; `*` names no one in particular). */
function awsPrincipals(principals: readonly TrustedPrincipal[]): string[] {
  return principals.filter((p) => p.type === 'AWS').map((p) => p.value);
}

/** The readable part of a resource ARN: `arn:aws:s3:::acme-reports` → `acme-reports`. */
export function resourceLabel(resourceArn: string): string {
  const parts = resourceArn.split(':');
  const tail = parts.slice(5).join(':');
  return tail || resourceArn;
}

/** The service of an ARN, e.g. `s3`. */
export function resourceService(resourceArn: string): string | undefined {
  return resourceArn.split(':')[2] || undefined;
}
