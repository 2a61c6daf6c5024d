import { describe, expect, it } from 'vitest';
import { latestManagedPolicies, loadManagedPolicySourceNode } from './nodeManagedPolicies';

describe('AWS managed policies from the installed package', () => {
  const source = loadManagedPolicySourceNode();

  it('resolves AdministratorAccess', () => {
    const admin = source.get('arn:aws:iam::aws:policy/AdministratorAccess');
    expect(admin).toMatchObject({ name: 'AdministratorAccess', path: '/' });
    expect(admin?.versionId).toMatch(/^v\d+$/);
    expect(admin?.document).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
  });

  it('resolves ReadOnlyAccess', () => {
    const readOnly = source.get('arn:aws:iam::aws:policy/ReadOnlyAccess');
    expect(readOnly?.name).toBe('ReadOnlyAccess');
    expect(JSON.stringify(readOnly?.document)).toContain('s3:Get');
  });

  it('resolves policies under a path', () => {
    const lambda = source.get('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole');
    expect(lambda).toMatchObject({ name: 'AWSLambdaBasicExecutionRole', path: '/service-role/' });
    expect(JSON.stringify(lambda?.document)).toContain('logs:PutLogEvents');
    expect(source.get('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess')?.path).toBe('/job-function/');
  });

  it('gives undefined for unknown ARNs and wrong paths', () => {
    expect(source.get('arn:aws:iam::aws:policy/NoSuchPolicy')).toBeUndefined();
    expect(source.get('arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole')).toBeUndefined();
    expect(source.get('arn:aws:iam::123456789012:policy/AdministratorAccess')).toBeUndefined();
    expect(source.get('not an arn')).toBeUndefined();
  });

  it('holds only the latest version of each policy, with unique names', () => {
    const records = latestManagedPolicies();
    expect(records.length).toBeGreaterThan(1000);
    expect(new Set(records.map((r) => r.name.toLowerCase())).size).toBe(records.length);
    for (const r of records) expect(r.arn).toBe(`arn:aws:iam::aws:policy${r.path}${r.name}`);
  });
});
