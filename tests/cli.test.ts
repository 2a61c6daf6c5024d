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
