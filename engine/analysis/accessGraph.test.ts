/**
 * The access graph, one rule at a time (PMapper's edges and admin test, on our engine):
 * each edge kind is found when the engine allows every action it needs, and is NOT found
 * when an explicit deny, a permissions boundary, an SCP or a condition stops one of them.
 */
import { describe, expect, it } from 'vitest';
import { loadManagedPolicySourceNode } from '../data/nodeManagedPolicies';
import { compileWorld } from '../model/compile';
import type { ScenarioJson } from '../scenario/types';
import { UNCONTROLLED } from './control';
import { buildAccessGraph, shortestEscalations } from './accessGraph';
import type { AccessEdge, AccessEdgeKind } from './types';

const managed = loadManagedPolicySourceNode();
const A = '111111111111';
const NOW = new Date('2026-03-01T12:00:00Z');
const arn = (kind: string, name: string) => `arn:aws:iam::${A}:${kind}/${name}`;
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const allowAll = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
const trusts = (principal: object) => doc({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' });

type Statement = Record<string, unknown>;
interface Options {
  readonly boundary?: boolean;
  readonly scpDeny?: string;
  readonly attacker?: 'user' | 'role';
}

/** A world of one account: an attacker with `statements` (inline, or in its own managed policy), and the targets each technique needs. */
function scenarioWith(statements: Statement[], options: Options = {}): ScenarioJson {
  const attackerPolicies = { managedPolicies: ['AttackerPolicy'], ...(options.boundary ? { permissionsBoundary: 'S3Only' } : {}) };
  const users: object[] = [
    { name: 'victim', inlinePolicies: { all: allowAll } },
    { name: 'victim2', password: 'Victim2-password!', inlinePolicies: { all: allowAll } },
  ];
  const roles: object[] = [
    { name: 'admin-role', trustPolicy: trusts({ AWS: `arn:aws:iam::${A}:root` }), inlinePolicies: { all: allowAll } },
    { name: 'locked-admin', trustPolicy: trusts({ AWS: arn('user', 'victim') }), inlinePolicies: { all: allowAll } },
    { name: 'target-ec2', trustPolicy: trusts({ Service: 'ec2.amazonaws.com' }), inlinePolicies: { all: allowAll } },
    { name: 'target-lambda', trustPolicy: trusts({ Service: 'lambda.amazonaws.com' }), inlinePolicies: { all: allowAll } },
    { name: 'target-cfn', trustPolicy: trusts({ Service: 'cloudformation.amazonaws.com' }), inlinePolicies: { all: allowAll } },
  ];
  if (options.attacker === 'role') roles.push({ name: 'attacker', trustPolicy: trusts({ Service: 'ec2.amazonaws.com' }), ...attackerPolicies });
  else users.push({ name: 'attacker', groups: ['team'], ...attackerPolicies });
  return {
    format: 'iam-playground/scenario', version: 1, now: NOW.toISOString(),
    ...(options.scpDeny
      ? {
          organization: {
            id: 'o-abcdefghij', managementAccount: '999999999999',
            units: [{ id: 'r-root', name: 'Root' }], accounts: [{ id: A, parent: 'r-root' }],
            policies: [
              { name: 'FullAWSAccess', type: 'SCP' as const, targets: ['r-root', A], document: allowAll },
              { name: 'Guardrail', type: 'SCP' as const, targets: [A], document: doc({ Effect: 'Deny', Action: options.scpDeny, Resource: '*' }) },
            ],
          },
        }
      : {}),
    accounts: [
      ...(options.scpDeny ? [{ id: '999999999999' }] : []),
      {
        id: A,
        policies: [
          { name: 'AttackerPolicy', document: doc(...statements) },
          { name: 'S3Only', document: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) },
        ],
        groups: [
          { name: 'team', inlinePolicies: { read: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) } },
          { name: 'admins', inlinePolicies: { all: allowAll } },
        ],
        users, roles,
      },
    ],
  } as ScenarioJson;
}

async function graphOf(scenario: ScenarioJson) {
  const { world, faults } = compileWorld(scenario, managed);
  expect(faults).toEqual([]);
  return buildAccessGraph({ world, scenario, managed, now: NOW }, UNCONTROLLED);
}

const MFA = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };

interface Technique {
  readonly kind: AccessEdgeKind;
  readonly grant: readonly string[];
  /** The action a stopper refuses. */
  readonly key: string;
  readonly to: string;
  readonly attacker?: 'user' | 'role';
  /** A condition on the key action that the caller does not meet (default: MFA). */
  readonly condition?: object;
}

const self = (kind: 'user' | 'role' = 'user') => arn(kind, 'attacker');
const TECHNIQUES: readonly Technique[] = [
  { kind: 'assumeRole', grant: ['sts:AssumeRole'], key: 'sts:AssumeRole', to: arn('role', 'admin-role') },
  {
    kind: 'passRoleEc2', grant: ['iam:PassRole', 'ec2:RunInstances', 'iam:CreateInstanceProfile', 'iam:AddRoleToInstanceProfile'], key: 'iam:PassRole',
    to: arn('role', 'target-ec2'), condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
  },
  {
    kind: 'passRoleLambda', grant: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'], key: 'lambda:CreateFunction',
    to: arn('role', 'target-lambda'),
  },
  {
    kind: 'passRoleCloudFormation', grant: ['iam:PassRole', 'cloudformation:CreateStack'], key: 'iam:PassRole',
    to: arn('role', 'target-cfn'), condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
  },
  { kind: 'createAccessKey', grant: ['iam:CreateAccessKey'], key: 'iam:CreateAccessKey', to: arn('user', 'victim') },
  { kind: 'createLoginProfile', grant: ['iam:CreateLoginProfile'], key: 'iam:CreateLoginProfile', to: arn('user', 'victim') },
  { kind: 'updateLoginProfile', grant: ['iam:UpdateLoginProfile'], key: 'iam:UpdateLoginProfile', to: arn('user', 'victim2') },
  { kind: 'updateAssumeRolePolicy', grant: ['iam:UpdateAssumeRolePolicy'], key: 'iam:UpdateAssumeRolePolicy', to: arn('role', 'locked-admin') },
  { kind: 'createPolicyVersion', grant: ['iam:CreatePolicyVersion'], key: 'iam:CreatePolicyVersion', to: self() },
  {
    kind: 'attachUserPolicy', grant: ['iam:AttachUserPolicy'], key: 'iam:AttachUserPolicy', to: self(),
    condition: { ArnEquals: { 'iam:PolicyARN': `arn:aws:iam::${A}:policy/S3Only` } },
  },
  { kind: 'putUserPolicy', grant: ['iam:PutUserPolicy'], key: 'iam:PutUserPolicy', to: self() },
  { kind: 'attachRolePolicy', grant: ['iam:AttachRolePolicy'], key: 'iam:AttachRolePolicy', to: self('role'), attacker: 'role' },
  { kind: 'putRolePolicy', grant: ['iam:PutRolePolicy'], key: 'iam:PutRolePolicy', to: self('role'), attacker: 'role' },
  {
    kind: 'attachGroupPolicy', grant: ['iam:AttachGroupPolicy'], key: 'iam:AttachGroupPolicy', to: self(),
    condition: { ArnEquals: { 'iam:PolicyARN': `arn:aws:iam::${A}:policy/S3Only` } },
  },
  { kind: 'putGroupPolicy', grant: ['iam:PutGroupPolicy'], key: 'iam:PutGroupPolicy', to: self() },
  { kind: 'addUserToGroup', grant: ['iam:AddUserToGroup'], key: 'iam:AddUserToGroup', to: self() },
];

function hasEdge(edges: readonly AccessEdge[], t: Technique): boolean {
  const from = self(t.attacker);
  return edges.some((e) => e.from === from && e.kind === t.kind && e.to === t.to);
}

const grantOf = (t: Technique, condition?: object): Statement[] => {
  const others = t.grant.filter((a) => a !== t.key);
  return [
    ...(others.length > 0 ? [{ Effect: 'Allow', Action: others, Resource: '*' }] : []),
    { Effect: 'Allow', Action: t.key, Resource: '*', ...(condition ? { Condition: condition } : {}) },
  ];
};

describe('access graph edges (PMapper edge checks, decided by the engine)', () => {
  for (const t of TECHNIQUES) {
    const options = { ...(t.attacker ? { attacker: t.attacker } : {}) };
    it(`${t.kind}: found when every action it needs is allowed`, async () => {
      const graph = await graphOf(scenarioWith(grantOf(t), options));
      expect(hasEdge(graph.edges, t), JSON.stringify(graph.edges.filter((e) => e.from === self(t.attacker)))).toBe(true);
      const path = graph.escalations.find((e) => e.from === self(t.attacker));
      expect(path?.edges.map((e) => e.kind)).toContain(t.kind);
    });
    it(`${t.kind}: not found when an explicit deny refuses ${t.key}`, async () => {
      const graph = await graphOf(scenarioWith([...grantOf(t), { Effect: 'Deny', Action: t.key, Resource: '*' }], options));
      expect(hasEdge(graph.edges, t)).toBe(false);
    });
    it(`${t.kind}: not found when a permissions boundary does not allow it`, async () => {
      const graph = await graphOf(scenarioWith(grantOf(t), { ...options, boundary: true }));
      expect(hasEdge(graph.edges, t)).toBe(false);
    });
    it(`${t.kind}: not found when an SCP denies ${t.key}`, async () => {
      const graph = await graphOf(scenarioWith(grantOf(t), { ...options, scpDeny: t.key }));
      expect(hasEdge(graph.edges, t)).toBe(false);
    });
    it(`${t.kind}: not found when a condition on ${t.key} does not hold`, async () => {
      const graph = await graphOf(scenarioWith(grantOf(t, t.condition ?? MFA), options));
      expect(hasEdge(graph.edges, t)).toBe(false);
    });
  }
});

describe('administrators (PMapper admin test)', () => {
  it('admin by `*`: a principal allowed every action on every resource is `allActions`', async () => {
    const graph = await graphOf(scenarioWith([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]));
    const admin = (name: string) => graph.nodes.find((n) => n.principal.arn === arn('user', name))?.admin;
    expect(admin('victim')).toBe('allActions');
    expect(admin('attacker')).toBeUndefined();
    // An allActions administrator needs no escalation path.
    expect(graph.escalations.find((e) => e.from === arn('user', 'victim'))).toBeUndefined();
  });

  it('a permissions boundary keeps `*` from a principal that has it in its policies', async () => {
    const graph = await graphOf(scenarioWith([{ Effect: 'Allow', Action: '*', Resource: '*' }], { boundary: true }));
    expect(graph.nodes.find((n) => n.principal.arn === self())?.admin).toBeUndefined();
  });

  it('a self-escalation makes the node a `selfEscalation` administrator with a self-loop', async () => {
    const graph = await graphOf(scenarioWith([{ Effect: 'Allow', Action: 'iam:PutUserPolicy', Resource: self() }]));
    expect(graph.nodes.find((n) => n.principal.arn === self())?.admin).toBe('selfEscalation');
    expect(graph.escalations.find((e) => e.from === self())).toMatchObject({ to: self(), edges: [{ from: self(), to: self(), kind: 'putUserPolicy' }] });
  });

  it('a user can join a group only to become an administrator: joining a group that is not admin is no edge', async () => {
    const scenario = scenarioWith([{ Effect: 'Allow', Action: 'iam:AddUserToGroup', Resource: arn('group', 'team') }]);
    const graph = await graphOf(scenario);
    expect(graph.edges.some((e) => e.kind === 'addUserToGroup')).toBe(false);
  });

  it('the root user of an account outside any organization is an administrator and assumes no role', async () => {
    const graph = await graphOf(scenarioWith([{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }]));
    expect(graph.nodes.find((n) => n.principal.arn === `arn:aws:iam::${A}:root`)?.admin).toBe('allActions');
    expect(graph.edges.some((e) => e.from === `arn:aws:iam::${A}:root` && e.kind === 'assumeRole')).toBe(false);
  });
});

describe('shortest escalation paths', () => {
  const edge = (from: string, to: string, kind: AccessEdgeKind = 'assumeRole'): AccessEdge => ({ from, to, kind, actions: [] });
  it('takes the fewest edges, and ends with the self-loop of a principal that escalates itself', () => {
    const edges = [edge('a', 'b'), edge('b', 'c'), edge('c', 'admin'), edge('a', 'd'), edge('d', 'admin'), edge('e', 'self'), edge('self', 'self', 'putRolePolicy')];
    const admin = new Map([['admin', 'allActions' as const], ['self', 'selfEscalation' as const]]);
    const paths = shortestEscalations(['a', 'b', 'c', 'd', 'e', 'self', 'admin', 'lonely'], edges, admin);
    const of = (from: string) => paths.find((p) => p.from === from);
    expect(of('a')?.edges.map((e) => e.to)).toEqual(['d', 'admin']);
    expect(of('b')?.edges).toHaveLength(2);
    expect(of('e')).toMatchObject({ to: 'self', edges: [{ to: 'self' }, { kind: 'putRolePolicy' }] });
    expect(of('self')?.edges).toHaveLength(1);
    expect(of('admin')).toBeUndefined();
    expect(of('lonely')).toBeUndefined();
  });
});
