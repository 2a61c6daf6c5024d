import { describe, expect, it } from 'vitest';
import { nodeServiceCatalogue } from '../../../engine/data/nodeServiceData';
import { editorDocsEn } from '../../i18n/areas/editor.docs.en';
import { editorDocsKo } from '../../i18n/areas/editor.docs.ko';
import { hoverAt, hoverText } from './hover';
import { loadHoverSources } from './sources';
import type { WorldName } from './worldNames';

const catalogue = nodeServiceCatalogue();
const world: WorldName[] = [{ value: 'arn:aws:iam::111111111111:user/alice', kind: 'user', label: 'alice' }];

const policy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111111111111:user/alice"},
      "Action": ["s3:GetObject", "s3:List*"],
      "Resource": "*",
      "Condition": {"ForAnyValue:StringLikeIfExists": {"aws:TagKeys": "team"}, "StringEquals": {"s3:prefix": "home/"}}
    }
  ]
}`;

async function hover(word: string, docs = editorDocsEn, nth = 0): Promise<string | undefined> {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = policy.indexOf(word, offset + 1);
  const found = hoverAt(policy, offset + 1);
  if (found === undefined) return undefined;
  return hoverText(found.target, await loadHoverSources(catalogue, found.target, world), docs);
}

describe('hover documentation', () => {
  it('explains policy elements in the UI language', async () => {
    expect(await hover('"Effect"')).toContain('"Allow" or "Deny"');
    expect(await hover('"Effect"', editorDocsKo)).toContain('명시적 거부');
    expect(await hover('"Version"')).toContain('Policy element');
    expect(await hover('"Condition"', editorDocsKo)).toContain('정책 요소');
  });

  it('explains values of Effect and Version, and principal types', async () => {
    expect(await hover('"Allow"')).toContain('explicit Deny');
    expect(await hover('"2012-10-17"')).toContain('policy variables');
    expect(await hover('"AWS"')).toContain('Principal type');
  });

  it('explains an action from the IAM service data: description, access level, resource types, condition keys', async () => {
    const text = await hover('"s3:GetObject"');
    expect(text).toContain('Access level:** Read');
    expect(text).toContain('Resource types:** `accesspointobject`, `object`');
    expect(text).toContain('s3:ExistingObjectTag');
    const ko = await hover('"s3:GetObject"', editorDocsKo);
    expect(ko).toContain('액세스 수준:** 읽기');
    // AWS's own description stays in English.
    expect(ko).toMatch(/Grants permission/);
  });

  it('marks the resource types an action requires', async () => {
    const target = { kind: 'action' as const, name: 'iam:CreateUser' };
    expect(hoverText(target, await loadHoverSources(catalogue, target, []), editorDocsEn)).toContain('`user` (required)');
  });

  it('lists what a wildcard action matches', async () => {
    expect(await hover('"s3:List*"')).toMatch(/s3:ListBucket`/);
  });

  it('explains an operator with its IfExists and set operator parts', async () => {
    const text = await hover('"ForAnyValue:StringLikeIfExists"');
    expect(text).toContain('wildcards');
    expect(text).toContain('IfExists');
    expect(text).toContain('ForAnyValue');
  });

  it('explains global keys in the UI language and service keys from the data', async () => {
    expect(await hover('"aws:TagKeys"', editorDocsKo)).toContain('다중 값');
    const s3 = await hover('"s3:prefix"');
    expect(s3).toContain('Condition key of s3');
    expect(s3).toContain('From the AWS Service Authorization Reference');
  });

  it('names an ARN of the world', async () => {
    expect(await hover('"arn:aws:iam::111111111111:user/alice"')).toContain('alice');
  });

  it('says nothing about an unknown action or a plain string', async () => {
    expect(hoverText({ kind: 'action', name: 's3:NoSuchAction' }, await loadHoverSources(catalogue, { kind: 'action', name: 's3:NoSuchAction' }, []), editorDocsEn)).toBeUndefined();
    expect(hoverAt('{"Statement": {"Sid": "x"}}', 24)).toBeUndefined();
  });
});
