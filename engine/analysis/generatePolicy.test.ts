import { describe, expect, it } from 'vitest';
import { nodeServiceCatalogue } from '../data/nodeServiceData';
import { UNCONTROLLED } from './control';
import { generatePolicy } from './generatePolicy';
import { ALICE, AUDITOR, BOB, BUCKET, depsOf, testWorld } from './eventLogTesting';
import { sharedLog } from './logAnalysesFixture';

const world = testWorld();

describe('least-privilege policy generation (IAM Access Analyzer policy generation from CloudTrail)', () => {
  it('allows exactly the allowed requests of the log, grouped by service, in AWS\'s casing, on the resources the log shows', async () => {
    const events = await sharedLog(world);
    const policy = await generatePolicy(depsOf(world, nodeServiceCatalogue()), { principal: ALICE, events }, UNCONTROLLED);
    const expected = {
      Version: '2012-10-17',
      Statement: [
        // `s3:getobject` in the log is s3:GetObject; the refused DeleteObject grants nothing.
        { Sid: 'S3Access1', Effect: 'Allow', Action: 's3:GetObject', Resource: [`${BUCKET}/a.txt`, `${BUCKET}/b.txt`] },
        // ListAllMyBuckets takes no resource: `*`.
        { Sid: 'S3Access2', Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' },
        { Sid: 'S3Access3', Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET },
      ],
    };
    expect(policy.text).toBe(JSON.stringify(expected, null, 2));
    expect(policy.statementCount).toBe(3);
    expect(policy.eventsUsed).toBe(5);
    expect(policy.principal).toEqual({ arn: ALICE, kind: 'user', account: '111111111111', name: 'alice' });
    // What the current policies allow and the log never used.
    expect(policy.dropped).toEqual(['dynamodb:GetItem', 's3:PutObject']);
  });

  it('the current text merges the user\'s inline and managed policies into one document, and the diff turns it into the generated one', async () => {
    const events = await sharedLog(world);
    const policy = await generatePolicy(depsOf(world), { principal: ALICE, events }, UNCONTROLLED);
    const current = JSON.parse(policy.currentText) as { Version: string; Statement: { Sid?: string; Action: unknown }[] };
    expect(current.Version).toBe('2012-10-17');
    expect(current.Statement.map((s) => s.Action)).toEqual([['s3:GetObject', 's3:PutObject'], ['s3:ListBucket', 's3:ListAllMyBuckets'], 'dynamodb:GetItem']);
    const lines = (ops: readonly string[]) => policy.diff.filter((d) => ops.includes(d.op)).map((d) => d.line).join('\n');
    expect(lines(['same', 'removed'])).toBe(policy.currentText);
    expect(lines(['same', 'added'])).toBe(policy.text);
    expect(policy.diff.filter((d) => d.op === 'removed').map((d) => d.line.trim())).toContain('"s3:PutObject"');
    expect(policy.diff[0]).toEqual({ op: 'same', line: '{' });
    // Without the service data the first spelling the log shows stands for the action.
    expect(JSON.parse(policy.text).Statement[0].Action).toBe('s3:GetObject');
  });

  it('a role\'s policy comes from its sessions\' requests; a `*` grant is dropped as written', async () => {
    const events = await sharedLog(world);
    const policy = await generatePolicy(depsOf(world), { principal: AUDITOR, events }, UNCONTROLLED);
    expect(JSON.parse(policy.text)).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'IamAccess', Effect: 'Allow', Action: 'iam:ListRoles', Resource: '*' },
        { Sid: 'S3Access', Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' },
      ],
    });
    expect(policy.dropped).toEqual(['*']);
  });

  it('a principal with no allowed request gets an empty policy with 0 statements', async () => {
    const policy = await generatePolicy(depsOf(world), { principal: BOB, events: await sharedLog(world) }, UNCONTROLLED);
    expect(policy.statementCount).toBe(0);
    expect(policy.eventsUsed).toBe(0);
    expect(JSON.parse(policy.text)).toEqual({ Version: '2012-10-17', Statement: [] });
    expect(policy.dropped).toEqual(['ec2:Describe*']);
  });

  it('refuses a principal the world does not have, saying which', async () => {
    await expect(generatePolicy(depsOf(world), { principal: 'arn:aws:iam::111111111111:user/nobody', events: [] }, UNCONTROLLED)).rejects.toThrow('user/nobody');
  });
});
