import { describe, expect, it } from 'vitest';
import { nodeServiceCatalogue } from '../data/nodeServiceData';
import { UNCONTROLLED } from './control';
import { unusedAccess } from './unused';
import { ALICE, AUDITOR, BOB, BUCKET, CAROL, depsOf, logOf, ROOT, SCENARIO, SPARE, testWorld } from './eventLogTesting';
import { sharedLog } from './logAnalysesFixture';

const world = testWorld();
const summary = (arn: string, kind: 'user' | 'role') => ({ arn, kind, account: '111111111111', name: arn.slice(arn.lastIndexOf('/') + 1) });

describe('unused access (IAM Access Analyzer unused access findings)', () => {
  it('finds unused roles, passwords, access keys and permissions within a 90-day tracking period', async () => {
    const events = await sharedLog(world);
    const report = await unusedAccess(depsOf(world), { events, unusedDays: 90 }, UNCONTROLLED);
    expect(report.now).toBe('2026-03-01T12:00:00.000Z');
    expect(report.findings).toEqual([
      // Spare was never assumed nor used; the Auditor's sessions made requests within the period.
      { type: 'UnusedIAMRole', principal: summary(SPARE, 'role') },
      // carol never signed in; alice did on 20 February.
      { type: 'UnusedIAMUserPassword', principal: summary(CAROL, 'user') },
      // carol's first key was last used in June 2025; her second is younger than the period, alice's inactive key is not judged.
      { type: 'UnusedIAMUserAccessKey', principal: summary(CAROL, 'user'), accessKeyId: 'AKIACAROLKEY0000001', lastUsed: '2025-06-01T08:00:00Z' },
      // alice never touched DynamoDB, and of S3 never PutObject (DeleteObject was refused: refused requests grant nothing and use nothing).
      { type: 'UnusedPermission', principal: summary(ALICE, 'user'), service: 'dynamodb', actions: ['dynamodb:GetItem'] },
      { type: 'UnusedPermission', principal: summary(ALICE, 'user'), service: 's3', actions: ['s3:PutObject'], lastUsed: '2026-02-25T10:20:00Z' },
      // Without the service data a wildcard cannot be listed action by action: the finding names it as written.
      { type: 'UnusedPermission', principal: summary(BOB, 'user'), service: 'ec2', actions: ['ec2:Describe*'] },
    ]);
  });

  it('the tracking period decides: with 3 days, alice\'s key (last used 25 February) is unused too, and her S3 and the Auditor\'s old use fall out', async () => {
    const events = await sharedLog(world);
    const report = await unusedAccess(depsOf(world), { events, unusedDays: 3 }, UNCONTROLLED);
    const alice = report.findings.filter((f) => f.principal.arn === ALICE);
    expect(alice.map((f) => [f.type, f.accessKeyId ?? f.service, f.lastUsed])).toEqual([
      ['UnusedIAMUserPassword', undefined, '2026-02-20T09:00:00Z'],
      ['UnusedIAMUserAccessKey', 'AKIAALICEKEY00000001', '2026-02-25T10:20:00Z'],
      ['UnusedPermission', 'dynamodb', undefined],
      ['UnusedPermission', 's3', '2026-02-25T10:20:00Z'],
    ]);
    expect(alice.find((f) => f.service === 's3')?.actions).toEqual(['s3:GetObject', 's3:ListAllMyBuckets', 's3:ListBucket', 's3:PutObject']);
    // The Auditor listed roles on 27 February: used within 3 days, and its `*` grant was used.
    expect(report.findings.some((f) => f.principal.name === 'Auditor')).toBe(false);
  });

  it('only entities that existed for the whole tracking period are judged: a role the log shows created within it is not', async () => {
    const events = [...(await sharedLog(world)), ...(await logOf(world, [['2026-02-28T00:00:00Z', { principal: ROOT, action: 'iam:CreateRole', resource: SPARE }]]))];
    const report = await unusedAccess(depsOf(world), { events, unusedDays: 90 }, UNCONTROLLED);
    expect(report.findings.some((f) => f.principal.arn === SPARE)).toBe(false);
  });

  it('a grant of every service unused in the period is one finding for service `*`; an unused role\'s finding stands for its permissions', async () => {
    const accounts = SCENARIO.accounts.map((a) => ({
      ...a,
      users: [...(a.users ?? []), { name: 'ops', inlinePolicies: { All: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['*', 's3:Get*'], Resource: '*' }] } } }],
    }));
    const scenario = { ...SCENARIO, accounts };
    const opsWorld = testWorld(scenario);
    const ops = 'arn:aws:iam::111111111111:user/ops';
    const events = await logOf(opsWorld, [['2025-12-01T00:00:00Z', { principal: ops, action: 's3:GetObject', resource: `${BUCKET}/a.txt` }]]);
    const report = await unusedAccess(depsOf(opsWorld, undefined, scenario), { events, unusedDays: 30 }, UNCONTROLLED);
    expect(report.findings.filter((f) => f.principal.arn === ops)).toEqual([
      { type: 'UnusedPermission', principal: summary(ops, 'user'), service: '*', actions: ['*'], lastUsed: '2025-12-01T00:00:00Z' },
      { type: 'UnusedPermission', principal: summary(ops, 'user'), service: 's3', actions: ['s3:Get*'], lastUsed: '2025-12-01T00:00:00Z' },
    ]);
    // The Auditor (`*` too) is an unused role: one finding, not one per service.
    expect(report.findings.filter((f) => f.principal.name === 'Auditor')).toEqual([{ type: 'UnusedIAMRole', principal: summary(AUDITOR, 'role') }]);
    // Used within the period, the `*` grant makes no finding.
    const recent = await logOf(opsWorld, [['2026-02-27T00:00:00Z', { principal: ops, action: 'iam:ListRoles', resource: '*' }]]);
    const later = await unusedAccess(depsOf(opsWorld, undefined, scenario), { events: recent, unusedDays: 30 }, UNCONTROLLED);
    expect(later.findings.filter((f) => f.principal.arn === ops).map((f) => f.service)).toEqual(['s3']);
  });

  it('with the IAM service data a wildcard grant lists its unused actions', async () => {
    const report = await unusedAccess(depsOf(world, nodeServiceCatalogue()), { events: [], unusedDays: 90 }, UNCONTROLLED);
    const ec2 = report.findings.find((f) => f.principal.arn === BOB && f.service === 'ec2');
    expect(ec2?.actions).toContain('ec2:DescribeInstances');
    expect(ec2?.actions?.every((a) => a.startsWith('ec2:Describe'))).toBe(true);
  });

  it('the tracking period is a whole number of days from 1 to 365, as Access Analyzer takes it', async () => {
    await expect(unusedAccess(depsOf(world), { events: [], unusedDays: 0 }, UNCONTROLLED)).rejects.toThrow('from 1 to 365');
    await expect(unusedAccess(depsOf(world), { events: [], unusedDays: 366 }, UNCONTROLLED)).rejects.toThrow('`366`');
    await expect(unusedAccess(depsOf(world), { events: [], unusedDays: 365 }, UNCONTROLLED)).resolves.toMatchObject({ unusedDays: 365 });
  });
});
