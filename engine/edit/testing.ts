/**
 * A small world for the edit library's tests, and helpers to apply edits in them. Kept out
 * of the test files so each of them starts from the same world.
 */
import { compileWorld, validateScenario } from '../index';
import { applyEdit } from './apply';
import type { EditError, WorldEdit } from './types';
import type { ScenarioJson } from '../scenario/types';

export const A = '111122223333';
export const B = '444455556666';

const ALLOW_S3_READ = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' }] };
const BOUNDARY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:*', 'sts:*'], Resource: '*' }] };

/** Two accounts: A with users, a group, a role, policies, a bucket and an instance profile; B whose user uses A's policy by ARN. */
export function sampleWorld(): ScenarioJson {
  return {
    format: 'iam-playground/scenario',
    version: 1,
    title: 'Sample',
    accounts: [
      {
        id: A,
        alias: 'acme-dev',
        policies: [
          { name: 'S3Read', document: ALLOW_S3_READ },
          { name: 'Boundary', path: '/guard/', document: BOUNDARY },
        ],
        users: [
          { name: 'alice', groups: ['devs'], managedPolicies: ['S3Read'], tags: { team: 'blue' }, permissionsBoundary: `arn:aws:iam::${A}:policy/guard/Boundary` },
          { name: 'bob', path: '/ops/', accessKeys: [{ id: 'AKIAEXAMPLEBOB00001', status: 'Active' }], inlinePolicies: { Own: ALLOW_S3_READ } },
        ],
        groups: [{ name: 'devs', managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }],
        roles: [
          {
            name: 'Auditor',
            trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: 'sts:AssumeRole' }] },
            managedPolicies: ['S3Read'],
            permissionsBoundary: 'Boundary',
          },
        ],
        resources: [{ arn: 'arn:aws:s3:::acme-data', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-data/*' }] } }],
        instanceProfiles: [{ name: 'AuditorProfile', role: 'Auditor' }],
      },
      {
        id: B,
        users: [{ name: 'carol', managedPolicies: [`arn:aws:iam::${A}:policy/S3Read`] }],
      },
    ],
    requests: [
      { id: 'alice-reads', principal: `arn:aws:iam::${A}:user/alice`, action: 's3:GetObject', resource: 'arn:aws:s3:::acme-data/report.csv', expect: 'allowed' },
      { id: 'carol-assumes', principal: `arn:aws:iam::${B}:user/carol`, action: 'sts:AssumeRole', resource: `arn:aws:iam::${A}:role/Auditor`, params: { RoleSessionName: 'carol' }, as: 'aud' },
      { id: 'session-reads', principal: '$aud', action: 's3:GetObject', resource: 'arn:aws:s3:::acme-data/report.csv' },
      { id: 'auditor-session', principal: `arn:aws:sts::${A}:assumed-role/Auditor/s1`, action: 's3:ListBucket', resource: 'arn:aws:s3:::acme-data' },
      { id: 'bob-reads', principal: `arn:aws:iam::${A}:user/ops/bob`, action: 's3:GetObject', resource: 'arn:aws:s3:::acme-data/x' },
    ],
  };
}

/** Applies edits in order; throws when one is refused (a test that expects success). */
export function mustApply(world: ScenarioJson, ...edits: WorldEdit[]): ScenarioJson {
  let current = world;
  for (const edit of edits) {
    const result = applyEdit(current, edit);
    if (!result.ok) throw new Error(`${edit.op} was refused: ${result.error.code} at ${result.error.path}: ${result.error.message}`);
    current = result.world;
  }
  return current;
}

/** The error an edit is refused with; throws when it is applied (a test that expects a refusal). */
export function refusal(world: ScenarioJson, edit: WorldEdit): EditError {
  const result = applyEdit(world, edit);
  if (result.ok) throw new Error(`${edit.op} was applied, expected a refusal`);
  return result.error;
}

/** Freezes a value and everything in it, so a mutation throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

const NO_MANAGED = { get: () => undefined };

/** The faults of a world other than AWS managed policies this test does not load. */
export function worldFaults(world: ScenarioJson): string[] {
  const valid = validateScenario(world);
  if (!valid.ok) return valid.errors.map((e) => `${e.path}: ${e.message}`);
  return compileWorld(valid.scenario, NO_MANAGED)
    .faults.filter((f) => !/is not an AWS managed policy this playground knows/.test(f.message))
    .map((f) => `${f.path}: ${f.message}`);
}
