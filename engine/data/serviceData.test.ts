import { describe, expect, it } from 'vitest';
import type { FetchLike } from './fetchLike';
import { nodeIamDataReader, nodeServiceCatalogue } from './nodeServiceData';
import { fetchIamDataReader, fetchServiceCatalogue, ServiceCatalogue } from './serviceData';

describe('the IAM service catalogue (Node)', async () => {
  const catalogue = nodeServiceCatalogue();
  await catalogue.loadIndex();

  it('lists services with their names', () => {
    expect(catalogue.services().length).toBeGreaterThan(300);
    expect(catalogue.services()).toContainEqual({ prefix: 's3', name: 'Amazon S3' });
    expect(catalogue.hasService('S3')).toBe(true);
  });

  it('loads a service on demand and knows its actions', async () => {
    // A catalogue of its own: the process-wide one may have loaded s3 for another test file.
    const fresh = new ServiceCatalogue(nodeIamDataReader());
    await fresh.loadIndex();
    expect(fresh.lookupAction('s3', 'GetObject')).toEqual({ kind: 'notLoaded', service: 's3' });
    const s3 = await fresh.loadServiceData('s3');
    expect(s3?.name).toBe('Amazon S3');
    expect(fresh.isKnownAction('s3', 'GetObject')).toBe(true);
    expect(fresh.isKnownAction('S3', 'getobject')).toBe(true); // case-insensitive, like IAM
    expect(fresh.isKnownAction('s3', 'GetObjectt')).toBe(false);
    const info = fresh.lookupAction('s3', 'GetObject');
    expect(info.kind === 'known' && info.action).toMatchObject({ service: 's3', name: 'GetObject', accessLevels: ['Read'], wildcardOnly: false });
  });

  it('suggests the nearest action and service for typos', async () => {
    await catalogue.loadServiceData('s3');
    expect(catalogue.lookupAction('s3', 'GetObjectt')).toMatchObject({ kind: 'unknownAction', suggestions: ['s3:GetObject'] });
    expect(catalogue.lookupAction('s4', 'GetObject')).toMatchObject({ kind: 'unknownService', service: 's4' });
    const lookup = catalogue.lookupAction('s4', 'GetObject');
    expect(lookup.kind === 'unknownService' && lookup.suggestions).toContain('s3');
    await expect(catalogue.loadServiceData('nosuchservice')).resolves.toBeUndefined();
  });

  it('lists the condition keys of an action: s3:GetObject has no s3:prefix, s3:ListBucket has', async () => {
    await catalogue.loadServiceData('s3');
    const getObject = catalogue.conditionKeysForAction('s3', 'GetObject')?.map((k) => k.key);
    expect(getObject).toContain('s3:ExistingObjectTag/<key>');
    expect(getObject).not.toContain('s3:prefix');
    const listBucket = catalogue.conditionKeysForAction('s3', 'ListBucket');
    expect(listBucket).toContainEqual(expect.objectContaining({ key: 's3:prefix', type: 'String' }));
    expect(catalogue.conditionKeysForAction('s3', 'NoSuchAction')).toBeUndefined();
  });

  it('knows the global condition keys and their types', () => {
    const globals = catalogue.globalConditionKeys();
    expect(globals).toContainEqual(expect.objectContaining({ key: 'aws:SourceIp', type: 'IPAddress', category: 'network' }));
    expect(globals.map((k) => k.key)).toEqual(expect.arrayContaining(['aws:PrincipalArn', 'aws:SecureTransport', 'aws:PrincipalTag/tag-key']));
  });

  it('resolves concrete condition keys against templates', async () => {
    await Promise.all([catalogue.loadServiceData('s3'), catalogue.loadServiceData('sts')]);
    expect(catalogue.conditionKey('AWS:sourceip')?.type).toBe('IPAddress');
    expect(catalogue.conditionKey('aws:PrincipalTag/team')?.key).toBe('aws:PrincipalTag/tag-key');
    expect(catalogue.conditionKey('s3:ExistingObjectTag/Project')?.key).toBe('s3:ExistingObjectTag/<key>');
    expect(catalogue.conditionKey('s3:prefix')?.type).toBe('String');
    expect(catalogue.servicesForConditionKey('saml:aud')).toEqual(['sts']);
    expect(catalogue.conditionKey('saml:aud')?.key).toBe('saml:aud');
    expect(catalogue.conditionKey('s3:NoSuchKey')).toBeUndefined();
    expect(catalogue.conditionKey('constructor:x')).toBeUndefined();
    expect(catalogue.conditionKey('no-colon')).toBeUndefined();
  });

  it('completes action patterns over the loaded services', async () => {
    await catalogue.loadServicesForActions(['s3:GetObject', 'iam:*', '*:List*', 'nosuch:Foo']);
    const names = catalogue.actionsMatching('s3:GetObject*').map((a) => `${a.service}:${a.name}`);
    expect(names).toContain('s3:GetObject');
    expect(names).toContain('s3:GetObjectAcl');
    expect(names.every((n) => n.startsWith('s3:GetObject'))).toBe(true);
    expect(catalogue.actionsMatching('S3:getobject').map((a) => a.name)).toEqual(['GetObject']);
    expect(catalogue.actionsMatching('iam:Get?ser').map((a) => a.name)).toEqual(['GetUser']);
    expect(catalogue.actionsMatching('*').length).toBeGreaterThan(catalogue.actionsMatching('s3:*').length);
    expect(catalogue.actionsMatching('no colon')).toEqual([]);
  });
});

describe('the IAM service catalogue over fetch', () => {
  /** Serves the package's files at `/app/data/iam-data/…`, counting requests. */
  function packageFetch(calls: string[]): FetchLike {
    const read = nodeIamDataReader();
    return async (url) => {
      calls.push(url);
      const prefix = '/app/data/iam-data/';
      const body = url.startsWith(prefix) ? await read(url.slice(prefix.length)) : undefined;
      return body === undefined
        ? { ok: false, status: 404, json: async () => ({}) }
        : { ok: true, status: 200, json: async () => body };
    };
  }

  it('fetches the index once and three files per service, sharing concurrent loads', async () => {
    const calls: string[] = [];
    const catalogue = fetchServiceCatalogue('/app/data/', packageFetch(calls));
    const [a, b] = await Promise.all([catalogue.loadServiceData('s3'), catalogue.loadServiceData('S3')]);
    expect(a).toBe(b);
    await catalogue.loadServiceData('s3');
    expect(calls.sort()).toEqual([
      '/app/data/iam-data/actions/s3.json',
      '/app/data/iam-data/conditionKeys/s3.json',
      '/app/data/iam-data/conditionPatterns.json',
      '/app/data/iam-data/globalConditionKeys.json',
      '/app/data/iam-data/resourceTypes/s3.json',
      '/app/data/iam-data/serviceNames.json',
      '/app/data/iam-data/unassociatedConditions.json',
    ]);
    expect(catalogue.isKnownAction('s3', 'GetObject')).toBe(true);
    expect(catalogue.loadedService('s3')?.resourceTypes.get('object')?.arnFormat).toBe('arn:${Partition}:s3:::${BucketName}/${ObjectName}');
  });

  it('asks for loading before answering, and retries a failed index load', async () => {
    let fail = true;
    const flaky: FetchLike = async (url) => {
      if (fail) return { ok: false, status: 503, json: async () => ({}) };
      return packageFetch([])(url);
    };
    const catalogue = new ServiceCatalogue(fetchIamDataReader('/app/data/', flaky));
    expect(() => catalogue.services()).toThrow(/loadIndex/);
    await expect(catalogue.loadIndex()).rejects.toThrow(/HTTP 503/);
    fail = false;
    await catalogue.loadIndex();
    expect(catalogue.hasService('ec2')).toBe(true);
  });
});

