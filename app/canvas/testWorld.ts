/**
 * A small world for the builder's unit tests: two accounts in an organization (one in an
 * OU), one outside it, users, a group, roles, policies and a bucket.
 */
import type { ScenarioJson } from '../../engine/scenario/types';

const allowAll = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

export const TEST_WORLD: ScenarioJson = {
  format: 'iam-playground/scenario',
  version: 1,
  organization: {
    id: 'o-abcdefghij',
    managementAccount: '111111111111',
    units: [{ id: 'r-abcd', name: 'Root' }, { id: 'ou-abcd-dev00000', name: 'Dev', parent: 'r-abcd' }, { id: 'ou-abcd-team0000', name: 'Team', parent: 'ou-abcd-dev00000' }],
    accounts: [
      { id: '111111111111', parent: 'r-abcd' },
      { id: '222222222222', parent: 'ou-abcd-dev00000' },
    ],
    policies: [
      { name: 'FullAWSAccess', type: 'SCP', targets: ['r-abcd', 'ou-abcd-dev00000', 'ou-abcd-team0000', '111111111111', '222222222222'], document: allowAll },
      { name: 'NoLeaving', type: 'SCP', targets: [], document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] } },
    ],
  },
  accounts: [
    {
      id: '111111111111',
      alias: 'main',
      policies: [{ name: 'ReadBucket', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } }],
      groups: [{ name: 'devs' }],
      users: [{ name: 'alice', groups: ['devs'] }, { name: 'bob' }],
      roles: [{ name: 'Admin', trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole' }] } }],
      resources: [{ arn: 'arn:aws:s3:::bucket' }],
    },
    {
      id: '222222222222',
      policies: [{ name: 'Theirs', document: allowAll }],
      users: [{ name: 'carol' }],
      roles: [{ name: 'Reader', trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '222222222222' }, Action: 'sts:AssumeRole' }] } }],
    },
    { id: '333333333333' },
  ],
};
