import { describe, expect, it } from 'vitest';
import { nodeServiceCatalogue } from '../../../engine/data/nodeServiceData';
import { ServiceCatalogue } from '../../../engine/data/serviceData';
import type { ScenarioJson } from '../../../engine/scenario/types';
import { editorDocsEn } from '../../i18n/areas/editor.docs.en';
import { editorDocsKo } from '../../i18n/areas/editor.docs.ko';
import { allOperatorNames, completionItems } from './items';
import { completionRequest, statementActions } from './request';
import { loadCompletionSources, prefixOf } from './sources';
import { worldNames } from './worldNames';

const catalogue = nodeServiceCatalogue();

const world: ScenarioJson = {
  format: 'iam-playground/scenario',
  version: 1,
  accounts: [
    {
      id: '111111111111',
      alias: 'acme',
      users: [{ name: 'alice' }],
      roles: [{ name: 'Auditor', path: '/audit/', trustPolicy: {} }],
      resources: [{ arn: 'arn:aws:s3:::acme-reports' }],
    },
  ],
} as ScenarioJson;

function at(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

async function complete(marked: string, docs = editorDocsEn) {
  const [text, offset] = at(marked);
  const request = completionRequest(text, offset);
  if (request === undefined) return undefined;
  const sources = await loadCompletionSources(catalogue, request, text, worldNames(world));
  return { request, items: completionItems(request, sources, docs) };
}

const labels = (r: Awaited<ReturnType<typeof complete>>): string[] => r?.items.map((i) => i.label) ?? [];

describe('completionRequest', () => {
  it('knows what is typed where, and the range a completion replaces', () => {
    const [text, offset] = at('{"Statement": {"Action": "s3:Ge|t"}}');
    const request = completionRequest(text, offset);
    expect(request?.target).toEqual({ kind: 'action' });
    expect(request?.typed).toBe('s3:Ge');
    expect(request?.quoted).toBe(true);
    expect(text.slice(request?.range.start, request?.range.end)).toBe('s3:Get');
  });

  it('completes nothing outside the policy language (a Sid, the Version)', () => {
    expect(completionRequest(...at('{"Statement": {"Sid": "Re|"}}'))).toBeUndefined();
    expect(completionRequest(...at('{"Version": "|"}'))).toBeUndefined();
  });

  it('finds the actions of the statement a condition is in', () => {
    const text = '{"Statement": [{"Action": "ec2:RunInstances"}, {"Action": ["s3:GetObject", "s3:PutObject"], "Condition": {}}]}';
    expect(statementActions(text, ['Statement', 1])).toEqual(['s3:GetObject', 's3:PutObject']);
  });
});

describe('completion items', () => {
  it('first the service prefixes, each opening its actions next', async () => {
    const result = await complete('{"Statement": {"Action": "s|"}}');
    expect(labels(result)).toContain('s3:');
    expect(result?.items.find((i) => i.label === 's3:')).toMatchObject({ retrigger: true, detail: 'Amazon S3', insertText: 's3:' });
  });

  it('then the actions of the typed service, with access level and AWS description', async () => {
    const result = await complete('{"Statement": {"Action": "s3:Get|"}}');
    const get = result?.items.find((i) => i.label === 's3:GetObject');
    expect(get).toMatchObject({ kind: 'action', detail: 'Read', insertText: 's3:GetObject' });
    expect(get?.documentation).toContain('Access level');
    expect(labels(result)).toContain('s3:*');
    expect(labels(result)).not.toContain('ec2:RunInstances');
  });

  it('in Korean the fixed labels are Korean (AWS\'s description stays English)', async () => {
    const result = await complete('{"Statement": {"Action": "s3:|"}}', editorDocsKo);
    const get = result?.items.find((i) => i.label === 's3:GetObject');
    expect(get?.detail).toBe('읽기');
    expect(get?.documentation).toContain('액세스 수준');
  });

  it('outside a string a value is inserted with its quotes', async () => {
    const result = await complete('{"Statement": {"Resource": |}}');
    expect(result?.request.quoted).toBe(false);
    expect(result?.items.find((i) => i.label === 'arn:aws:s3:::acme-reports')?.insertText).toBe('"arn:aws:s3:::acme-reports"');
  });

  it('every condition operator, with IfExists and the set operators', async () => {
    const result = await complete('{"Statement": {"Condition": {"|"}}}');
    const names = labels(result);
    expect(names).toEqual(expect.arrayContaining(['StringEquals', 'StringLikeIfExists', 'ForAllValues:StringEquals', 'ForAnyValue:ArnLikeIfExists', 'Null', 'BinaryEquals']));
    expect(names).not.toContain('NullIfExists');
    expect(names).toHaveLength(allOperatorNames().length);
    expect(result?.items.find((i) => i.label === 'ForAnyValue:StringLike')?.documentation).toContain('at least one value');
  });

  it('condition keys: those of the statement\'s actions first, then the global keys', async () => {
    const result = await complete('{"Statement": {"Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"|": "x"}}}}');
    const names = labels(result);
    expect(names).toEqual(expect.arrayContaining(['s3:ExistingObjectTag/<key>', 'aws:SourceIp', 'aws:PrincipalTag/tag-key']));
    const first = [...(result?.items ?? [])].sort((a, b) => a.sortText.localeCompare(b.sortText))[0];
    expect(first?.label.startsWith('s3:')).toBe(true);
    // A tag key template is inserted up to its slash: the learner types the tag key.
    expect(result?.items.find((i) => i.label === 'aws:PrincipalTag/tag-key')?.insertText).toBe('aws:PrincipalTag/');
    expect(result?.items.find((i) => i.label === 'aws:SourceIp')?.documentation).toContain('public IP address');
  });

  it('a service prefix typed in a key offers every key of that service', async () => {
    const result = await complete('{"Statement": {"Action": "ec2:RunInstances", "Condition": {"StringEquals": {"kms:|": "x"}}}}');
    expect(labels(result)).toContain('kms:ViaService');
  });

  it('Bool and Null values are true or false', async () => {
    expect(labels(await complete('{"Statement": {"Condition": {"Bool": {"aws:SecureTransport": "|"}}}}'))).toEqual(['true', 'false']);
    expect(labels(await complete('{"Statement": {"Condition": {"StringEquals": {"aws:username": "|"}}}}'))).toEqual([]);
  });

  it('principals: the world\'s accounts, root users, users and roles; service principals for Service', async () => {
    const aws = labels(await complete('{"Statement": {"Principal": {"AWS": "|"}}}'));
    expect(aws).toEqual(expect.arrayContaining(['*', '111111111111', 'arn:aws:iam::111111111111:root', 'arn:aws:iam::111111111111:user/alice', 'arn:aws:iam::111111111111:role/audit/Auditor']));
    expect(aws).not.toContain('arn:aws:s3:::acme-reports');
    expect(labels(await complete('{"Statement": {"Principal": {"Service": "|"}}}'))).toContain('lambda.amazonaws.com');
    expect(labels(await complete('{"Statement": {"Principal": "|"}}'))).toEqual(['*']);
  });

  it('resources: the world\'s ARNs, an S3 bucket with its objects', async () => {
    const names = labels(await complete('{"Statement": {"Resource": ["|"]}}'));
    expect(names).toEqual(expect.arrayContaining(['*', 'arn:aws:s3:::acme-reports', 'arn:aws:s3:::acme-reports/*', 'arn:aws:iam::111111111111:user/alice']));
  });

  it('without service data (offline) actions complete to nothing rather than fail', async () => {
    const [text, offset] = at('{"Statement": {"Action": "s3:|"}}');
    const request = completionRequest(text, offset);
    if (request === undefined) throw new Error('an action is completed here');
    const offline = new ServiceCatalogue(() => Promise.reject(new Error('offline')));
    const sources = await loadCompletionSources(offline, request, text, []);
    expect(completionItems(request, sources, editorDocsEn)).toEqual([]);
  });

  it('prefixOf reads a literal service prefix only', () => {
    expect(prefixOf('S3:GetObject')).toBe('s3');
    expect(prefixOf('*:Get*')).toBeUndefined();
    expect(prefixOf('GetObject')).toBeUndefined();
  });
});
