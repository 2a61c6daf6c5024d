/**
 * The reference request of the performance targets: a cross-account s3:GetObject through
 * three SCP levels, a permissions boundary, three identity policies with an IpAddress
 * condition and ${aws:username}, and a bucket policy with a StringEquals condition.
 */
import type { RequestJson, ScenarioJson } from '../engine/scenario/types';

const V = '2012-10-17';

export const referenceScenario: ScenarioJson = {
  format: 'iam-playground/scenario',
  version: 1,
  organization: {
    id: 'o-bench12345',
    managementAccount: '100000000000',
    units: [{ id: 'r-root', name: 'Root' }, { id: 'ou-workloads', name: 'Workloads', parent: 'r-root' }],
    accounts: [{ id: '100000000000', parent: 'r-root' }, { id: '111111111111', parent: 'ou-workloads' }, { id: '222222222222', parent: 'ou-workloads' }],
    policies: [
      { name: 'FullAWSAccess', type: 'SCP', targets: ['r-root', 'ou-workloads', '111111111111', '222222222222'], document: { Version: V, Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } },
      { name: 'DenyLeave', type: 'SCP', targets: ['ou-workloads'], document: { Version: V, Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] } },
      { name: 'RegionLock', type: 'SCP', targets: ['111111111111'], document: { Version: V, Statement: [{ Effect: 'Deny', NotAction: ['iam:*', 'sts:*', 's3:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['ap-northeast-2', 'us-east-1'] } } }] } },
    ],
  },
  accounts: [
    { id: '100000000000' },
    {
      id: '111111111111',
      policies: [
        { name: 'Boundary', document: { Version: V, Statement: [{ Effect: 'Allow', Action: ['s3:*', 'ec2:Describe*'], Resource: '*' }] } },
        { name: 'HomeFolder', document: { Version: V, Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::shared-data/home/${aws:username}/*' }] } },
        { name: 'OfficeOnly', document: { Version: V, Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared-data/*', Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } } }] } },
      ],
      groups: [{ name: 'analysts', managedPolicies: ['OfficeOnly'], inlinePolicies: { Ec2Read: { Version: V, Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }] } } }],
      users: [{ name: 'alice', groups: ['analysts'], managedPolicies: ['HomeFolder'], permissionsBoundary: 'Boundary', tags: { team: 'blue' } }],
    },
    {
      id: '222222222222',
      resources: [{
        arn: 'arn:aws:s3:::shared-data',
        policy: {
          Version: V,
          Statement: [
            { Sid: 'AnalystsRead', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared-data/*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-bench12345' } } },
            { Sid: 'NoDelete', Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::shared-data/*' },
          ],
        },
      }],
    },
  ],
};

export const referenceRequest: RequestJson = {
  id: 'reference',
  principal: 'arn:aws:iam::111111111111:user/alice',
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::shared-data/reports/q3.csv',
  context: { 'aws:SourceIp': '203.0.113.7' },
  expect: 'allowed',
};
