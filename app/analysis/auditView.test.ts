import { describe, expect, it } from 'vitest';
import type { AnalysisResult, ExternalAccessFinding, UnusedAccessFinding, WorldFinding } from '../../engine/analysis/types';
import type { PolicyRef } from '../../engine/evaluate/types';
import type { FindingSeverity } from '../../engine/policy/types';
import type { ScenarioJson } from '../../engine/scenario/types';
import type { AnalysisRun } from '../store/analysisSlice';
import {
  accountLabelKey,
  conditionText,
  credentialReportFileName,
  diffCounts,
  diffSign,
  externalWho,
  formatTime,
  groupByPolicy,
  groupUnused,
  inlinePolicyName,
  parseDays,
  policiesWithFindings,
  resultOf,
  severityCounts,
  sortExternal,
  worldPrincipals,
} from './auditView';

const A = '111111111111';
const B = '222222222222';
const DOC = { Version: '2012-10-17', Statement: [] } as const;

const world: ScenarioJson = {
  format: 'iam-playground/scenario',
  version: 1,
  accounts: [
    {
      id: A,
      alias: 'acme',
      users: [{ name: 'alice', path: '/team/', inlinePolicies: { GeneratedFromLog: DOC, GeneratedFromLog2: DOC } }, { name: 'bob' }],
      roles: [{ name: 'Reader', trustPolicy: DOC }],
    },
    { id: B, users: [{ name: 'carol' }] },
  ],
};

const ref = (name: string): PolicyRef => ({ id: `acct:${A}/policy:${name}`, kind: 'customerManaged', name });
const finding = (policy: string, severity: FindingSeverity, start: number): WorldFinding => ({
  policy: ref(policy),
  finding: { severity, code: 'x', params: {}, span: { start, end: start + 1 }, path: '$', message: 'm' },
});

describe('the principals the pickers offer', () => {
  it('are the users and roles of every account, with their paths in the ARN and the alias as the account', () => {
    expect(worldPrincipals(world).map((p) => [p.kind, p.arn, p.accountLabel])).toEqual([
      ['user', `arn:aws:iam::${A}:user/team/alice`, 'acme'],
      ['user', `arn:aws:iam::${A}:user/bob`, 'acme'],
      ['role', `arn:aws:iam::${A}:role/Reader`, 'acme'],
      ['user', `arn:aws:iam::${B}:user/carol`, B],
    ]);
  });

  it('include each root user when asked (Access Advisor), and nothing without a world', () => {
    expect(worldPrincipals(world, { root: true }).filter((p) => p.kind === 'root').map((p) => p.arn)).toEqual([`arn:aws:iam::${A}:root`, `arn:aws:iam::${B}:root`]);
    expect(worldPrincipals(null)).toEqual([]);
  });

  it('name an account by its alias when it has one', () => {
    expect(accountLabelKey(world, A)).toEqual({ key: 'audit.accountAlias', params: { account: A, alias: 'acme' } });
    expect(accountLabelKey(world, B)).toEqual({ key: 'audit.account', params: { account: B } });
  });
});

describe('a run’s result', () => {
  const result: AnalysisResult = { kind: 'worldFindings', report: { findings: [], policiesChecked: 3 } };
  it('is given only when the run of that kind is done', () => {
    const done: AnalysisRun = { state: 'done', result, world: null };
    expect(resultOf(done, 'worldFindings')).toBe(result);
    expect(resultOf(done, 'externalAccess')).toBeUndefined();
    expect(resultOf({ state: 'running', done: 1, total: 2 }, 'worldFindings')).toBeUndefined();
    expect(resultOf({ state: 'failed', message: 'x' }, 'worldFindings')).toBeUndefined();
    expect(resultOf(undefined, 'worldFindings')).toBeUndefined();
  });
});

describe('external access findings', () => {
  const f = (id: string, resource: string, isPublic: boolean): ExternalAccessFinding => ({
    id,
    resource,
    resourceType: 'AWS::S3::Bucket',
    resourceAccount: A,
    principal: isPublic ? { kind: 'public', value: '*' } : { kind: 'account', value: B },
    actions: ['s3:GetObject'],
    conditions: [],
    isPublic,
    statement: { policy: ref('p') },
  });

  it('list public access first, then by resource', () => {
    const sorted = sortExternal([f('1', 'arn:aws:s3:::b', false), f('2', 'arn:aws:s3:::c', true), f('3', 'arn:aws:s3:::a', false), f('4', 'arn:aws:s3:::a', true)]);
    expect(sorted.map((x) => x.id)).toEqual(['4', '2', '3', '1']);
  });

  it('say who gets access by kind; an ARN is shown as itself', () => {
    expect(externalWho({ kind: 'public', value: '*' }).key).toBe('audit.external.public');
    expect(externalWho({ kind: 'account', value: B })).toEqual({ key: 'audit.external.who.account', params: { value: B } });
    expect(externalWho({ kind: 'service', value: 'lambda.amazonaws.com' }).key).toBe('audit.external.who.service');
    expect(externalWho({ kind: 'federated', value: 'cognito-identity.amazonaws.com' }).key).toBe('audit.external.who.federated');
    expect(externalWho({ kind: 'arn', value: `arn:aws:iam::${B}:role/X` })).toEqual({ key: null, params: { value: `arn:aws:iam::${B}:role/X` } });
  });

  it('write a condition as the policy does', () => {
    expect(conditionText({ operator: 'StringEquals', key: 'aws:PrincipalOrgID', values: ['o-1', 'o-2'] })).toBe('StringEquals aws:PrincipalOrgID = o-1, o-2');
  });
});

describe('policy findings', () => {
  const all = [finding('A', 'warning', 30), finding('B', 'error', 5), finding('A', 'error', 40), finding('A', 'suggestion', 1), finding('C', 'securityWarning', 9)];

  it('are counted per Access Analyzer class', () => {
    expect(severityCounts(all)).toEqual({ error: 2, securityWarning: 1, warning: 1, suggestion: 1 });
    expect(policiesWithFindings(all)).toBe(3);
  });

  it('are grouped by policy in the order policies first appear, most serious first within a policy', () => {
    const groups = groupByPolicy(all, 'all');
    expect(groups.map((g) => g.policy.name)).toEqual(['A', 'B', 'C']);
    expect(groups[0]!.findings.map((f) => [f.finding.severity, f.finding.span.start])).toEqual([
      ['error', 40],
      ['warning', 30],
      ['suggestion', 1],
    ]);
  });

  it('filtered by one class leave out the policies without a finding of it', () => {
    const groups = groupByPolicy(all, 'error');
    expect(groups.map((g) => [g.policy.name, g.findings.length])).toEqual([
      ['A', 1],
      ['B', 1],
    ]);
    expect(groupByPolicy(all, 'securityWarning').map((g) => g.policy.name)).toEqual(['C']);
  });
});

describe('unused access', () => {
  it('takes a tracking period of 1 to 365 whole days, as Access Analyzer does', () => {
    expect(parseDays('90')).toBe(90);
    expect(parseDays(' 1 ')).toBe(1);
    expect(parseDays('365')).toBe(365);
    expect(parseDays('0')).toBeNull();
    expect(parseDays('366')).toBeNull();
    expect(parseDays('7.5')).toBeNull();
    expect(parseDays('')).toBeNull();
  });

  it('groups findings by type in Access Analyzer’s order, leaving out empty types', () => {
    const principal = { arn: `arn:aws:iam::${A}:user/bob`, kind: 'user', account: A, name: 'bob' } as const;
    const findings: UnusedAccessFinding[] = [
      { type: 'UnusedPermission', principal, service: 's3', actions: ['s3:PutObject'] },
      { type: 'UnusedIAMUserAccessKey', principal, accessKeyId: 'AKIAEXAMPLE' },
      { type: 'UnusedPermission', principal, service: 'iam', actions: ['iam:ListUsers'] },
    ];
    expect(groupUnused(findings).map((g) => [g.type, g.findings.length])).toEqual([
      ['UnusedIAMUserAccessKey', 1],
      ['UnusedPermission', 2],
    ]);
  });
});

describe('policy generation', () => {
  it('counts the added and removed lines of the diff and marks them with + and a minus sign', () => {
    const diff = [
      { op: 'same', line: '{' },
      { op: 'removed', line: '"Action": "s3:*",' },
      { op: 'added', line: '"Action": [' },
      { op: 'added', line: '"s3:GetObject"' },
    ] as const;
    expect(diffCounts(diff)).toEqual({ added: 2, removed: 1 });
    expect(diff.map((l) => diffSign(l.op))).toEqual([' ', '\u2212', '+', '+']);
  });

  it('names the new inline policy with a name the principal does not have yet', () => {
    expect(inlinePolicyName(world, { account: A, kind: 'user', name: 'alice' })).toBe('GeneratedFromLog3');
    expect(inlinePolicyName(world, { account: A, kind: 'user', name: 'bob' })).toBe('GeneratedFromLog');
    expect(inlinePolicyName(world, { account: A, kind: 'role', name: 'Reader' })).toBe('GeneratedFromLog');
  });
});

describe('dates and files', () => {
  it('shows a time in UTC in the learner’s language, and an unreadable one as it is', () => {
    expect(formatTime('2026-03-02T09:00:00Z', 'en')).toMatch(/2 Mar 2026.*09:00 UTC$/);
    expect(formatTime('2026-03-02T09:00:00Z', 'ko')).toMatch(/^2026\. 3\. 2\..*UTC$/);
    expect(formatTime('not a date', 'en')).toBe('not a date');
  });

  it('names the credential report file after the account and the time', () => {
    expect(credentialReportFileName(A, new Date('2026-03-02T09:05:07.123Z'))).toBe(`credential-report_${A}_20260302T090507Z.csv`);
  });
});
