import { describe, expect, it } from 'vitest';
import { AnalysisCancelled, createControl, UNCONTROLLED } from './control';
import { runAnalysis } from './index';
import { securityStatus } from './securityStatus';
import { ALICE, CAROL, depsOf, SCENARIO, testWorld } from './eventLogTesting';
import { sharedLog } from './logAnalysesFixture';

describe('security status (the IAM dashboard\'s security recommendations)', () => {
  it('flags root without MFA, root access keys, console users without MFA, keys older than 90 days and credentials unused for 90 days', async () => {
    const world = testWorld();
    const report = await securityStatus(depsOf(world), { events: await sharedLog(world) }, UNCONTROLLED);
    expect(report.now).toBe('2026-03-01T12:00:00.000Z');
    const account = '111111111111';
    expect(report.checks).toEqual([
      { code: 'rootMfa', account, ok: false, offenders: [`arn:aws:iam::${account}:root`] },
      { code: 'rootAccessKeys', account, ok: false, offenders: ['AKIAROOTKEY000000001'] },
      // bob has MFA and no password; carol has both.
      { code: 'usersWithoutMfa', account, ok: false, offenders: [ALICE] },
      // alice's inactive key and carol's new key are not old active keys.
      { code: 'oldAccessKeys', account, ok: false, offenders: ['AKIAROOTKEY000000001', 'AKIAALICEKEY00000001', 'AKIACAROLKEY0000001'] },
      // alice signed in and used her key; carol never signed in and last used her old key in June 2025.
      { code: 'unusedCredentials', account, ok: false, offenders: [CAROL, 'AKIACAROLKEY0000001'] },
    ]);
  });

  it('a root user with MFA and no keys, and users with MFA and fresh keys, pass every check', async () => {
    const accounts = [{
      id: '222222222222',
      root: { mfaDevices: [{ serial: 'arn:aws:iam::222222222222:mfa/root', seed: 'JBSWY3DPEHPK3PXP' }], accessKeys: [{ id: 'AKIAROOTOLDINACTIVE1', status: 'Inactive' as const, created: '2020-01-01T00:00:00Z' }] },
      users: [{ name: 'dana', password: 'dana-pw-1!', mfa: true, accessKeys: [{ id: 'AKIADANAKEY000000001', created: '2026-02-01T00:00:00Z' }] }],
    }];
    const scenario = { ...SCENARIO, accounts };
    const world = testWorld(scenario);
    const events = [] as const;
    const report = await securityStatus(depsOf(world, undefined, scenario), { events }, UNCONTROLLED);
    // dana's password was never used: she is the only offender, of unusedCredentials (her key is younger than 90 days).
    expect(report.checks.map((c) => [c.code, c.ok])).toEqual([
      ['rootMfa', true], ['rootAccessKeys', true], ['usersWithoutMfa', true], ['oldAccessKeys', true], ['unusedCredentials', false],
    ]);
    expect(report.checks.at(-1)?.offenders).toEqual(['arn:aws:iam::222222222222:user/dana']);
  });

  it('runs through runAnalysis like every analysis, and stops when cancelled', async () => {
    const world = testWorld();
    const result = await runAnalysis({ kind: 'securityStatus', query: { events: [] } }, depsOf(world), UNCONTROLLED);
    expect(result.kind === 'securityStatus' && result.report.checks).toHaveLength(5);
    const cancelled = createControl({ sliceMs: 0, cancelled: () => true, yieldNow: () => Promise.resolve() });
    for (const kind of ['securityStatus', 'credentialReport'] as const) {
      await expect(runAnalysis({ kind, query: { events: [] } }, depsOf(world), cancelled)).rejects.toBeInstanceOf(AnalysisCancelled);
    }
    await expect(runAnalysis({ kind: 'unusedAccess', query: { events: [], unusedDays: 90 } }, depsOf(world), cancelled)).rejects.toBeInstanceOf(AnalysisCancelled);
    await expect(runAnalysis({ kind: 'accessAdvisor', query: { principal: ALICE, events: [] } }, depsOf(world), cancelled)).rejects.toBeInstanceOf(AnalysisCancelled);
  });
});
