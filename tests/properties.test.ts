/**
 * Properties of the evaluation logic that must hold for every world (fast-check): an
 * explicit deny always wins; adding a Deny never allows; adding an Allow to an identity
 * policy never denies; evaluation is deterministic; every decision has a trace.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { managedPolicySourceFrom } from '../engine/data/managedPolicies';
import { compileWorld } from '../engine/model/compile';
import { runRequest } from '../engine/pipeline/run';
import type { AccountJson, RequestJson, ScenarioJson } from '../engine/scenario/types';

const ACCOUNT = '111122223333';
const OTHER = '444455556666';
const noManaged = managedPolicySourceFrom([]);

const actions = ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 'ec2:StartInstances', 'iam:PassRole'];
const actionPatterns = [...actions, 's3:*', '*', 's3:Get*', 'ec2:*Instances', 's3:?etObject'];
const resources = ['arn:aws:s3:::data/report.csv', 'arn:aws:s3:::data', 'arn:aws:s3:::other/x', `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-1`, `arn:aws:iam::${ACCOUNT}:role/R`];
const resourcePatterns = [...resources, '*', 'arn:aws:s3:::data/*', 'arn:aws:s3:::*', 'arn:aws:ec2:*:*:instance/*'];

const statement = fc.record({
  Effect: fc.constantFrom('Allow', 'Deny'),
  Action: fc.oneof(fc.constantFrom(...actionPatterns), fc.uniqueArray(fc.constantFrom(...actionPatterns), { minLength: 1, maxLength: 3 })),
  Resource: fc.oneof(fc.constantFrom(...resourcePatterns), fc.uniqueArray(fc.constantFrom(...resourcePatterns), { minLength: 1, maxLength: 3 })),
  Condition: fc.option(
    fc.constantFrom(
      { StringEquals: { 'aws:username': 'alice' } },
      { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
      { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
      { Bool: { 'aws:SecureTransport': 'true' } },
    ),
    { nil: undefined },
  ),
});
type Stmt = { Effect: string; Action: string | string[]; Resource: string | string[]; Condition?: object };
const policy = (statements: Stmt[]) => ({ Version: '2012-10-17', Statement: statements.map((s) => (s.Condition ? s : { Effect: s.Effect, Action: s.Action, Resource: s.Resource })) });

const worldArb = fc.record({
  identity: fc.array(statement, { minLength: 0, maxLength: 4 }),
  group: fc.array(statement, { minLength: 0, maxLength: 3 }),
  boundary: fc.option(fc.array(statement, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  bucket: fc.option(fc.array(statement, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  callerAccount: fc.constantFrom(ACCOUNT, OTHER),
  tag: fc.constantFrom('blue', 'red'),
});
const requestArb = fc.record({
  action: fc.constantFrom(...actions),
  resource: fc.constantFrom(...resources),
  sourceIp: fc.constantFrom('203.0.113.7', '198.51.100.1'),
});

interface WorldSpec {
  identity: Stmt[];
  group: Stmt[];
  boundary: Stmt[] | undefined;
  bucket: Stmt[] | undefined;
  callerAccount: string;
  tag: string;
}

function scenarioOf(spec: WorldSpec): ScenarioJson {
  const caller: AccountJson = {
    id: spec.callerAccount,
    policies: spec.boundary ? [{ name: 'Boundary', document: policy(spec.boundary) }] : [],
    // An empty Statement list is not a policy AWS accepts: such a generated policy is left out.
    groups: [{ name: 'devs', inlinePolicies: spec.group.length ? { G: policy(spec.group) } : {} }],
    users: [{
      name: 'alice', groups: ['devs'], tags: { team: spec.tag },
      inlinePolicies: spec.identity.length ? { I: policy(spec.identity) } : {},
      ...(spec.boundary ? { permissionsBoundary: 'Boundary' } : {}),
    }],
  };
  const bucketPolicy = spec.bucket
    ? { Version: '2012-10-17', Statement: spec.bucket.map((s: Stmt) => ({ ...policy([s]).Statement[0], Principal: { AWS: `arn:aws:iam::${spec.callerAccount}:user/alice` } })) }
    : undefined;
  const owner: AccountJson = { id: ACCOUNT, resources: [{ arn: 'arn:aws:s3:::data', ...(bucketPolicy ? { policy: bucketPolicy } : {}) }] };
  const accounts = spec.callerAccount === ACCOUNT ? [{ ...caller, resources: owner.resources }] : [owner, caller];
  return { format: 'iam-playground/scenario', version: 1, accounts };
}

async function decide(spec: WorldSpec, req: { action: string; resource: string; sourceIp: string }, trace = false) {
  const { world, faults } = compileWorld(scenarioOf(spec), noManaged);
  expect(faults).toEqual([]);
  const request: RequestJson = { principal: `arn:aws:iam::${spec.callerAccount}:user/alice`, action: req.action, resource: req.resource, context: { 'aws:SourceIp': req.sourceIp } };
  return runRequest(world, request, { trace, now: new Date('2026-01-01T00:00:00Z') });
}

const denyAll: Stmt = { Effect: 'Deny', Action: '*', Resource: '*' };

describe('evaluation properties', () => {
  it('an explicit deny always wins: a matching Deny in an identity policy gives explicitDeny', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, requestArb, async (spec, req) => {
        const result = await decide({ ...spec, identity: [...spec.identity, denyAll] }, req);
        expect(result.decision).toBe('explicitDeny');
      }),
      { numRuns: 150 },
    );
  });

  it('adding a Deny statement never turns a denial into allowed', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, requestArb, statement, async (spec, req, extra) => {
        const before = await decide(spec, req);
        const after = await decide({ ...spec, group: [...spec.group, { ...extra, Effect: 'Deny' }] }, req);
        if (before.decision !== 'allowed') expect(after.decision).not.toBe('allowed');
        if (after.decision === 'allowed') expect(before.decision).toBe('allowed');
      }),
      { numRuns: 200 },
    );
  });

  it('adding an Allow to an identity policy never turns allowed into a denial', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, requestArb, statement, async (spec, req, extra) => {
        const before = await decide(spec, req);
        const after = await decide({ ...spec, identity: [...spec.identity, { ...extra, Effect: 'Allow' }] }, req);
        if (before.decision === 'allowed') expect(after.decision).toBe('allowed');
      }),
      { numRuns: 200 },
    );
  });

  it('evaluation is deterministic, with or without a trace', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, requestArb, async (spec, req) => {
        const a = await decide(spec, req, true);
        const b = await decide(spec, req, true);
        const c = await decide(spec, req, false);
        expect(b).toEqual(a);
        expect(c.decision).toBe(a.decision);
        expect(c.decidedBy).toEqual(a.decidedBy);
      }),
      { numRuns: 100 },
    );
  });

  it('every decision has a trace that ends with the decision and whose parents come first', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, requestArb, async (spec, req) => {
        const result = await decide(spec, req, true);
        const trace = result.trace ?? [];
        expect(trace.length).toBeGreaterThan(0);
        const last = trace[trace.length - 1]!;
        expect(last.kind).toBe('decision');
        expect(last.params['decision']).toBe(result.decision);
        trace.forEach((event, i) => {
          expect(event.id).toBe(i);
          if (event.parent !== null) expect(event.parent).toBeLessThan(event.id);
        });
      }),
      { numRuns: 100 },
    );
  });
});
