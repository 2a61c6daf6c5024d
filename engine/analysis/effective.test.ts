import { describe, expect, it } from 'vitest';
import { managedPolicySourceFrom } from '../data/managedPolicies';
import { nodeServiceCatalogue } from '../data/nodeServiceData';
import { DATA, ORG_SCENARIO, SANDBOX, worldOf } from '../pipeline/testWorld';
import type { ScenarioJson } from '../scenario/types';
import { AnalysisCancelled, createControl, UNCONTROLLED } from './control';
import type { AnalysisDeps } from './deps';
import { EFFECTIVE_PAIR_CAP, effectivePermissions } from './effective';
import type { EffectivePermission, EffectivePermissionsReport } from './types';

const A = '111111111111';
const B = '222222222222';
const doc = (...statements: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement: statements });
const allow = (action: string | string[], resource: string | string[] = '*', extra: Record<string, unknown> = {}) =>
  ({ Effect: 'Allow', Action: action, Resource: resource, ...extra });
const user = (name: string) => `arn:aws:iam::${A}:user/${name}`;

function scenario(account: ScenarioJson['accounts'][number], more: Partial<ScenarioJson> = {}): ScenarioJson {
  return { format: 'iam-playground/scenario', version: 1, now: '2026-03-01T12:00:00Z', accounts: [account, { id: B }], ...more };
}

const depsOf = (s: ScenarioJson, withCatalogue = false): AnalysisDeps => ({
  world: worldOf(s), scenario: s, managed: managedPolicySourceFrom([]), now: new Date('2026-03-01T12:00:00Z'),
  ...(withCatalogue ? { catalogue: nodeServiceCatalogue() } : {}),
});

const all = (report: EffectivePermissionsReport): EffectivePermission[] => report.services.flatMap((s) => s.permissions);
const find = (report: EffectivePermissionsReport, action: string, resource: string) =>
  all(report).find((p) => p.action === action && p.resource === resource);

describe('effective permissions', () => {
  const base = scenario({
    id: A,
    users: [{ name: 'dev', inlinePolicies: { Read: doc(allow('s3:GetObject', 'arn:aws:s3:::logs/*', { Sid: 'ReadLogs' })) } }],
    resources: [{ arn: 'arn:aws:s3:::logs' }, { arn: 'arn:aws:s3:::other' }],
  });

  it("an identity policy grants its actions on the world's resources it names, with the statement that grants it", async () => {
    const report = await effectivePermissions(depsOf(base), { principal: user('dev') }, UNCONTROLLED);
    expect(report.principal).toEqual({ arn: user('dev'), kind: 'user', account: A, name: 'dev' });
    expect(all(report).map((p) => [p.action, p.resource, p.decision])).toEqual([['s3:GetObject', 'arn:aws:s3:::logs/*', 'allowed']]);
    const [granted] = find(report, 's3:GetObject', 'arn:aws:s3:::logs/*')!.grantedBy;
    expect(granted).toMatchObject({ policy: { id: `acct:${A}/user:dev/inline:Read` }, sid: 'ReadLogs' });
    const text = depsOf(base).world.accounts.get(A)!.users.get('dev')!.inline[0]!.text;
    expect(text.slice(granted!.span!.start, granted!.span!.end)).toContain('"Sid": "ReadLogs"');
    expect(report.judged).toBe(1);
    expect(report.truncated).toBe(false);
  });

  it('a boundary limits an action the identity policy grants: limitedAt boundary, limitedBy the permissions boundary', async () => {
    const s = scenario({
      id: A,
      policies: [{ name: 'OnlyList', document: doc(allow('s3:ListBucket')) }],
      users: [{ name: 'dev', permissionsBoundary: 'OnlyList', inlinePolicies: { Both: doc(allow(['s3:ListBucket', 's3:DeleteBucket'], 'arn:aws:s3:::logs')) } }],
      resources: [{ arn: 'arn:aws:s3:::logs' }],
    });
    const report = await effectivePermissions(depsOf(s), { principal: user('dev') }, UNCONTROLLED);
    expect(find(report, 's3:ListBucket', 'arn:aws:s3:::logs')).toMatchObject({ decision: 'allowed', limitedBy: [] });
    const deleted = find(report, 's3:DeleteBucket', 'arn:aws:s3:::logs')!;
    expect(deleted).toMatchObject({ decision: 'denied', limitedAt: 'boundary' });
    expect(deleted.limitedBy.map((l) => [l.policy.kind, l.policy.name])).toEqual([['boundary', 'OnlyList']]);
  });

  it('an explicit deny limits a granted action: limitedBy names the Deny statement', async () => {
    const s = scenario({
      id: A,
      users: [{ name: 'dev', inlinePolicies: { P: doc(allow('s3:*', 'arn:aws:s3:::logs'), { Sid: 'NoDelete', Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }) } }],
      resources: [{ arn: 'arn:aws:s3:::logs' }],
    });
    const report = await effectivePermissions(depsOf(s, true), { principal: user('dev'), services: ['s3'] }, UNCONTROLLED);
    const deleted = find(report, 's3:DeleteBucket', 'arn:aws:s3:::logs')!;
    expect(deleted).toMatchObject({ decision: 'denied', limitedAt: 'identity' });
    expect(deleted.limitedBy.map((l) => l.sid)).toEqual(['NoDelete']);
    expect(find(report, 's3:ListBucket', 'arn:aws:s3:::logs')?.decision).toBe('allowed');
  });

  it('wildcards are expanded with the IAM service data; without it only literal names count', async () => {
    const s = scenario({ id: A, users: [{ name: 'dev', inlinePolicies: { P: doc(allow(['s3:Get*', 'sqs:SendMessage'])) } }], resources: [{ arn: 'arn:aws:s3:::logs' }] });
    const withData = await effectivePermissions(depsOf(s, true), { principal: user('dev') }, UNCONTROLLED);
    expect(find(withData, 's3:GetObject', 'arn:aws:s3:::logs/*')?.decision).toBe('allowed');
    expect(find(withData, 's3:GetBucketPolicy', 'arn:aws:s3:::logs')?.decision).toBe('allowed');
    // An object action is not listed on the bucket, nor a bucket action on its objects.
    expect(find(withData, 's3:GetObject', 'arn:aws:s3:::logs')).toBeUndefined();
    expect(withData.services.map((x) => [x.prefix, x.name])).toEqual([['s3', 'Amazon S3'], ['sqs', 'Amazon SQS']]);
    const without = await effectivePermissions(depsOf(s), { principal: user('dev') }, UNCONTROLLED);
    expect(all(without).map((p) => [p.action, p.resource])).toEqual([['sqs:SendMessage', '*']]);
  });

  it('an action that takes no resource is listed on *', async () => {
    const s = scenario({ id: A, users: [{ name: 'dev', inlinePolicies: { P: doc(allow('s3:ListAllMyBuckets')) } }], resources: [{ arn: 'arn:aws:s3:::logs' }] });
    const report = await effectivePermissions(depsOf(s, true), { principal: user('dev') }, UNCONTROLLED);
    expect(all(report).map((p) => [p.action, p.resource, p.decision])).toEqual([['s3:ListAllMyBuckets', '*', 'allowed']]);
  });

  it('NotAction grants every action of the services in scope but the excluded ones', async () => {
    const s = scenario({ id: A, users: [{ name: 'dev', inlinePolicies: { P: doc({ Effect: 'Allow', NotAction: ['iam:*', 'sts:*', 's3:Delete*'], Resource: '*' }) } }], resources: [{ arn: 'arn:aws:s3:::logs' }] });
    const report = await effectivePermissions(depsOf(s, true), { principal: user('dev') }, UNCONTROLLED);
    expect(find(report, 's3:PutObject', 'arn:aws:s3:::logs/*')?.decision).toBe('allowed');
    expect(all(report).some((p) => p.action.startsWith('iam:') || p.action.startsWith('s3:Delete'))).toBe(false);
  });

  it('the services filter keeps only the services asked for', async () => {
    const s = scenario({ id: A, users: [{ name: 'dev', inlinePolicies: { P: doc(allow(['s3:ListAllMyBuckets', 'sqs:ListQueues'])) } }] });
    const report = await effectivePermissions(depsOf(s, true), { principal: user('dev'), services: ['sqs'] }, UNCONTROLLED);
    expect(all(report).map((p) => p.action)).toEqual(['sqs:ListQueues']);
  });

  it('a group policy grants its members; a condition makes the permission conditional', async () => {
    const s = scenario({
      id: A,
      groups: [{ name: 'devs', inlinePolicies: { Mfa: doc(allow('s3:ListBucket', 'arn:aws:s3:::logs', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })) } }],
      users: [{ name: 'dev', groups: ['devs'] }],
      resources: [{ arn: 'arn:aws:s3:::logs' }],
    });
    const report = await effectivePermissions(depsOf(s), { principal: user('dev') }, UNCONTROLLED);
    const list = find(report, 's3:ListBucket', 'arn:aws:s3:::logs')!;
    // Judged without MFA the condition does not hold: granted only when it does.
    expect(list).toMatchObject({ conditional: true, decision: 'denied', limitedAt: 'identity' });
    expect(list.grantedBy.map((g) => g.policy.id)).toEqual([`acct:${A}/group:devs/inline:Mfa`]);
  });

  it('a role is judged as a session of it; a trust policy naming a user grants it sts:AssumeRole on the role', async () => {
    const s = scenario({
      id: A,
      users: [{ name: 'dev' }],
      roles: [{
        name: 'Reader',
        trustPolicy: doc({ Sid: 'DevAssumes', Effect: 'Allow', Principal: { AWS: user('dev') }, Action: 'sts:AssumeRole' }),
        inlinePolicies: { R: doc(allow('s3:ListBucket', 'arn:aws:s3:::logs')) },
      }],
      resources: [{ arn: 'arn:aws:s3:::logs' }],
    });
    const role = await effectivePermissions(depsOf(s), { principal: `arn:aws:iam::${A}:role/Reader` }, UNCONTROLLED);
    expect(role.principal.kind).toBe('role');
    expect(find(role, 's3:ListBucket', 'arn:aws:s3:::logs')?.decision).toBe('allowed');
    const dev = await effectivePermissions(depsOf(s), { principal: user('dev') }, UNCONTROLLED);
    const assume = find(dev, 'sts:AssumeRole', `arn:aws:iam::${A}:role/Reader`)!;
    expect(assume.decision).toBe('allowed');
    expect(assume.grantedBy.map((g) => [g.policy.kind, g.sid])).toEqual([['trustPolicy', 'DevAssumes']]);
  });

  it('a bucket policy naming a user of its account grants it without any identity policy', async () => {
    const s = scenario({
      id: A,
      users: [{ name: 'dev' }],
      resources: [{ arn: 'arn:aws:s3:::logs', policy: doc({ Sid: 'DevReads', Effect: 'Allow', Principal: { AWS: user('dev') }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::logs/*' }) }],
    });
    const report = await effectivePermissions(depsOf(s), { principal: user('dev') }, UNCONTROLLED);
    expect(all(report).map((p) => [p.action, p.resource, p.decision, p.grantedBy[0]?.sid])).toEqual([['s3:GetObject', 'arn:aws:s3:::logs/*', 'allowed', 'DevReads']]);
  });

  it('a cross-account grant needs both sides: a bucket policy alone is limited at the identity stage', async () => {
    const s: ScenarioJson = {
      format: 'iam-playground/scenario', version: 1,
      accounts: [
        { id: A, users: [{ name: 'dev' }] },
        { id: B, resources: [{ arn: 'arn:aws:s3:::theirs', policy: doc({ Effect: 'Allow', Principal: { AWS: user('dev') }, Action: 's3:ListBucket', Resource: 'arn:aws:s3:::theirs' }) }] },
      ],
    };
    const report = await effectivePermissions(depsOf(s), { principal: user('dev') }, UNCONTROLLED);
    expect(find(report, 's3:ListBucket', 'arn:aws:s3:::theirs')).toMatchObject({ decision: 'denied', limitedAt: 'identity' });
  });

  it('an SCP with no allow limits a member account’s user: limitedAt scp, limitedBy the SCPs of that level', async () => {
    const s = scenario({ id: B, users: [{ name: 'dev', inlinePolicies: { P: doc(allow(['s3:ListAllMyBuckets', 'sqs:ListQueues'])) } }] }, {
      accounts: [{ id: A }, { id: B, users: [{ name: 'dev', inlinePolicies: { P: doc(allow(['s3:ListAllMyBuckets', 'sqs:ListQueues'])) } }] }],
      organization: {
        id: 'o-effective1', managementAccount: A,
        units: [{ id: 'r-root', name: 'Root' }, { id: 'ou-dev', name: 'Dev', parent: 'r-root' }],
        accounts: [{ id: A, parent: 'r-root' }, { id: B, parent: 'ou-dev' }],
        policies: [
          { name: 'Full', type: 'SCP', targets: ['r-root', B], document: doc(allow('*')) },
          { name: 'OnlyS3', type: 'SCP', targets: ['ou-dev'], document: doc(allow('s3:*')) },
        ],
      },
    });
    const report = await effectivePermissions(depsOf(s), { principal: `arn:aws:iam::${B}:user/dev` }, UNCONTROLLED);
    expect(find(report, 's3:ListAllMyBuckets', '*')?.decision).toBe('allowed');
    const sqs = find(report, 'sqs:ListQueues', '*')!;
    expect(sqs).toMatchObject({ decision: 'denied', limitedAt: 'scp' });
    expect(sqs.limitedBy.map((l) => l.policy.name)).toEqual(['OnlyS3']);
  });

  it('the root user: resource policies of other accounts grant it, the SCPs of a member account limit it', async () => {
    const deps = depsOf(ORG_SCENARIO, true);
    const report = await effectivePermissions(deps, { principal: `arn:aws:iam::${SANDBOX}:root` }, UNCONTROLLED);
    expect(report.principal.kind).toBe('root');
    expect(report.root).toMatchObject({ inOrganization: true, managementAccount: false });
    expect(report.root!.scps.map((p) => p.name).sort()).toEqual(['FullAWSAccess', 'KeepBuckets']);
    expect(find(report, 's3:GetObject', 'arn:aws:s3:::shared-data/*')).toMatchObject({ decision: 'allowed', grantedBy: [{ sid: 'SandboxReads' }] });
    const deleteOwn = find(report, 's3:DeleteBucket', 'arn:aws:s3:::dev-bucket')!;
    expect(deleteOwn).toMatchObject({ decision: 'denied', limitedAt: 'scp', grantedBy: [] });
    expect(deleteOwn.limitedBy.map((l) => l.sid)).toEqual(['NoBucketDeletion']);
    // Another account's bucket is not the root user's to lose by an SCP: only what it owns is listed.
    expect(all(report).some((p) => p.action === 's3:DeleteBucket' && p.resource.includes('shared-data'))).toBe(false);
    const dataRoot = await effectivePermissions(deps, { principal: `arn:aws:iam::${DATA}:root` }, UNCONTROLLED);
    expect(dataRoot.root).toMatchObject({ inOrganization: true, managementAccount: false });
  });

  it("the management account's root user is limited by no SCP", async () => {
    const report = await effectivePermissions(depsOf(ORG_SCENARIO), { principal: 'arn:aws:iam::100000000001:root' }, UNCONTROLLED);
    expect(report.root).toEqual({ inOrganization: true, managementAccount: true, scps: [] });
    expect(all(report)).toEqual([]);
  });

  it('caps the pairs it judges and says so', async () => {
    const buckets = Array.from({ length: 60 }, (_, i) => ({ arn: `arn:aws:s3:::bucket-${i}` }));
    const s = scenario({ id: A, users: [{ name: 'dev', inlinePolicies: { P: doc(allow('s3:*')) } }], resources: buckets });
    const report = await effectivePermissions(depsOf(s, true), { principal: user('dev'), services: ['s3'] }, UNCONTROLLED);
    expect(report.truncated).toBe(true);
    expect(report.judged).toBe(EFFECTIVE_PAIR_CAP);
    expect(all(report)).toHaveLength(EFFECTIVE_PAIR_CAP);
  });

  it('a principal that is not in the world is refused with a message that names it', async () => {
    await expect(effectivePermissions(depsOf(base), { principal: user('ghost') }, UNCONTROLLED)).rejects.toThrow(/ghost/);
  });

  it('reports progress and stops once cancelled', async () => {
    const s = scenario({ id: A, users: [{ name: 'dev', inlinePolicies: { P: doc(allow('s3:*')) } }], resources: [{ arn: 'arn:aws:s3:::logs' }] });
    const progress: number[] = [];
    const report = await effectivePermissions(depsOf(s, true), { principal: user('dev') }, createControl({ sliceMs: 0, yieldNow: () => Promise.resolve(), onProgress: (p) => progress.push(p.total) }));
    expect(report.judged).toBeGreaterThan(50);
    expect(progress).toContain(report.judged);
    let steps = 0;
    const cancelling = createControl({ sliceMs: 0, yieldNow: () => Promise.resolve(), cancelled: () => ++steps > 5 });
    await expect(effectivePermissions(depsOf(s, true), { principal: user('dev') }, cancelling)).rejects.toBeInstanceOf(AnalysisCancelled);
  });
});
