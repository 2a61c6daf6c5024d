/**
 * The analyses at issue #8's scale, through the worker host (the Web Worker's own code
 * path): "who can" over an imported-size world of 1,000 principals, 2,000 resources and
 * policies over 100 distinct actions (target < 3 s), and the access graph of that world
 * (target < 2 s). The world is generated deterministically: four accounts of teams, each
 * team a group of users with a chain of roles (users → team-N-dev → team-N-ops), roles
 * trusted across accounts, buckets shared by bucket policies, a few administrators and a
 * few principals with privilege-escalation permissions (PassRole, CreatePolicyVersion,
 * CreateAccessKey, UpdateAssumeRolePolicy) as a real account has.
 */
import { PROTOCOL_VERSION, type WorkerRequest, type WorkerResponse } from '../engine/worker/protocol';
import { createEngineHost } from '../engine/worker/worker';
import type { GroupJson, InstanceProfileJson, ManagedPolicyJson, RoleJson, ScenarioJson, UserJson } from '../engine/scenario/types';
import type { AnalysisQuery } from '../engine/analysis/types';
import { cpuMs } from './cpu';

type Report = (figure: { name: string; value: number; unit: string; target: number; kind: 'min' | 'max' }) => void;

const ACCOUNTS = ['410000000001', '410000000002', '410000000003', '410000000004'];
const TEAMS = 10;
const USERS_PER_TEAM = 15;
const ROLES_PER_TEAM = 10;
const BUCKETS_PER_ACCOUNT = 500;
const SERVICES: readonly (readonly [string, readonly string[]])[] = [
  ['s3', ['GetObject', 'PutObject', 'DeleteObject', 'ListBucket', 'GetBucketPolicy', 'PutBucketPolicy', 'GetObjectTagging', 'PutObjectTagging', 'GetBucketLocation', 'ListBucketVersions', 'GetObjectVersion', 'DeleteObjectVersion', 'GetBucketAcl', 'PutBucketAcl', 'GetLifecycleConfiguration', 'PutLifecycleConfiguration', 'GetEncryptionConfiguration', 'PutEncryptionConfiguration', 'GetBucketTagging', 'PutBucketTagging']],
  ['dynamodb', ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchGetItem', 'BatchWriteItem', 'DescribeTable', 'CreateTable', 'DeleteTable', 'UpdateTable', 'ListTables', 'DescribeStream', 'GetRecords', 'GetShardIterator', 'ListStreams', 'TagResource', 'UntagResource', 'ListTagsOfResource']],
  ['sqs', ['SendMessage', 'ReceiveMessage', 'DeleteMessage', 'GetQueueAttributes', 'SetQueueAttributes', 'GetQueueUrl', 'ListQueues', 'CreateQueue', 'DeleteQueue', 'PurgeQueue', 'ChangeMessageVisibility', 'ListQueueTags', 'TagQueue', 'UntagQueue', 'ListDeadLetterSourceQueues', 'SendMessageBatch', 'DeleteMessageBatch', 'ChangeMessageVisibilityBatch', 'AddPermission', 'RemovePermission']],
  ['ec2', ['DescribeInstances', 'StartInstances', 'StopInstances', 'RebootInstances', 'TerminateInstances', 'DescribeVolumes', 'CreateVolume', 'AttachVolume', 'DetachVolume', 'DescribeSnapshots']],
  ['kms', ['Decrypt', 'Encrypt', 'GenerateDataKey', 'DescribeKey', 'ReEncryptFrom', 'ReEncryptTo', 'CreateGrant', 'ListGrants', 'RetireGrant', 'GetKeyPolicy']],
  ['logs', ['CreateLogGroup', 'CreateLogStream', 'PutLogEvents', 'DescribeLogGroups', 'DescribeLogStreams', 'GetLogEvents', 'FilterLogEvents', 'DeleteLogGroup', 'PutRetentionPolicy', 'TagLogGroup']],
  ['sns', ['Publish', 'Subscribe', 'Unsubscribe', 'CreateTopic', 'DeleteTopic', 'ListTopics', 'GetTopicAttributes', 'SetTopicAttributes', 'ListSubscriptionsByTopic', 'TagResource']],
];
const ACTIONS = SERVICES.flatMap(([prefix, names]) => names.map((n) => `${prefix}:${n}`));

const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const bucket = (a: number, i: number) => `arn:aws:s3:::acct${a}-bucket-${i}`;

/** Actions `count` long from a deterministic offset: each team's policies name a different slice of the 100. */
function slice(seed: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => ACTIONS[(seed * 7 + i * 3) % ACTIONS.length]!);
}

export function analysisWorld(): { scenario: ScenarioJson; principals: number; resources: number; actions: number } {
  let principals = 0;
  let resources = 0;
  const named = new Set<string>();
  const accounts = ACCOUNTS.map((id, a) => {
    const other = ACCOUNTS[(a + 1) % ACCOUNTS.length]!;
    const users: UserJson[] = [];
    const roles: RoleJson[] = [];
    const groups: GroupJson[] = [];
    const policies: ManagedPolicyJson[] = [];
    const instanceProfiles: InstanceProfileJson[] = [];
    for (let t = 0; t < TEAMS; t++) {
      const team = `team-${t}`;
      // Reading objects is the ops roles' job (below): the team's own policy grants the rest of its slice.
      const actions = slice(a * TEAMS + t, 12).filter((x) => x !== 's3:GetObject');
      actions.forEach((x) => named.add(x));
      policies.push({ name: `${team}-data`, document: doc(
        { Sid: 'TeamData', Effect: 'Allow', Action: actions, Resource: [`arn:aws:s3:::acct${a}-bucket-*`, `arn:aws:dynamodb:us-east-1:${id}:table/${team}-*`, `arn:aws:sqs:us-east-1:${id}:${team}-*`] },
        { Sid: 'Describe', Effect: 'Allow', Action: ['ec2:Describe*', 'logs:Describe*'], Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': team } } },
      ) });
      groups.push({ name: team, managedPolicies: [`${team}-data`], inlinePolicies: {
        AssumeTeamRoles: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: [`arn:aws:iam::${id}:role/${team}-dev-*`, `arn:aws:iam::${other}:role/shared-${team}-*`] }),
      } });
      for (let u = 0; u < USERS_PER_TEAM; u++) {
        const extra: Record<string, ReturnType<typeof doc>> = {};
        // A few principals with what PMapper calls escalation permissions.
        if (u === 0 && t % 3 === 0) extra['Deploy'] = doc({ Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: '*' });
        if (u === 1 && t % 4 === 0) extra['KeyRotation'] = doc({ Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: `arn:aws:iam::${id}:user/*` });
        if (u === 2 && t % 5 === 0) extra['OwnPolicy'] = doc({ Effect: 'Allow', Action: 'iam:CreatePolicyVersion', Resource: `arn:aws:iam::${id}:policy/${team}-data` });
        if (u === 3 && t === 7) extra['Trusts'] = doc({ Effect: 'Allow', Action: 'iam:UpdateAssumeRolePolicy', Resource: `arn:aws:iam::${id}:role/${team}-*` });
        users.push({
          name: `${team}-user-${u}`, groups: [team], tags: { team },
          ...(u === 0 && t === 0 ? { managedPolicies: ['Admin'] } : {}),
          ...(Object.keys(extra).length > 0 ? { inlinePolicies: extra } : {}),
        });
        principals++;
      }
      for (let r = 0; r < ROLES_PER_TEAM; r++) {
        // team-N-dev-R is assumed by the team's users; team-N-ops-R only from the dev roles (a chain);
        // shared-team-N-R from the next account's team (cross-account); the last is an EC2 service role.
        const kind = r < 4 ? 'dev' : r < 7 ? 'ops' : r < 9 ? 'shared' : 'svc';
        const name = kind === 'shared' ? `shared-${team}-${r}` : `${team}-${kind}-${r}`;
        const trust = kind === 'dev'
          ? { AWS: `arn:aws:iam::${id}:root` }
          : kind === 'ops'
            ? { AWS: [`arn:aws:iam::${id}:role/${team}-dev-${r - 4}`, `arn:aws:iam::${id}:role/${team}-dev-${r - 3}`] }
            : kind === 'shared'
              ? { AWS: ACCOUNTS[(a + ACCOUNTS.length - 1) % ACCOUNTS.length]! }
              : { Service: 'ec2.amazonaws.com' };
        const actions = slice(a * TEAMS + t + r, 8);
        actions.forEach((x) => named.add(x));
        if (kind === 'svc') instanceProfiles.push({ name: `${name}-profile`, role: name });
        roles.push({
          name, tags: { team }, trustPolicy: doc({ Effect: 'Allow', Principal: trust, Action: 'sts:AssumeRole' }),
          managedPolicies: [`${team}-data`],
          inlinePolicies: {
            Work: doc(
              { Effect: 'Allow', Action: actions, Resource: [`arn:aws:s3:::acct${a}-bucket-${t * 10 + r}`, `arn:aws:s3:::acct${a}-bucket-${t * 10 + r}/*`, `arn:aws:sqs:us-east-1:${id}:*`] },
              ...(kind === 'dev' ? [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${id}:role/${team}-ops-*` }] : []),
              ...(kind === 'ops' ? [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `${bucket(a, t * 10 + r)}/*` }] : []),
            ),
          },
        });
        principals++;
      }
    }
    policies.push({ name: 'Admin', document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) });
    const buckets = Array.from({ length: BUCKETS_PER_ACCOUNT }, (_, i) => {
      resources++;
      return {
        arn: bucket(a, i), tags: { team: `team-${i % TEAMS}` },
        ...(i % 5 === 0
          ? { policy: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${other}:root` }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: [bucket(a, i), `${bucket(a, i)}/*`] }) }
          : {}),
      };
    });
    return { id, users, roles, groups, policies, instanceProfiles, resources: buckets };
  });
  return { scenario: { format: 'iam-playground/scenario', version: 1, now: '2026-06-01T00:00:00Z', accounts }, principals, resources, actions: named.size };
}

export async function benchAnalysis(report: Report): Promise<void> {
  // The bench has no site to load data from: every fetch fails, as offline.
  (globalThis as { fetch?: unknown }).fetch = async () => ({ ok: false, status: 404, json: async () => undefined });
  const host = createEngineHost('http://bench.invalid/');
  let id = 0;
  const ask = (message: Record<string, unknown>) => host.handle({ v: PROTOCOL_VERSION, id: ++id, ...message } as WorkerRequest);
  const { scenario, principals, resources, actions } = analysisWorld();
  const set = await ask({ type: 'setWorld', scenario });
  if (set.type !== 'worldSet' || set.faults.length > 0) throw new Error(`analysis world: ${JSON.stringify(set).slice(0, 400)}`);
  const analyze = async (query: AnalysisQuery): Promise<{ ms: number; answer: WorkerResponse }> => {
    const start = cpuMs();
    const answer = await ask({ type: 'analyze', query });
    return { ms: cpuMs() - start, answer };
  };

  // A bucket the first account shares with the second, read by an ops role (reached through the dev roles), the
  // team's data policy (every team member and role) and, through its bucket policy, the other account's.
  const whoCan: AnalysisQuery = { kind: 'whoCan', query: { action: 's3:GetObject', resource: `${bucket(0, 25)}/report.csv` } };
  const first = await analyze(whoCan);
  if (first.answer.type !== 'analyzed' || first.answer.result.kind !== 'whoCan') throw new Error(`who can: ${JSON.stringify(first.answer).slice(0, 300)}`);
  const found = first.answer.result.report.principals;
  const chained = found.filter((p) => p.via.length >= 2).length;
  const second = await analyze(whoCan);
  report({
    name: `who can, ${principals.toLocaleString('en-US')} principals · ${resources.toLocaleString('en-US')} resources · ${actions} actions`,
    value: Math.min(first.ms, second.ms), unit: 'ms', target: 3000, kind: 'max',
  });
  console.log(`      (${found.length} principals can, ${chained} through a chain of two roles or more)`);

  const graph = await analyze({ kind: 'accessGraph' });
  if (graph.answer.type !== 'analyzed' || graph.answer.result.kind !== 'accessGraph') throw new Error(`access graph: ${JSON.stringify(graph.answer).slice(0, 300)}`);
  const g = graph.answer.result.graph;
  const again = await analyze({ kind: 'accessGraph' });
  report({ name: 'access graph of that world', value: Math.min(graph.ms, again.ms), unit: 'ms', target: 2000, kind: 'max' });
  const kinds = new Map<string, number>();
  for (const e of g.edges) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
  console.log(`      (${g.nodes.length} nodes, ${g.edges.length} edges: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}; ${g.escalations.length} escalation paths)`);
}
