import { describe, expect, it } from 'vitest';
import { actorOf, indexUsage, keyLastUsed, passwordLastUsed, recordedLastUse, roleLastUsed, KEY_USE_SPAN_MS, PASSWORD_USE_SPAN_MS } from './eventLog';
import { ALICE, AUDITOR, AUDITOR_SESSION, BUCKET, CAROL, logOf, ROOT, SPARE_SESSION, SPARE, testWorld } from './eventLogTesting';

const world = testWorld();
const minutes = (n: number) => Date.parse('2026-02-01T00:00:00Z') + n * 60_000;

describe('the event log as IAM usage records', () => {
  it('IAM records only the first use of an access key in a 15-minute span', () => {
    const uses = [0, 10, 14].map((m) => ({ time: minutes(m) }));
    expect(recordedLastUse(uses, KEY_USE_SPAN_MS)?.time).toBe(minutes(0));
    // A use more than 15 minutes after the recorded one is recorded; the uses in its shadow are not.
    expect(recordedLastUse([...uses, { time: minutes(16) }, { time: minutes(20) }], KEY_USE_SPAN_MS)?.time).toBe(minutes(16));
  });

  it('IAM records only the first use of a password in a 5-minute span', () => {
    expect(recordedLastUse([{ time: minutes(0) }, { time: minutes(4) }], PASSWORD_USE_SPAN_MS)?.time).toBe(minutes(0));
    expect(recordedLastUse([{ time: minutes(0) }, { time: minutes(6) }], PASSWORD_USE_SPAN_MS)?.time).toBe(minutes(6));
  });

  it('the actor of an assumed-role session is its role (sessionContext.sessionIssuer.arn); of an IAM user or the root user, its ARN', async () => {
    const log = await logOf(world, [
      ['2026-02-25T10:00:00Z', { principal: AUDITOR_SESSION, action: 'iam:ListRoles', resource: '*' }],
      ['2026-02-25T10:00:00Z', { principal: ALICE, action: 's3:GetObject', resource: `${BUCKET}/a.txt` }],
      ['2026-02-25T10:00:00Z', { principal: ROOT, action: 's3:ListAllMyBuckets', resource: '*' }],
    ]);
    expect(log.map((e) => actorOf(e.event))).toEqual([AUDITOR, ALICE, ROOT]);
  });

  it('a request counts as use only when it succeeded: a refused request by a role session does not use the role', async () => {
    const log = await logOf(world, [['2026-02-25T10:00:00Z', { principal: SPARE_SESSION, action: 's3:GetObject', resource: `${BUCKET}/a.txt` }]]);
    expect(log[0]!.event.errorCode).toBe('AccessDenied');
    expect(roleLastUsed(indexUsage(world, log), SPARE)).toBeUndefined();
  });

  it('a console sign-in uses the password at the sign-in time, even when the request after it is refused; a failed sign-in does not', async () => {
    const log = await logOf(world, [
      ['2026-02-20T09:00:00Z', { principal: ALICE, console: { password: 'alice-pw-1!', signedInAt: '2026-02-20T08:30:00Z' }, action: 'iam:DeleteUser', resource: CAROL }],
      ['2026-02-26T09:00:00Z', { principal: ALICE, console: { password: 'wrong' }, action: 's3:ListAllMyBuckets', resource: '*' }],
    ]);
    expect(log[0]!.event.errorCode).toBe('AccessDenied');
    expect(log[1]!.event.eventType).toBe('AwsConsoleSignIn');
    const alice = world.accounts.get('111111111111')!.users.get('alice')!;
    expect(passwordLastUsed(indexUsage(world, log), alice)?.time).toBe(Date.parse('2026-02-20T08:30:00Z'));
  });

  it('an unsigned request as an IAM user with exactly one active key is that key\'s use; a signed one names its key', async () => {
    const log = await logOf(world, [['2026-02-25T10:00:00Z', { principal: ALICE, action: 's3:GetObject', resource: `${BUCKET}/a.txt`, context: { 'aws:RequestedRegion': 'eu-west-1' } }]]);
    const alice = world.accounts.get('111111111111')!.users.get('alice')!;
    const usage = indexUsage(world, log);
    expect(keyLastUsed(usage, alice.accessKeys[0]!)).toEqual({ time: Date.parse('2026-02-25T10:00:00Z'), region: 'eu-west-1', service: 's3' });
    expect(keyLastUsed(usage, alice.accessKeys[1]!)).toBeUndefined();
    // carol has two active keys: an unsigned request cannot say which; a record that names the key can.
    const carolLog = await logOf(world, [['2026-02-25T11:00:00Z', { principal: CAROL, action: 'sts:GetCallerIdentity', resource: '*' }]]);
    const carol = world.accounts.get('111111111111')!.users.get('carol')!;
    expect(keyLastUsed(indexUsage(world, carolLog), carol.accessKeys[1]!)).toBeUndefined();
    const signed = carolLog.map((e) => ({ ...e, event: { ...e.event, userIdentity: { ...e.event.userIdentity, accessKeyId: carol.accessKeys[1]!.id } } }));
    expect(keyLastUsed(indexUsage(world, signed), carol.accessKeys[1]!)?.time).toBe(Date.parse('2026-02-25T11:00:00Z'));
  });

  it('a key\'s last use is the scenario\'s lastUsed date when the log shows none later', () => {
    const carol = world.accounts.get('111111111111')!.users.get('carol')!;
    expect(keyLastUsed(indexUsage(world, []), carol.accessKeys[0]!)).toEqual({ time: Date.parse('2025-06-01T08:00:00Z') });
  });
});
