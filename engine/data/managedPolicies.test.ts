import { describe, expect, it } from 'vitest';
import type { FetchLike } from './fetchLike';
import {
  fetchManagedPolicies,
  fetchManagedPolicyIndex,
  isAwsManagedPolicyArn,
  managedPolicyFileName,
  managedPolicySourceFrom,
  parseAwsManagedPolicyArn,
  type ManagedPolicyRecord,
} from './managedPolicies';

const lambdaBasic: ManagedPolicyRecord = {
  arn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
  name: 'AWSLambdaBasicExecutionRole',
  path: '/service-role/',
  versionId: 'v1',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: 'arn:aws:logs:*:*:*' }] },
};
const admin: ManagedPolicyRecord = {
  arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
  name: 'AdministratorAccess',
  path: '/',
  versionId: 'v1',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
};

/** A fake fetch over a map of URL → JSON body, recording every URL asked for. */
function fakeFetch(files: Record<string, unknown>, calls: string[] = []): FetchLike {
  return async (url) => {
    calls.push(url);
    if (url in files) return { ok: true, status: 200, json: async () => files[url] };
    return { ok: false, status: 404, json: async () => ({}) };
  };
}

describe('AWS managed policy ARNs', () => {
  it.each([
    ['arn:aws:iam::aws:policy/AdministratorAccess', true],
    ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', true],
    ['arn:aws:iam::aws:policy/aws-service-role/a/b/Name', true],
    ['arn:aws-cn:iam::aws:policy/ReadOnlyAccess', true],
    ['arn:aws-us-gov:iam::aws:policy/job-function/ViewOnlyAccess', true],
    ['arn:aws-iso-b:iam::aws:policy/ReadOnlyAccess', true],
    ['arn:aws:iam::123456789012:policy/MyPolicy', false], // customer managed
    ['arn:aws:iam::aws:policy/', false],
    ['arn:aws:iam::aws:role/AdministratorAccess', false],
    ['arn:aws:iam::aws:policy/service-role/', false],
    ['AdministratorAccess', false],
  ])('%s → %s', (arn, expected) => {
    expect(isAwsManagedPolicyArn(arn)).toBe(expected);
  });

  it('splits partition, path and name', () => {
    expect(parseAwsManagedPolicyArn('arn:aws-cn:iam::aws:policy/service-role/X')).toEqual({
      partition: 'aws-cn',
      path: '/service-role/',
      name: 'X',
    });
    expect(parseAwsManagedPolicyArn('arn:aws:iam::aws:policy/X')?.path).toBe('/');
  });

  it('names files by policy name, escaping what is not [A-Za-z0-9_-]', () => {
    expect(managedPolicyFileName('AWSLambdaBasicExecutionRole')).toBe('AWSLambdaBasicExecutionRole.json');
    expect(managedPolicyFileName('AWSMarketplaceRead-only')).toBe('AWSMarketplaceRead-only.json');
    expect(managedPolicyFileName('a.b+c@d')).toBe('a~2Eb~2Bc~40d.json');
  });
});

describe('managedPolicySourceFrom', () => {
  const source = managedPolicySourceFrom([lambdaBasic, admin]);

  it('resolves by exact ARN', () => {
    expect(source.get(admin.arn)).toBe(admin);
    expect(source.get(lambdaBasic.arn)).toBe(lambdaBasic);
  });

  it('gives undefined for another path, another case, or an unknown name', () => {
    expect(source.get('arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole')).toBeUndefined();
    expect(source.get('arn:aws:iam::aws:policy/administratoraccess')).toBeUndefined();
    expect(source.get('arn:aws:iam::aws:policy/NoSuchPolicy')).toBeUndefined();
    expect(source.get('arn:aws:iam::123456789012:policy/AdministratorAccess')).toBeUndefined();
  });

  it('resolves another partition with the ARNs of the document in that partition', () => {
    const cn = source.get('arn:aws-cn:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole');
    expect(cn?.arn).toBe('arn:aws-cn:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole');
    expect(JSON.stringify(cn?.document)).toContain('"arn:aws-cn:logs:*:*:*"');
    expect(source.get(cn?.arn as string)).toBe(cn); // cached
  });

  it('never answers an aws ARN with a record of another partition', () => {
    const cnOnly = managedPolicySourceFrom([{ ...admin, arn: 'arn:aws-cn:iam::aws:policy/AdministratorAccess' }]);
    expect(cnOnly.get('arn:aws-cn:iam::aws:policy/AdministratorAccess')?.name).toBe('AdministratorAccess');
    expect(cnOnly.get(admin.arn)).toBeUndefined();
  });
});

describe('fetchManagedPolicies', () => {
  const base = '/sub/data/';
  const files = {
    '/sub/data/managed-policies/AWSLambdaBasicExecutionRole.json': lambdaBasic,
    '/sub/data/managed-policies/AdministratorAccess.json': admin,
  };

  it('fetches one file per policy and reports the rest as unknown', async () => {
    const calls: string[] = [];
    const result = await fetchManagedPolicies(
      [admin.arn, lambdaBasic.arn, admin.arn, 'arn:aws:iam::aws:policy/NoSuch', 'arn:aws:iam::111122223333:policy/Mine'],
      base,
      fakeFetch(files, calls),
    );
    expect(result.records).toEqual([admin, lambdaBasic]);
    expect(result.unknown).toEqual(['arn:aws:iam::aws:policy/NoSuch', 'arn:aws:iam::111122223333:policy/Mine']);
    expect(calls.sort()).toEqual([
      '/sub/data/managed-policies/AWSLambdaBasicExecutionRole.json',
      '/sub/data/managed-policies/AdministratorAccess.json',
      '/sub/data/managed-policies/NoSuch.json',
    ]);
  });

  it('treats the right name under the wrong path as unknown', async () => {
    const result = await fetchManagedPolicies(['arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole'], base, fakeFetch(files));
    expect(result).toEqual({ records: [], unknown: ['arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole'] });
  });

  it('accepts a base URL without a trailing slash and other partitions', async () => {
    const result = await fetchManagedPolicies(['arn:aws-us-gov:iam::aws:policy/AdministratorAccess'], '/sub/data', fakeFetch(files));
    expect(result.records.map((r) => r.arn)).toEqual(['arn:aws-us-gov:iam::aws:policy/AdministratorAccess']);
  });

  it('rejects on a server error or an HTML answer, naming the URL', async () => {
    const failing: FetchLike = async () => ({ ok: false, status: 500, json: async () => ({}) });
    await expect(fetchManagedPolicies([admin.arn], base, failing)).rejects.toThrow(/AdministratorAccess\.json.*HTTP 500/);
    const html: FetchLike = async () => ({ ok: true, status: 200, json: async () => JSON.parse('<!doctype html>') as unknown });
    await expect(fetchManagedPolicies([admin.arn], base, html)).rejects.toThrow(/index\.html/);
  });

  it('reads the index', async () => {
    const index = { format: 1, policies: [{ name: admin.name, arn: admin.arn, path: '/', versionId: 'v1' }] };
    await expect(fetchManagedPolicyIndex(base, fakeFetch({ '/sub/data/managed-policies/index.json': index }))).resolves.toEqual(index.policies);
    await expect(fetchManagedPolicyIndex(base, fakeFetch({}))).rejects.toThrow(/index\.json.*missing/);
  });
});
