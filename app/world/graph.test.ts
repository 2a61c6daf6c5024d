import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileWorld, parseScenarioText } from '../../engine/index';
import { loadManagedPolicySourceNode } from '../../engine/data/nodeManagedPolicies';
import type { ScenarioJson } from '../../engine/scenario/types';
import { worldGraph } from './graph';
import { HEADER, layoutWorld, NODE_HEIGHT, NODE_WIDTH, PAD, type Box } from './layout';
import { assumableBy, grantedTo, policiesOf } from './related';
import { policySourceText } from './policyText';
import { canonicalPolicyText } from '../../engine/policy/parse';

function starter(): ScenarioJson {
  const parsed = parseScenarioText(readFileSync(new URL('../../public/samples/starter.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

describe('worldGraph', () => {
  it('draws the sample: an account holding its entities, with membership and attachment edges', () => {
    const graph = worldGraph(starter());
    const byLabel = (kind: string) => graph.nodes.filter((n) => n.kind === kind).map((n) => n.label).sort();
    expect(byLabel('account')).toEqual(['acme-analytics']);
    expect(byLabel('user')).toEqual(['alice', 'bob']);
    expect(byLabel('group')).toEqual(['analysts']);
    expect(byLabel('customerManaged')).toEqual(['ReadReports']);
    expect(byLabel('resourcePolicy')).toEqual(['acme-reports']);
    expect(graph.nodes.filter((n) => n.kind !== 'account' && n.kind !== 'awsManaged').every((n) => n.parent === 'acct:111111111111')).toBe(true);
    expect(graph.nodes.filter((n) => n.kind === 'awsManaged').map((n) => [n.label, n.parent])).toEqual([['IAMUserChangePassword', undefined]]);
    expect(graph.edges.map((e) => `${e.kind}:${e.source}->${e.target}`)).toContain('member:acct:111111111111/group:analysts->acct:111111111111/user:alice');
    expect(graph.edges.map((e) => `${e.kind}:${e.source}->${e.target}`)).toContain('attached:acct:111111111111/policy:ReadReports->acct:111111111111/group:analysts');
  });

  it('shares an AWS managed policy between accounts and skips names that refer to nothing', () => {
    const arn = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
    const world: ScenarioJson = {
      format: 'iam-playground/scenario',
      version: 1,
      accounts: [
        { id: '111111111111', users: [{ name: 'a', managedPolicies: [arn], groups: ['missing'] }] },
        { id: '222222222222', roles: [{ name: 'r', trustPolicy: {}, managedPolicies: [arn] }] },
      ],
    };
    const graph = worldGraph(world);
    const shared = graph.nodes.filter((n) => n.kind === 'awsManaged');
    expect(shared).toHaveLength(1);
    expect(shared[0]?.parent).toBeUndefined();
    expect(graph.edges.filter((e) => e.source === shared[0]?.id)).toHaveLength(2);
    expect(graph.edges.some((e) => e.kind === 'member')).toBe(false);
  });

  it("gives each policy node the engine's PolicyRef id, so a trace event leads to its node", () => {
    const scenario = starter();
    const { world } = compileWorld(scenario, loadManagedPolicySourceNode());
    const engineIds = new Set<string>();
    for (const account of world.accounts.values()) {
      for (const p of account.policies.values()) engineIds.add(p.ref.id);
      for (const u of account.users.values()) for (const p of u.managed) engineIds.add(p.ref.id);
      for (const r of account.roles.values()) engineIds.add(r.trust.ref.id);
      for (const r of account.resources.values()) if (r.policy) engineIds.add(r.policy.ref.id);
    }
    const nodeIds = new Set(worldGraph(scenario).nodes.filter((n) => n.policy).map((n) => n.id));
    expect(nodeIds).toEqual(engineIds);
  });

  it("shows a policy as the text the engine's spans refer to", () => {
    const document = starter().accounts[0]?.policies?.[0]?.document;
    expect(policySourceText(document)).toBe(canonicalPolicyText(document));
  });
});

function example(name: string): ScenarioJson {
  const parsed = parseScenarioText(readFileSync(`/work/shared/examples/${name}`, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

const edgeList = (graph: ReturnType<typeof worldGraph>) => graph.edges.map((e) => `${e.kind}:${e.source}->${e.target}`);

describe('worldGraph: the organization', () => {
  const scenario = example('03-scp-and-boundary.json');
  const graph = worldGraph(scenario);
  const node = (id: string) => graph.nodes.find((n) => n.id === id);

  it('nests OUs and accounts in the root, each account in the OU that places it', () => {
    expect(node('org')).toMatchObject({ kind: 'orgRoot', unit: 'r-root' });
    expect(node('org')?.parent).toBeUndefined();
    expect(node('org/ou:ou-sandbox')).toMatchObject({ kind: 'orgUnit', unit: 'ou-sandbox', label: 'Sandbox', parent: 'org' });
    expect(node('acct:100000000001')?.parent).toBe('org');
    expect(node('acct:200000000002')?.parent).toBe('org/ou:ou-sandbox');
  });

  it('lists every box before what it holds', () => {
    const at = new Map(graph.nodes.map((n, i) => [n.id, i]));
    for (const n of graph.nodes) if (n.parent !== undefined) expect(at.get(n.parent)!, n.id).toBeLessThan(at.get(n.id)!);
  });

  it('draws each SCP once with an edge to each target, and the edit that detaches it', () => {
    const full = graph.edges.filter((e) => e.source === 'org/scp:FullAWSAccess');
    expect(full.map((e) => e.target).sort()).toEqual(['acct:100000000001', 'acct:200000000002', 'org', 'org/ou:ou-sandbox']);
    expect(graph.edges.find((e) => e.id === 'scp:org/scp:NoLeavingOrg->org/ou:ou-sandbox')?.detach).toEqual([{ op: 'detachOrgPolicy', name: 'NoLeavingOrg', target: 'ou-sandbox' }]);
    expect(policiesOf(graph, 'org/ou:ou-sandbox').map((p) => [p.node.label, p.via])).toEqual([
      ['FullAWSAccess', 'scp'],
      ['NoLeavingOrg', 'scp'],
    ]);
  });

  it("gives each SCP node the engine's PolicyRef id, so a trace through the SCP stage leads to it", () => {
    const { world } = compileWorld(scenario, loadManagedPolicySourceNode());
    const engineIds = new Set([...world.organization!.scps.values()].flatMap((list) => list.map((p) => p.ref.id)));
    expect(new Set(graph.nodes.filter((n) => n.kind === 'scp').map((n) => n.id))).toEqual(engineIds);
  });

  it('leaves an account the organization does not place beside it, at the top level', () => {
    const outside: ScenarioJson = { ...scenario, accounts: [...scenario.accounts, { id: '333333333333' }] };
    expect(worldGraph(outside).nodes.find((n) => n.id === 'acct:333333333333')?.parent).toBeUndefined();
  });

  it('puts an OU whose parents form a cycle in the root rather than nowhere', () => {
    const org = scenario.organization!;
    const cyclic: ScenarioJson = { ...scenario, organization: { ...org, units: [org.units![0]!, { id: 'ou-a', parent: 'ou-b' }, { id: 'ou-b', parent: 'ou-a' }] } };
    const nodes = worldGraph(cyclic).nodes;
    expect(nodes.find((n) => n.id === 'org/ou:ou-a')?.parent).toBe('org');
    expect(nodes.find((n) => n.id === 'org/ou:ou-b')?.parent).toBe('org');
  });
});

describe('worldGraph: who may assume a role, whom a resource policy lets in', () => {
  const trust = (...aws: unknown[]) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: aws.length === 1 ? aws[0] : aws }, Action: 'sts:AssumeRole' }] });
  const world: ScenarioJson = {
    format: 'iam-playground/scenario',
    version: 1,
    accounts: [
      {
        id: '111111111111',
        users: [{ name: 'alice', path: '/eng/' }, { name: 'bob' }],
        roles: [
          { name: 'Deployer', trustPolicy: trust('arn:aws:iam::111111111111:user/eng/alice', 'arn:aws:iam::222222222222:root', 'arn:aws:iam::999999999999:root') },
          { name: 'Chained', trustPolicy: trust('arn:aws:iam::111111111111:role/Deployer') },
          { name: 'ByAccountId', trustPolicy: trust('222222222222') },
          { name: 'Service', trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] } },
          {
            name: 'Denied',
            trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::111111111111:user/bob' }, Action: 'sts:AssumeRole' }] },
          },
          { name: 'TagOnly', trustPolicy: { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:user/bob' }, Action: 'sts:TagSession' } } },
        ],
        resources: [
          {
            arn: 'arn:aws:s3:::shared',
            policy: {
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111111111111:user/bob', 'arn:aws:sts::111111111111:assumed-role/Chained/s'] }, Action: 's3:GetObject', Resource: '*' },
                { Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: '*' },
              ],
            },
          },
        ],
      },
      { id: '222222222222' },
    ],
  };
  const graph = worldGraph(world);
  const who = (role: string) => assumableBy(graph, `acct:111111111111/role:${role}`).map((n) => n.id).sort();

  it('draws an edge from each user, role or root user of the world a trust policy names (a user by ARN with its path)', () => {
    expect(who('Deployer')).toEqual(['acct:111111111111/user:alice', 'acct:222222222222/root']);
    expect(who('Chained')).toEqual(['acct:111111111111/role:Deployer']);
  });

  it('reads a bare account id in a Principal as that account (its root user)', () => {
    expect(who('ByAccountId')).toEqual(['acct:222222222222/root']);
  });

  it('draws no trust edge for a service principal, a Deny statement or a statement that does not allow assuming the role', () => {
    expect(who('Service')).toEqual([]);
    expect(who('Denied')).toEqual([]);
    expect(who('TagOnly')).toEqual([]);
  });

  it('carries the edit that stops trusting the principal, as the trust policy writes it', () => {
    const edge = graph.edges.find((e) => e.id === 'canAssume:acct:222222222222/root->acct:111111111111/role:ByAccountId');
    expect(edge?.detach).toEqual([{ op: 'untrustPrincipal', account: '111111111111', role: 'ByAccountId', principal: '222222222222' }]);
  });

  it("draws an edge from each principal a resource policy's Allow names (a role session leads to its role), none for Principal *", () => {
    expect(grantedTo(graph, 'acct:111111111111/res:arn:aws:s3:::shared').map((n) => n.id).sort()).toEqual(['acct:111111111111/role:Chained', 'acct:111111111111/user:bob']);
    expect(graph.edges.find((e) => e.kind === 'grant')?.detach).toBeUndefined();
  });

  it('in the sample, the account root may assume ReportWriter and the bucket policy lets ReportWriter in', () => {
    const edges = edgeList(worldGraph(starter()));
    expect(edges).toContain('canAssume:acct:111111111111/root->acct:111111111111/role:ReportWriter');
    expect(edges).toContain('grant:acct:111111111111/role:ReportWriter->acct:111111111111/res:arn:aws:s3:::acme-reports');
    expect(edges).toContain('trust:acct:111111111111/role:ReportWriter/trust->acct:111111111111/role:ReportWriter');
  });
});

describe('worldGraph: the edits that undo a relation', () => {
  it('gives membership, attachment and boundary edges their detaching edit, with the policy as the world names it', () => {
    const arn = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
    const world: ScenarioJson = {
      format: 'iam-playground/scenario',
      version: 1,
      accounts: [
        {
          id: '111111111111',
          policies: [{ name: 'Boundary', document: {} }],
          groups: [{ name: 'devs', managedPolicies: [arn] }],
          users: [{ name: 'a', groups: ['devs'], permissionsBoundary: 'Boundary', inlinePolicies: { Mine: {} } }],
        },
      ],
    };
    const byId = new Map(worldGraph(world).edges.map((e) => [e.id, e.detach]));
    expect(byId.get('member:acct:111111111111/group:devs->acct:111111111111/user:a')).toEqual([{ op: 'removeUserFromGroup', account: '111111111111', user: 'a', group: 'devs' }]);
    expect(byId.get(`attached:aws:${arn}->acct:111111111111/group:devs`)).toEqual([{ op: 'detachPolicy', target: { account: '111111111111', kind: 'group', name: 'devs' }, policy: arn }]);
    expect(byId.get('boundary:acct:111111111111/policy:Boundary->acct:111111111111/user:a')).toEqual([
      { op: 'setPermissionsBoundary', target: { account: '111111111111', kind: 'user', name: 'a' }, policy: null },
    ]);
    // An inline policy is part of its owner: deleting the policy, not the link, removes it.
    expect(byId.get('inline:acct:111111111111/user:a/inline:Mine->acct:111111111111/user:a')).toBeUndefined();
  });
});

describe('layoutWorld', () => {
  it('places every entity inside its account box without overlaps', () => {
    const graph = worldGraph(starter());
    const layout = layoutWorld(graph);
    const account = layout.get('acct:111111111111')!;
    const inside = graph.nodes.filter((n) => n.parent).map((n) => layout.get(n.id)!);
    for (const box of inside) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + NODE_WIDTH).toBeLessThanOrEqual(account.width);
      expect(box.y + NODE_HEIGHT).toBeLessThanOrEqual(account.height);
    }
    for (const a of inside)
      for (const b of inside)
        if (a !== b) expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
  });
});

describe('layoutWorld: nested boxes', () => {
  const graph = worldGraph(example('03-scp-and-boundary.json'));
  const layout = layoutWorld(graph);
  const boxOf = (id: string) => layout.get(id) as Box;

  it('places everything a box holds inside it, below its title, and grows the box to fit', () => {
    for (const n of graph.nodes) {
      if (n.parent === undefined) continue;
      const child = boxOf(n.id);
      const parent = boxOf(n.parent);
      expect(child.x, n.id).toBeGreaterThanOrEqual(PAD);
      expect(child.y, n.id).toBeGreaterThanOrEqual(HEADER);
      expect(child.x + child.width, n.id).toBeLessThanOrEqual(parent.width);
      expect(child.y + child.height, n.id).toBeLessThanOrEqual(parent.height);
    }
  });

  it('keeps siblings apart and the SCPs above the organization they are attached to', () => {
    const siblings = new Map<string | undefined, Box[]>();
    for (const n of graph.nodes) siblings.set(n.parent, [...(siblings.get(n.parent) ?? []), boxOf(n.id)]);
    for (const boxes of siblings.values())
      for (const a of boxes) for (const b of boxes) if (a !== b) expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
    expect(boxOf('org/scp:FullAWSAccess').y + NODE_HEIGHT).toBeLessThanOrEqual(boxOf('org').y);
  });

  it('lays out a very large account in a blink (dagre took seconds)', () => {
    const users = Array.from({ length: 2000 }, (_, i) => ({ name: `u${i}` }));
    const big = worldGraph({ format: 'iam-playground/scenario', version: 1, accounts: [{ id: '111111111111', users }] });
    const started = performance.now();
    const laid = layoutWorld(big);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(laid.size).toBe(big.nodes.length);
  });
});
