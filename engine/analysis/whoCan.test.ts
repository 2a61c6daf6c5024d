/**
 * "Who can" (IAM Access Analyzer / PMapper style), one rule at a time: directly, through one
 * or two role assumptions, across accounts; the root user cannot assume roles; a trust policy
 * that denies stops the chain; the analysis reports progress and stops when cancelled. And
 * on a generated world, the fast search (pre-filters, backwards search) gives exactly the
 * answers of a brute-force search that asks the engine about every AssumeRole pair.
 */
import { describe, expect, it } from 'vitest';
import { managedPolicySourceFrom } from '../data/managedPolicies';
import { compileWorld } from '../model/compile';
import type { World } from '../model/world';
import { runRequest } from '../pipeline/run';
import type { ScenarioJson } from '../scenario/types';
import { AnalysisCancelled, createControl, UNCONTROLLED, type AnalysisProgress } from './control';
import { listPrincipals } from './graphPrincipals';
import { whoCan, whoCanReport } from './whoCan';
import type { WhoCanQuery } from './types';

const A = '111111111111';
const B = '222222222222';
const C = '333333333333';
const NOW = new Date('2026-03-01T12:00:00Z');
const noManaged = managedPolicySourceFrom([]);
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const allow = (Action: string | string[], Resource: string | string[] = '*') => doc({ Effect: 'Allow', Action, Resource });
const trusts = (AWS: string | string[]) => doc({ Effect: 'Allow', Principal: { AWS }, Action: 'sts:AssumeRole' });
const user = (account: string, name: string) => `arn:aws:iam::${account}:user/${name}`;
const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;

const READ: WhoCanQuery = { action: 's3:GetObject', resource: 'arn:aws:s3:::vault/report.csv' };

/**
 * Account C owns the bucket `vault`, whose policy lets account A in. alice (A) reads it directly; bob (A) through Reader (A);
 * carol (A) through Hop (A) then Reader; dave (B) through the cross-account CrossReader (C);
 * erin (A) is named by a trust that also denies her.
 */
const SCENARIO: ScenarioJson = {
  format: 'iam-playground/scenario', version: 1, now: NOW.toISOString(),
  accounts: [
    {
      id: A,
      users: [
        { name: 'alice', inlinePolicies: { read: allow('s3:GetObject', 'arn:aws:s3:::vault/*') } },
        { name: 'bob', inlinePolicies: { assume: allow('sts:AssumeRole', role(A, 'Reader')) } },
        { name: 'carol', inlinePolicies: { assume: allow('sts:AssumeRole', role(A, 'Hop')) } },
        { name: 'erin', inlinePolicies: { assume: allow('sts:AssumeRole') } },
        { name: 'frank' },
      ],
      roles: [
        {
          name: 'Reader', trustPolicy: doc(
            { Effect: 'Allow', Principal: { AWS: [user(A, 'bob'), role(A, 'Hop'), user(A, 'erin')] }, Action: 'sts:AssumeRole' },
            { Effect: 'Deny', Principal: { AWS: user(A, 'erin') }, Action: 'sts:AssumeRole' },
          ),
          inlinePolicies: { read: allow('s3:GetObject', 'arn:aws:s3:::vault/*') },
        },
        { name: 'Hop', trustPolicy: trusts(user(A, 'carol')), inlinePolicies: { assume: allow('sts:AssumeRole', role(A, 'Reader')) } },
      ],
    },
    {
      id: B,
      users: [{ name: 'dave', inlinePolicies: { assume: allow('sts:AssumeRole', role(C, 'CrossReader')) } }],
    },
    {
      id: C,
      roles: [{ name: 'CrossReader', trustPolicy: trusts(`arn:aws:iam::${B}:root`), inlinePolicies: { read: allow('s3:GetObject', 'arn:aws:s3:::vault/*') } }],
      resources: [{ arn: 'arn:aws:s3:::vault', policy: doc({ Effect: 'Allow', Principal: { AWS: A }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::vault/*' }) }],
    },
  ],
};

function compiled(scenario: ScenarioJson = SCENARIO): World {
  const { world, faults } = compileWorld(scenario, noManaged);
  expect(faults).toEqual([]);
  return world;
}

describe('who can (Access Analyzer / PMapper)', () => {
  it('finds each principal with its shortest chain of roles', async () => {
    const answers = await whoCan(compiled(), READ, NOW);
    const via = Object.fromEntries(answers.map((a) => [a.arn, a.via]));
    expect(via).toEqual({
      // The bucket's owner: its root user is allowed anything in its own account.
      [`arn:aws:iam::${C}:root`]: [],
      // The bucket policy lets account A in: A's root user needs no IAM policy of its own.
      [`arn:aws:iam::${A}:root`]: [],
      [user(A, 'alice')]: [],
      [user(A, 'bob')]: [role(A, 'Reader')],
      [user(A, 'carol')]: [role(A, 'Hop'), role(A, 'Reader')],
      [role(A, 'Reader')]: [],
      [role(A, 'Hop')]: [role(A, 'Reader')],
      [user(B, 'dave')]: [role(C, 'CrossReader')],
      [role(C, 'CrossReader')]: [],
    });
  });

  it('direct: a principal whose own policies allow the request needs no role', async () => {
    const answers = await whoCan(compiled(), READ, NOW);
    expect(answers.find((a) => a.arn === user(A, 'alice'))?.via).toEqual([]);
  });

  it('one hop: a user whose AssumeRole the trust policy and its own policy allow', async () => {
    expect((await whoCan(compiled(), READ, NOW)).find((a) => a.arn === user(A, 'bob'))?.via).toEqual([role(A, 'Reader')]);
  });

  it('two hops: role chaining, each assumption allowed', async () => {
    expect((await whoCan(compiled(), READ, NOW)).find((a) => a.arn === user(A, 'carol'))?.via).toEqual([role(A, 'Hop'), role(A, 'Reader')]);
  });

  it('cross account: a trust that names the other account delegates to its IAM policies', async () => {
    expect((await whoCan(compiled(), READ, NOW)).find((a) => a.arn === user(B, 'dave'))?.via).toEqual([role(C, 'CrossReader')]);
    // Without the identity-based allow in account B, the trust alone is not enough.
    const scenario = structuredClone(SCENARIO) as unknown as { accounts: { users?: { inlinePolicies?: unknown }[] }[] };
    scenario.accounts[1]!.users![0]!.inlinePolicies = {};
    expect((await whoCan(compiled(scenario as unknown as ScenarioJson), READ, NOW)).some((a) => a.arn === user(B, 'dave'))).toBe(false);
  });

  it('the root user cannot assume roles, even when the trust names its account', async () => {
    const answers = await whoCan(compiled(), READ, NOW);
    // Root of B: CrossReader trusts account B, but "you cannot use root user credentials to call AssumeRole".
    expect(answers.some((a) => a.arn === `arn:aws:iam::${B}:root`)).toBe(false);
  });

  it('a trust policy that denies the caller stops the chain (explicit deny wins)', async () => {
    const answers = await whoCan(compiled(), READ, NOW);
    expect(answers.some((a) => a.arn === user(A, 'erin'))).toBe(false);
    expect(answers.some((a) => a.arn === user(A, 'frank'))).toBe(false);
  });

  it('each assumption is judged with the query context', async () => {
    const scenario = structuredClone(SCENARIO) as unknown as { accounts: { roles?: { trustPolicy: unknown }[] }[] };
    scenario.accounts[2]!.roles![0]!.trustPolicy = doc({ Effect: 'Allow', Principal: { AWS: B }, Action: 'sts:AssumeRole', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } });
    const world = compiled(scenario as unknown as ScenarioJson);
    expect((await whoCan(world, READ, NOW)).some((a) => a.arn === user(B, 'dave'))).toBe(false);
    const inside = await whoCan(world, { ...READ, context: { 'aws:SourceIp': '203.0.113.9' } }, NOW);
    expect(inside.find((a) => a.arn === user(B, 'dave'))?.via).toEqual([role(C, 'CrossReader')]);
  });

  it('the report gives every answer with its summary and counts the candidates', async () => {
    const world = compiled();
    const report = await whoCanReport({ world, scenario: SCENARIO, managed: noManaged, now: NOW }, READ, UNCONTROLLED);
    expect(report.candidates).toBe(listPrincipals(world).length);
    expect(report.principals.map((p) => [p.arn, p.via])).toEqual((await whoCan(world, READ, NOW)).map((a) => [a.arn, a.via]));
    expect(report.principals.find((p) => p.arn === user(B, 'dave'))?.principal).toEqual({ arn: user(B, 'dave'), kind: 'user', account: B, name: 'dave' });
  });

  it('reports progress as it goes', async () => {
    const world = compiled();
    const seen: AnalysisProgress[] = [];
    const control = createControl({ sliceMs: 0, clock: () => 0, onProgress: (p) => seen.push(p), yieldNow: () => Promise.resolve() });
    await whoCanReport({ world, scenario: SCENARIO, managed: noManaged, now: NOW }, READ, control);
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.every((p) => p.done <= p.total)).toBe(true);
  });

  it('stops when cancelled', async () => {
    const world = compiled();
    let steps = 0;
    const control = createControl({ sliceMs: 0, clock: () => 0, cancelled: () => ++steps > 2, yieldNow: () => Promise.resolve() });
    await expect(whoCanReport({ world, scenario: SCENARIO, managed: noManaged, now: NOW }, READ, control)).rejects.toBeInstanceOf(AnalysisCancelled);
    expect(steps).toBe(3);
  });
});

/** The plain search: every AssumeRole pair asked of the engine, forwards from each principal. */
async function bruteForce(world: World, query: WhoCanQuery): Promise<Map<string, number>> {
  const all = listPrincipals(world);
  const ok = async (caller: string, action: string, resource: string) =>
    (await runRequest(world, { principal: caller, action, resource }, { trace: false, now: NOW })).decision === 'allowed';
  const direct = new Set<string>();
  for (const p of all) if (await ok(p.caller, query.action, query.resource)) direct.add(p.arn);
  const edges = new Map<string, string[]>();
  for (const p of all) {
    const list: string[] = [];
    if (p.kind !== 'root') for (const q of all) if (q.role && (await ok(p.caller, 'sts:AssumeRole', q.arn))) list.push(q.arn);
    edges.set(p.arn, list);
  }
  const out = new Map<string, number>();
  for (const p of all) {
    if (direct.has(p.arn)) {
      out.set(p.arn, 0);
      continue;
    }
    const seen = new Set([p.arn]);
    let frontier = [p.arn];
    for (let depth = 1; frontier.length > 0 && !out.has(p.arn); depth++) {
      const next: string[] = [];
      for (const at of frontier) {
        for (const to of edges.get(at) ?? []) {
          if (seen.has(to)) continue;
          seen.add(to);
          if (direct.has(to)) out.set(p.arn, depth);
          next.push(to);
        }
      }
      frontier = next;
    }
  }
  return out;
}

/** A tangle of users and roles over three accounts, with every kind of trust principal the pre-filter reads. */
function generated(): ScenarioJson {
  const accounts = [A, B, C].map((id, a) => {
    const users = [];
    const roles = [];
    for (let i = 0; i < 8; i++) {
      const targets = [role([A, B, C][(a + i) % 3]!, `r${(i * 3) % 8}`), role(id, `r${(i + 1) % 8}`)];
      users.push({ name: `u${i}`, inlinePolicies: { p: i % 4 === 3 ? allow('sts:AssumeRole') : allow(['sts:AssumeRole', ...(i === 5 ? ['s3:GetObject'] : [])], [...targets, 'arn:aws:s3:::vault/*']) } });
      const principal = [
        `arn:aws:iam::${[A, B, C][(a + 1) % 3]}:root`,
        user(id, `u${(i + 2) % 8}`),
        role(id, `r${(i + 5) % 8}`),
        [A, B, C][(a + 2) % 3]!,
        '*',
        `arn:aws:sts::${id}:assumed-role/r${(i + 3) % 8}/who-can`,
      ][i % 6]!;
      const trust = i % 6 === 4
        ? doc({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalAccount': [A, B][i % 2] } } })
        : trusts(principal);
      roles.push({
        name: `r${i}`, trustPolicy: trust,
        inlinePolicies: { p: allow(i % 3 === 0 ? ['s3:GetObject', 'sts:AssumeRole'] : ['sts:AssumeRole'], i % 3 === 0 ? 'arn:aws:s3:::vault/*' : '*') },
      });
    }
    return { id, users, roles, ...(id === C ? { resources: [{ arn: 'arn:aws:s3:::vault' }] } : {}) };
  });
  return { format: 'iam-playground/scenario', version: 1, now: NOW.toISOString(), accounts };
}

describe('who can: the fast search gives the brute-force answers', () => {
  it('same principals and the same chain lengths as asking the engine about every AssumeRole pair', async () => {
    const world = compiled(generated());
    const expected = await bruteForce(world, READ);
    const answers = await whoCan(world, READ, NOW);
    expect(new Map(answers.map((a) => [a.arn, a.via.length]))).toEqual(expected);
    // Not a degenerate world: direct answers, chains, and principals left out.
    expect([...expected.values()].some((d) => d === 0)).toBe(true);
    expect([...expected.values()].some((d) => d >= 2)).toBe(true);
    expect(expected.size).toBeLessThan(listPrincipals(world).length);
  });
});
