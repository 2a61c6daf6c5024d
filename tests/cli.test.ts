/**
 * `npm run check` as ../shared/scenario-format.md specifies it: the text and `--json`
 * outputs, and the exit status (0 all hold, 1 some expectation fails, 2 invalid file).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './scenarioFiles';

const dir = mkdtempSync(join(tmpdir(), 'iam-cli-'));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function check(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'engine/cli/check.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const world = {
  format: 'iam-playground/scenario', version: 1,
  accounts: [{
    id: '111122223333',
    users: [{ name: 'alice', inlinePolicies: { Read: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/*' }] } } }],
    resources: [{ arn: 'arn:aws:s3:::data' }],
  }],
};
const alice = 'arn:aws:iam::111122223333:user/alice';

describe('npm run check', () => {
  const good = file('good.json', { ...world, requests: [
    { id: 'read', principal: alice, action: 's3:GetObject', resource: 'arn:aws:s3:::data/a', expect: 'allowed' },
    { id: 'write', principal: alice, action: 's3:PutObject', resource: 'arn:aws:s3:::data/a', expect: 'implicitDeny' },
    { id: 'unchecked', principal: alice, action: 's3:DeleteObject', resource: 'arn:aws:s3:::data/a' },
  ] });
  const wrong = file('wrong.json', { ...world, requests: [{ id: 'read', principal: alice, action: 's3:PutObject', resource: 'arn:aws:s3:::data/a', expect: 'allowed' }] });
  const invalid = file('invalid.json', { ...world, accounts: [{ id: '42' }] });

  it('exits 0 when every expectation holds, and prints the reason of every denial in AWS words', () => {
    const run = check(good);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('read');
    expect(run.stdout).toContain('because no identity-based policy allows the s3:PutObject action');
  });

  it('exits 1 when an expectation does not hold', () => {
    const run = check(good, wrong);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL.*read.*implicitDeny.*expected allowed/);
  });

  it('exits 2 for a file that is not a valid scenario, naming the file and the JSON path, and judges nothing in it', () => {
    const run = check(good, invalid);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`${invalid}: $.accounts[0].id:`);
    expect(run.stdout).toContain('12 digits');
  });

  it('--json prints one array with an object per request, query and exercise', () => {
    const run = check(good, join(repoRoot, '..', 'shared', 'examples', 'queries', '01-who-can-read.json'), '--json');
    const rows = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(rows[0]).toEqual({ file: good, id: 'read', decision: 'allowed', expected: 'allowed', ok: true, reason: expect.any(String) });
    expect(rows[2]).toMatchObject({ id: 'unchecked', decision: 'implicitDeny', expected: null, ok: true });
    const query = rows.find((r) => r['id'] === 'payroll-readers');
    if (query) expect(Object.keys(query).sort()).toEqual(['expected', 'file', 'id', 'ok', 'principals']);
  });

  it('exits 2 with a usage line when no file is given', () => {
    const run = check();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage');
  });
});

describe('npm run check with the simulated IAM API', () => {
  const A = '111122223333';
  const allow = (action: string | string[], resource = '*') => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] });
  const dev = `arn:aws:iam::${A}:user/dev`;
  const attackWorld = {
    format: 'iam-playground/scenario', version: 1, now: '2026-03-01T12:00:00Z',
    accounts: [{
      id: A,
      policies: [{ name: 'SelfService', document: allow('iam:CreatePolicyVersion', `arn:aws:iam::${A}:policy/SelfService`) }],
      users: [{ name: 'dev', managedPolicies: ['SelfService'] }],
      resources: [{ arn: 'arn:aws:s3:::secret' }],
    }],
  };
  const read = { principal: dev, action: 's3:GetObject', resource: 'arn:aws:s3:::secret/plans.txt' };
  const escalate = { principal: dev, action: 'iam:CreatePolicyVersion', resource: `arn:aws:iam::${A}:policy/SelfService`, params: { PolicyDocument: allow('*'), SetAsDefault: true } };

  it('applies IAM writes of requests[] in file order, and says so on the line', () => {
    const scripted = file('attack.json', { ...attackWorld, requests: [
      { id: 'before', ...read, expect: 'implicitDeny' },
      { id: 'escalate', ...escalate, expect: 'allowed' },
      { id: 'after', ...read, expect: 'allowed' },
    ] });
    const run = check(scripted);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/escalate\s+allowed\s+applied: iam:CreatePolicyVersion \(apiCreatedPolicyVersion\)/);
  });

  it('plays a solution\'s steps as the performed requests, and judges noneAllowed with the IAM service data', () => {
    const exercise = file('exercise.json', {
      ...attackWorld,
      exercise: {
        id: 'escalate', task: { en: 'Read the secret.', ko: '비밀을 읽으세요.' },
        goals: [
          { performed: { action: 's3:GetObject', resource: 'arn:aws:s3:::secret/*', principal: dev }, label: 'Read the secret' },
          { whoCan: { action: 's3:GetObject', resource: 'arn:aws:s3:::secret/plans.txt' }, includes: [dev] },
        ],
        solution: { steps: [escalate, read] },
      },
    });
    const run = check(exercise, '--json');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([{ file: exercise, exercise: 'escalate', start: { met: 0, of: 2 }, solution: { met: 2, of: 2 }, ok: true }]);

    const locked = file('locked.json', {
      ...attackWorld,
      exercise: {
        id: 'lock-down', task: 'Let dev change no IAM policy.', worldLocked: false,
        goals: [{ noneAllowed: { principal: dev, actions: ['iam:*PolicyVersion'], resources: [`arn:aws:iam::${A}:policy/*`] } }],
        solution: { accounts: [{ ...attackWorld.accounts[0], users: [{ name: 'dev' }] }] },
      },
    });
    const text = check(locked);
    expect(text.code, text.stdout).toBe(0);
    expect(text.stdout).toMatch(/exercise lock-down\s+start meets 0\/1 goals, solution meets 1\/1/);
  });

  it('exits 2 for an IAM write whose params have the wrong type, naming the JSON path', () => {
    const bad = file('bad-params.json', { ...attackWorld, requests: [{ id: 'x', ...escalate, params: { PolicyDocument: allow('*'), SetAsDefault: 'yes' } }] });
    const run = check(bad);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`${bad}: $.requests[0].params.SetAsDefault:`);
  });
});
