/**
 * A small world of an organization with three accounts, for the engine's own tests: a
 * developer in a sandbox account under an SCP, a bucket of its own and a bucket in another
 * account shared by a bucket policy. Pure data and a compiler call, no file system.
 */
import { managedPolicySourceFrom, type ManagedPolicySource } from '../data/managedPolicies';
import { compileWorld } from '../model/compile';
import type { World } from '../model/world';
import type { ScenarioJson } from '../scenario/types';
import { validateDocument } from '../scenario/validate';

export const MANAGEMENT = '100000000001';
export const SANDBOX = '200000000002';
export const DATA = '300000000003';
export const DEV = `arn:aws:iam::${SANDBOX}:user/dev`;

export const ORG_SCENARIO: ScenarioJson = {
  format: 'iam-playground/scenario',
  version: 1,
  now: '2026-03-01T12:00:00Z',
  organization: {
    id: 'o-study12345',
    managementAccount: MANAGEMENT,
    units: [{ id: 'r-root', name: 'Root' }, { id: 'ou-sandbox', name: 'Sandbox', parent: 'r-root' }],
    accounts: [{ id: MANAGEMENT, parent: 'r-root' }, { id: SANDBOX, parent: 'ou-sandbox' }, { id: DATA, parent: 'r-root' }],
    policies: [
      {
        name: 'FullAWSAccess', type: 'SCP', targets: ['r-root', 'ou-sandbox', MANAGEMENT, SANDBOX, DATA],
        document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
      },
      {
        name: 'KeepBuckets', type: 'SCP', targets: ['ou-sandbox'],
        document: { Version: '2012-10-17', Statement: [{ Sid: 'NoBucketDeletion', Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }] },
      },
    ],
  },
  accounts: [
    { id: MANAGEMENT },
    {
      id: SANDBOX,
      users: [{
        name: 'dev',
        accessKeys: [{ id: 'AKIAEXAMPLEDEV000001', secret: 'exampleSecretForTheDevUser/0000000000000', status: 'Active' }],
        inlinePolicies: {
          S3: { Version: '2012-10-17', Statement: [{ Sid: 'AllS3', Effect: 'Allow', Action: 's3:*', Resource: '*' }] },
        },
      }],
      resources: [{ arn: 'arn:aws:s3:::dev-bucket' }],
    },
    {
      id: DATA,
      resources: [{
        arn: 'arn:aws:s3:::shared-data',
        policy: {
          Version: '2012-10-17',
          Statement: [
            { Sid: 'SandboxReads', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${SANDBOX}:root` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared-data/*' },
            { Sid: 'NoSecrets', Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared-data/secret/*' },
          ],
        },
      }],
    },
  ],
};

/** Compiles a scenario (by default with no AWS managed policies); throws on any fault, so a test never runs in a half world. */
export function worldOf(scenario: ScenarioJson, managed: ManagedPolicySource = managedPolicySourceFrom([])): World {
  const validated = validateDocument(scenario);
  if (!validated.ok) throw new Error(validated.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  const { world, faults } = compileWorld(scenario, managed);
  if (faults.length > 0) throw new Error(faults.map((f) => `${f.path}: ${f.message}`).join('\n'));
  return world;
}
