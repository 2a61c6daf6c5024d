/**
 * The policy linter, `engine/cli/lint.ts`: every policy of a scenario or pack validated as
 * IAM Access Analyzer does (grammar and service data), each finding with the JSON path of
 * its policy in the file; exit 0 without error findings, 1 with one, 2 for an invalid file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, sharedExampleFiles } from './scenarioFiles';

const dir = mkdtempSync(join(tmpdir(), 'iam-lint-'));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

function lint(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'engine/cli/lint.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface Row {
  file: string;
  policy: string;
  kind: string;
  path: string;
  severity: string;
  code: string;
  message: string;
  params: Record<string, unknown>;
}

function rows(...args: string[]): { code: number | null; rows: Row[] } {
  const run = lint(...args, '--json');
  return { code: run.code, rows: JSON.parse(run.stdout) as Row[] };
}

const V = '2012-10-17';
const doc = (...statements: object[]) => ({ Version: V, Statement: statements });
const A = '111122223333';
const B = '444455556666';

const clean = {
  format: 'iam-playground/scenario', version: 1,
  accounts: [{
    id: A,
    users: [{ name: 'alice', inlinePolicies: { Read: doc({ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::data', 'arn:aws:s3:::data/*'] }) } }],
    resources: [{ arn: 'arn:aws:s3:::data' }],
  }],
};

const faulty = {
  format: 'iam-playground/scenario', version: 1,
  organization: {
    id: 'o-abcdefghij', managementAccount: A,
    units: [{ id: 'r-root', name: 'Root' }],
    accounts: [{ id: A, parent: 'r-root' }, { id: B, parent: 'r-root' }],
    policies: [
      { name: 'FullAWSAccess', type: 'SCP', targets: ['r-root'], document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) },
      { name: 'Perimeter', type: 'RCP', targets: ['r-root'], document: doc({ Effect: 'Deny', Principal: '*', Action: ['s3:*', 'ec2:*'], Resource: '*' }) },
    ],
  },
  accounts: [
    {
      id: A,
      policies: [{ name: 'Ops', document: doc({ Effect: 'Allow', Action: 'ec2:DescribeInstancess', Resource: '*' }) }],
      users: [{ name: 'alice', inlinePolicies: { 'Read data': doc({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::data/*' }) } }],
      roles: [{ name: 'Auditor', trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: B }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalTeam': 'audit' } } }) }],
      resources: [{ arn: 'arn:aws:s3:::data', policy: doc({ Effect: 'Allow', Principal: { AWS: B }, Action: ['s3:GetObject', 'kms:Decrypt'], Resource: 'arn:aws:s3:::data/*' }) }],
    },
    { id: B },
  ],
  requests: [{ id: 'r1', principal: `arn:aws:iam::${A}:user/alice`, action: 's3:GetObject', resource: 'arn:aws:s3:::data/a', session: { policy: doc({ Effect: 'Allow', Action: 's3:GetObjectt', Resource: '*' }) } }],
};

describe('npx tsx engine/cli/lint.ts', () => {
  it('exits 0 and counts the policies when no finding is an error', () => {
    const run = lint(file('clean.json', clean));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 policy: 0 errors, 0 security warnings, 0 warnings, 0 suggestions.');
  });

  it('exits 1 when a finding is an error, and prints each with the JSON path of its policy in the file, its class, code and message', () => {
    const path = file('faulty.json', faulty);
    const run = lint(path);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('$.accounts[0].policies[0].document.Statement[0].Action');
    expect(run.stdout).toContain('invalidActionDidYouMean: The action `ec2:DescribeInstancess` does not exist; did you mean `ec2:DescribeInstances`? Check the spelling.');
    expect(run.stdout).toMatch(/error +\$\.accounts\[0\]\.policies\[0\]\.document\.Statement\[0\]\.Action/);
  });

  it('lints every kind of policy of the world, as the kind it is used as', () => {
    const { code, rows: found } = rows(file('faulty.json', faulty));
    expect(code).toBe(1);
    const at = (p: string) => found.filter((r) => r.path.startsWith(p)).map((r) => [r.kind, r.code]).sort();
    expect(at('$.organization.policies[1]')).toEqual([['rcp', 'rcpServiceNotSupported']]);
    expect(at('$.organization.policies[0]')).toEqual([]);
    expect(at('$.accounts[0].policies[0]')).toEqual([['identity', 'invalidActionDidYouMean']]);
    expect(at('$.accounts[0].users[0].inlinePolicies["Read data"]')).toEqual([['identity', 'actionResourceMismatch']]);
    expect(at('$.accounts[0].roles[0].trustPolicy')).toEqual([['trust', 'invalidGlobalConditionKey']]);
    // A bucket policy may name only S3 actions (Access Analyzer's "Unsupported action in policy").
    expect(at('$.accounts[0].resources[0].policy')).toEqual([['resource', 'actionResourceMismatch'], ['resource', 'unsupportedActionInPolicy']]);
    expect(at('$.requests[0].session.policy')).toEqual([['session', 'invalidActionDidYouMean']]);
    const row = found.find((r) => r.code === 'rcpServiceNotSupported');
    expect(row).toEqual({
      file: expect.any(String), policy: '$.organization.policies[1].document', kind: 'rcp',
      path: '$.organization.policies[1].document.Statement[0].Action', severity: 'error', code: 'rcpServiceNotSupported',
      message: expect.stringContaining('`ec2`'), params: { service: 'ec2', action: 'ec2:*' },
    });
  });

  it('reports grammar findings too, and checks the inline policies of an entity against their shared quota', () => {
    const big = { Effect: 'Allow', Action: 's3:GetObject', Resource: Array.from({ length: 40 }, (_, i) => `arn:aws:s3:::bucket-number-${i}/*`) };
    const scenario = { ...clean, accounts: [{ id: A, users: [{ name: 'alice', inlinePolicies: { One: doc(big), Two: { Statement: [big] } } }] }] };
    const { code, rows: found } = rows(file('quota.json', scenario));
    expect(code).toBe(1);
    expect(found.map((r) => [r.path, r.code])).toEqual([
      ['$.accounts[0].users[0].inlinePolicies.Two', 'missingVersion'],
      ['$.accounts[0].users[0].inlinePolicies', 'policySizeExceeded'],
    ]);
  });

  it('lints every exercise of a pack and its reference solution', () => {
    const exercise = {
      ...clean,
      exercise: {
        id: 'read', task: 'Let alice read data.',
        goals: [{ request: { principal: `arn:aws:iam::${A}:user/alice`, action: 's3:GetObject', resource: 'arn:aws:s3:::data/a' }, expect: 'allowed' }],
        solution: { accounts: [{ id: A, users: [{ name: 'alice', inlinePolicies: { Read: doc({ Effect: 'Allow', Action: 's3:GetObjekt', Resource: 'arn:aws:s3:::data/*' }) } }] }] },
      },
    };
    const pack = { format: 'iam-playground/pack', version: 1, id: 'p', exercises: [exercise] };
    const { code, rows: found } = rows(file('pack.json', pack));
    expect(code).toBe(1);
    expect(found.map((r) => [r.path, r.code])).toEqual([['$.exercises[0].exercise.solution.accounts[0].users[0].inlinePolicies.Read.Statement[0].Action', 'invalidActionDidYouMean']]);
  });

  it('exits 2 for a file that is not a valid scenario, naming the file and the JSON path', () => {
    const invalid = file('invalid.json', { ...clean, accounts: [{ id: '42' }] });
    const run = lint(invalid);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`${invalid}: $.accounts[0].id:`);
    expect(lint(file('notjson.json', '{ nope')).code).toBe(2);
    expect(lint(join(dir, 'missing.json')).code).toBe(2);
  });

  it('exits 2 with a usage line when no file is given or an option is unknown', () => {
    for (const args of [[], ['--fast', file('clean.json', clean)]]) {
      const run = lint(...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Usage');
    }
  });

  const examples = sharedExampleFiles();
  it.runIf(examples.length > 0)('finds no error in the shared example scenarios and packs', () => {
    const { code, rows: found } = rows(...examples);
    expect(found.filter((r) => r.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
  });
});
