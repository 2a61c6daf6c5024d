/**
 * The world as a graph for the map: accounts containing their root user, users, groups,
 * roles, policies and resources; AWS managed policies shared between accounts; edges for
 * group membership and policy attachment. Derived from the ScenarioJson on every change
 * (never a second copy of the truth). Pure: tested without a DOM.
 */
import type { DocumentRef, EntityRef, HolderRef } from '../../engine/edit/types';
import type { AccountJson, PolicyDocumentJson, ScenarioJson } from '../../engine/scenario/types';
import { arn } from './arns';
import { nodeId } from './ids';

export type PolicyKind = 'customerManaged' | 'awsManaged' | 'inline' | 'resourcePolicy' | 'trustPolicy';
export type EntityKind = 'root' | 'user' | 'group' | 'role' | 'resource';
export type NodeKind = 'account' | EntityKind | PolicyKind;

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
  /** The account node that contains it; AWS managed policies have none. */
  readonly parent?: string;
  readonly policy?: PolicyInfo;
  /** The entity the node stands for, as edits name it (absent for accounts, root users, AWS managed policies). */
  readonly entity?: EntityRef;
  /** The editable document the node shows (absent for AWS managed policies: AWS owns them). */
  readonly document?: DocumentRef;
  /** The account id of an account or root-user node. */
  readonly account?: string;
}

export type EdgeKind = 'member' | 'attached' | 'boundary' | 'inline' | 'resourcePolicy' | 'trust';

export interface WorldEdge {
  readonly id: string;
  readonly kind: EdgeKind;
  /** Edges point the way permissions flow: policy → group → user, policy → resource. */
  readonly source: string;
  readonly target: string;
}

export interface WorldGraph {
  readonly nodes: readonly WorldNode[];
  readonly edges: readonly WorldEdge[];
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

  edge(kind: EdgeKind, source: string, target: string): void {
    const id = `${kind}:${source}->${target}`;
    if (this.nodes.has(source) && this.nodes.has(target)) this.edges.set(id, { id, kind, source, target });
  }

  /** The node of a managed policy named by a name (this account) or an ARN (AWS or another account). */
  managedPolicyNode(account: AccountJson, ref: string, accounts: ReadonlyMap<string, AccountJson>): string {
    if (AWS_MANAGED.test(ref)) {
      const id = nodeId.awsManaged(ref);
      this.node({ id, kind: 'awsManaged', label: policyNameOfArn(ref), detail: 'AWS', arn: ref, policy: { kind: 'awsManaged', name: policyNameOfArn(ref), arn: ref, document: undefined } });
      return id;
    }
    const m = /^arn:[^:]+:iam::(\d{12}):policy\/(?:.*\/)?([^/]+)$/.exec(ref);
    const owner = m ? (m[1] as string) : account.id;
    const name = m ? (m[2] as string) : ref;
    const ownerAccount = accounts.get(owner);
    const found = ownerAccount?.policies?.find((p) => p.name === name);
    const id = nodeId.customerManaged(owner, name);
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

  // Entities first, so that edges find both ends.
  for (const account of scenario.accounts) {
    const acct = nodeId.account(account.id);
    g.node({ id: acct, kind: 'account', label: account.alias ?? account.id, detail: account.alias ? account.id : undefined, account: account.id });
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

  for (const account of scenario.accounts) {
    const acct = nodeId.account(account.id);
    for (const group of account.groups ?? []) {
      const id = nodeId.group(account.id, group.name);
      for (const ref of group.managedPolicies ?? []) g.edge('attached', g.managedPolicyNode(account, ref, accounts), id);
      g.inline(id, arn.group(account.id, group.name, group.path), { account: account.id, kind: 'group', name: group.name }, acct, group.inlinePolicies);
    }
    for (const user of account.users ?? []) {
      const id = nodeId.user(account.id, user.name);
      for (const group of user.groups ?? []) g.edge('member', nodeId.group(account.id, group), id);
      for (const ref of user.managedPolicies ?? []) g.edge('attached', g.managedPolicyNode(account, ref, accounts), id);
      if (user.permissionsBoundary) g.edge('boundary', g.managedPolicyNode(account, user.permissionsBoundary, accounts), id);
      g.inline(id, arn.user(account.id, user.name, user.path), { account: account.id, kind: 'user', name: user.name }, acct, user.inlinePolicies);
    }
    for (const role of account.roles ?? []) {
      const id = nodeId.role(account.id, role.name);
      const roleArn = arn.role(account.id, role.name, role.path);
      const trust = nodeId.trust(id);
      g.node({ id: trust, kind: 'trustPolicy', label: `${role.name}`, parent: acct, policy: { kind: 'trustPolicy', name: role.name, document: role.trustPolicy, owner: roleArn }, document: { kind: 'trust', account: account.id, role: role.name } });
      g.edge('trust', trust, id);
      for (const ref of role.managedPolicies ?? []) g.edge('attached', g.managedPolicyNode(account, ref, accounts), id);
      if (role.permissionsBoundary) g.edge('boundary', g.managedPolicyNode(account, role.permissionsBoundary, accounts), id);
      g.inline(id, roleArn, { account: account.id, kind: 'role', name: role.name }, acct, role.inlinePolicies);
    }
    for (const resource of account.resources ?? []) {
      if (resource.policy === undefined) continue;
      const id = nodeId.resource(account.id, resource.arn);
      const policyId = nodeId.resourcePolicy(account.id, resource.arn);
      g.node({ id: policyId, kind: 'resourcePolicy', label: resourceLabel(resource.arn), parent: acct, policy: { kind: 'resourcePolicy', name: resourceLabel(resource.arn), document: resource.policy, owner: resource.arn }, document: { kind: 'resource', account: account.id, arn: resource.arn } });
      g.edge('resourcePolicy', policyId, id);
    }
  }
  return { nodes: [...g.nodes.values()], edges: [...g.edges.values()] };
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
