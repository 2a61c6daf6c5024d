import { describe, expect, it } from 'vitest';
import { UNCONTROLLED } from './control';
import { CREDENTIAL_REPORT_COLUMNS, credentialReports } from './credentialReport';
import { ALICE, BOB, CAROL, depsOf, logOf, ROOT, testWorld } from './eventLogTesting';
import { sharedLog } from './logAnalysesFixture';

const world = testWorld();
const NO_KEY = ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
const NO_CERTS = ['false', 'N/A', 'false', 'N/A'];

describe('the credential report (AWS\'s CSV format)', () => {
  it('has AWS\'s 22 columns in AWS\'s order', () => {
    expect(CREDENTIAL_REPORT_COLUMNS.join(',')).toBe(
      'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,' +
        'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
        'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,' +
        'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated',
    );
  });

  it('writes the root user as <root_account> first, not_supported for its password columns, N/A and no_information where AWS does', async () => {
    const [report, ...others] = await credentialReports(depsOf(world), { events: await sharedLog(world) }, UNCONTROLLED);
    expect(others).toEqual([]);
    expect(report!.account).toBe('111111111111');
    expect(report!.header).toEqual([...CREDENTIAL_REPORT_COLUMNS]);
    expect(report!.rows).toEqual([
      ['<root_account>', ROOT, 'N/A', 'not_supported', 'no_information', 'not_supported', 'not_supported', 'false',
        'true', '2024-06-01T00:00:00+00:00', 'N/A', 'N/A', 'N/A', ...NO_KEY, ...NO_CERTS],
      // alice signed in on 20 February; her key's last recorded use is 10:20 (the uses at 10:05 and 10:10 fall in the 15-minute span of 10:00's).
      ['alice', ALICE, 'N/A', 'true', '2026-02-20T09:00:00+00:00', 'N/A', 'N/A', 'false',
        'true', '2025-01-01T00:00:00+00:00', '2026-02-25T10:20:00+00:00', 'us-east-1', 's3',
        'false', '2025-02-01T00:00:00+00:00', 'N/A', 'N/A', 'N/A', ...NO_CERTS],
      // bob has no password: N/A, not no_information.
      ['bob', BOB, 'N/A', 'false', 'N/A', 'N/A', 'N/A', 'true', ...NO_KEY, ...NO_KEY, ...NO_CERTS],
      // carol's password was never used: no_information; her first key's last use is the world's lastUsed (no region or service known).
      ['carol', CAROL, 'N/A', 'true', 'no_information', 'N/A', 'N/A', 'true',
        'true', '2025-03-01T00:00:00+00:00', '2025-06-01T08:00:00+00:00', 'N/A', 'N/A',
        'true', '2026-02-20T00:00:00+00:00', 'N/A', 'N/A', 'N/A', ...NO_CERTS],
    ]);
    expect(report!.csv.split('\n')).toEqual([report!.header, ...report!.rows].map((r) => r.join(',')));
  });

  it('takes the user\'s creation and password dates from the IAM writes the log shows', async () => {
    const events = await logOf(world, [
      ['2026-01-10T08:00:00Z', { principal: ROOT, action: 'iam:CreateUser', resource: CAROL }],
      ['2026-01-10T08:01:00Z', { principal: ROOT, action: 'iam:CreateLoginProfile', resource: CAROL }],
    ]);
    const [report] = await credentialReports(depsOf(world), { events }, UNCONTROLLED);
    const carol = report!.rows.find((r) => r[0] === 'carol')!;
    expect([carol[2], carol[5]]).toEqual(['2026-01-10T08:00:00+00:00', '2026-01-10T08:01:00+00:00']);
  });
});
