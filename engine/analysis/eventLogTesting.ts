/**
 * For tests of the analyses that read the event log: a small world with known answers, and
 * its log made the way the app makes it — each request run through the pipeline and
 * recorded as its CloudTrail record, at a time the test chooses.
 */
import { managedPolicySourceFrom } from '../data/managedPolicies';
import { compileWorld } from '../model/compile';
import type { World } from '../model/world';
import { runRequestDetailed } from '../pipeline/run';
import { SessionStore } from '../pipeline/sessions';
import type { RequestJson, ScenarioJson } from '../scenario/types';
import { counterIds } from '../trail/cloudTrail';
import { recordOutcome } from '../trail/recorded';
import type { AnalysisDeps } from './deps';
import type { AnalysisEvent } from './types';
import type { ServiceCatalogue } from '../data/serviceData';

export const ACCOUNT = '111111111111';
export const NOW = '2026-03-01T12:00:00Z';
export const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
export const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
export const BOB = `arn:aws:iam::${ACCOUNT}:user/bob`;
export const CAROL = `arn:aws:iam::${ACCOUNT}:user/carol`;
export const AUDITOR = `arn:aws:iam::${ACCOUNT}:role/Auditor`;
export const SPARE = `arn:aws:iam::${ACCOUNT}:role/Spare`;
export const AUDITOR_SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/Auditor/audit`;
export const SPARE_SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/Spare/spare`;
export const BUCKET = 'arn:aws:s3:::acme-data';

const trustAccount = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] };

/**
 * alice: console password without MFA, one active key from 2025 and one inactive key; reads
 * S3 (inline) and DynamoDB (customer managed). bob: no password, MFA, in group `devs`
 * (`ec2:Describe*`). carol: a password never used, an old key and a new one. Auditor: `*`.
 * Spare: `iam:ListUsers`, never used. The root user: no MFA, an active key.
 */
export const SCENARIO: ScenarioJson = {
  format: 'iam-playground/scenario',
  version: 1,
  now: NOW,
  accounts: [
    {
      id: ACCOUNT,
      root: { accessKeys: [{ id: 'AKIAROOTKEY000000001', status: 'Active', created: '2024-06-01T00:00:00Z' }] },
      policies: [{ name: 'DdbRead', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' }] } }],
      groups: [{ name: 'devs', inlinePolicies: { Describe: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }] } } }],
      users: [
        {
          name: 'alice',
          password: 'alice-pw-1!',
          managedPolicies: ['DdbRead'],
          inlinePolicies: {
            S3: {
              Version: '2012-10-17',
              Statement: [
                { Sid: 'Objects', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `${BUCKET}/*` },
                { Sid: 'Buckets', Effect: 'Allow', Action: ['s3:ListBucket', 's3:ListAllMyBuckets'], Resource: '*' },
              ],
            },
          },
          accessKeys: [
            { id: 'AKIAALICEKEY00000001', status: 'Active', created: '2025-01-01T00:00:00Z' },
            { id: 'AKIAALICEKEY00000002', status: 'Inactive', created: '2025-02-01T00:00:00Z' },
          ],
        },
        { name: 'bob', groups: ['devs'], mfa: true },
        {
          name: 'carol',
          password: 'carol-pw-1!',
          mfa: true,
          accessKeys: [
            { id: 'AKIACAROLKEY0000001', status: 'Active', created: '2025-03-01T00:00:00Z', lastUsed: '2025-06-01T08:00:00Z' },
            { id: 'AKIACAROLKEY0000002', status: 'Active', created: '2026-02-20T00:00:00Z' },
          ],
        },
      ],
      roles: [
        { name: 'Auditor', trustPolicy: trustAccount, inlinePolicies: { Admin: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } } },
        { name: 'Spare', trustPolicy: trustAccount, inlinePolicies: { List: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }] } } },
      ],
      resources: [{ arn: BUCKET }],
    },
  ],
};

export function testWorld(scenario: ScenarioJson = SCENARIO): World {
  const { world, faults } = compileWorld(scenario, managedPolicySourceFrom([]));
  if (faults.length > 0) throw new Error(`test world: ${faults.map((f) => `${f.path}: ${f.message}`).join('; ')}`);
  return world;
}

export function depsOf(world: World, catalogue?: ServiceCatalogue, scenario: ScenarioJson = SCENARIO): AnalysisDeps {
  return { world, scenario, managed: managedPolicySourceFrom([]), now: world.now ?? new Date(NOW), ...(catalogue ? { catalogue } : {}) };
}

/** Runs each request at its time and records it, as the app's event log does. */
export async function logOf(world: World, entries: readonly (readonly [string, RequestJson])[]): Promise<AnalysisEvent[]> {
  const sessions = new SessionStore();
  const ids = counterIds();
  const out: AnalysisEvent[] = [];
  for (const [at, request] of entries) {
    const eventTime = new Date(at);
    const outcome = await runRequestDetailed(world, request, { trace: false, sessions, now: eventTime });
    const { event } = recordOutcome(request, outcome, { eventTime, ids, sessions });
    out.push({ event, action: request.action, resource: request.resource });
  }
  return out;
}
