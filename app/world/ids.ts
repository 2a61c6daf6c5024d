/**
 * Node ids of the map. A policy node's id is the engine's `PolicyRef.id` of that policy
 * (engine/model/compile.ts), so a trace event leads straight to its node; the unit test
 * pins this agreement.
 */
import type { EntityRef } from '../../engine/edit/types';

export const nodeId = {
  account: (account: string) => `acct:${account}`,
  root: (account: string) => `acct:${account}/root`,
  user: (account: string, name: string) => `acct:${account}/user:${name}`,
  group: (account: string, name: string) => `acct:${account}/group:${name}`,
  role: (account: string, name: string) => `acct:${account}/role:${name}`,
  customerManaged: (account: string, name: string) => `acct:${account}/policy:${name}`,
  awsManaged: (policyArn: string) => `aws:${policyArn}`,
  inline: (owner: string, name: string) => `${owner}/inline:${name}`,
  trust: (role: string) => `${role}/trust`,
  /** The resource itself (the engine's ids name only its policy, below). */
  resource: (account: string, resourceArn: string) => `acct:${account}/res:${resourceArn}`,
  /** The resource-based policy: the engine's PolicyRef id of it. */
  resourcePolicy: (account: string, resourceArn: string) => `acct:${account}/resource:${resourceArn}`,
  /** The organization's root (the box that holds OUs and accounts). */
  orgRoot: () => 'org',
  orgUnit: (id: string) => `org/ou:${id}`,
  /** An SCP or RCP: the engine's PolicyRef id of it. */
  orgPolicy: (type: 'SCP' | 'RCP', name: string) => `org/${type === 'SCP' ? 'scp' : 'rcp'}:${name}`,
};

/** The map node of an entity. */
export function entityNodeId(ref: EntityRef): string {
  switch (ref.kind) {
    case 'user':
      return nodeId.user(ref.account, ref.name);
    case 'group':
      return nodeId.group(ref.account, ref.name);
    case 'role':
      return nodeId.role(ref.account, ref.name);
    case 'policy':
      return nodeId.customerManaged(ref.account, ref.name);
    case 'resource':
      return nodeId.resource(ref.account, ref.arn);
  }
}
