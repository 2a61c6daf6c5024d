import { describe, expect, it } from 'vitest';
import { nodeServiceCatalogue } from '../data/nodeServiceData';
import type { FetchLike } from '../data/fetchLike';
import { ServiceCatalogue } from '../data/serviceData';
import { POLICY_FINDING_CODES } from './findingCodes';
import type { PolicyKind } from './types';
import { validatePolicyText, type EditorFinding, type QuickFix } from './validateText';

const catalogue = nodeServiceCatalogue();

/** Applies a fix's edits (from the end, so earlier offsets stay valid). */
function apply(text: string, fix: QuickFix): string {
  return [...fix.edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
}

async function findings(text: string, kind: PolicyKind = 'identity'): Promise<readonly EditorFinding[]> {
  return validatePolicyText(text, kind, { catalogue });
}

const statement = (body: string): string => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n${body}\n    }\n  ]\n}`;
const allow = (extra = ''): string => statement(`      "Effect": "Allow",\n      "Action": "s3:GetObject",\n      "Resource": "*"${extra}`);

describe('validatePolicyText', () => {
  it('a valid policy has no finding', async () => {
    expect(await findings(allow())).toEqual([]);
  });

  it('findings carry the span of the text at fault, in text order', async () => {
    const text = statement(`      "Effect": "Allow",\n      "Action": ["s3:GetObjekt", "ec2:DescribeInstances"],\n      "Resource": "*",\n      "Condition": {"StringEquals": {"aws:usrname": "a"}}`);
    const found = await findings(text);
    expect(found.map((f) => [f.code, text.slice(f.span.start, f.span.end)])).toEqual([
      ['invalidActionDidYouMean', '"s3:GetObjekt"'],
      ['invalidGlobalConditionKey', '"aws:usrname"'],
    ]);
    expect(found[0]?.severity).toBe('error');
  });

  it('invalid JSON is one error at the place the parser stopped', async () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n}';
    const found = await findings(text);
    expect(found.map((f) => f.code)).toEqual(['jsonSyntaxError']);
    expect(found[0]?.span.start).toBe(text.lastIndexOf('}'));
  });

  it('the size quota of the kind is checked (a trust policy: 2,048 characters without white space)', async () => {
    const sids = Array.from({ length: 60 }, (_, i) => `{"Sid": "S${i}", "Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sts:AssumeRole"}`);
    const text = `{"Version": "2012-10-17", "Statement": [${sids.join(', ')}]}`;
    expect((await findings(text, 'trust')).map((f) => f.code)).toContain('policySizeExceeded');
  });

  it('a trust policy requires Principal; an identity policy forbids it (IAM JSON policy grammar)', async () => {
    expect((await findings(allow(), 'trust')).map((f) => f.code)).toEqual(expect.arrayContaining(['missingPrincipal', 'resourceNotSupported']));
    const withPrincipal = allow(',\n      "Principal": {"AWS": "111122223333"}');
    expect((await findings(withPrincipal, 'identity')).map((f) => f.code)).toContain('principalNotSupported');
  });

  it('without service data the service checks are skipped, and a failing fetch skips them too', async () => {
    const text = statement('      "Effect": "Allow",\n      "Action": "s3:GetObjekt",\n      "Resource": "*"');
    expect(await validatePolicyText(text, 'identity')).toEqual([]);
    const offline: FetchLike = () => Promise.reject(new Error('offline'));
    expect(await validatePolicyText(text, 'identity', { catalogue: new ServiceCatalogue(() => offline('x')) })).toEqual([]);
  });

  it('every finding code it can give is a code of the table (the UI translates each)', async () => {
    const text = statement('      "Effect": "allow",\n      "Action": "s3:GetObjekt"');
    for (const f of await findings(text)) expect(Object.keys(POLICY_FINDING_CODES)).toContain(f.code);
  });
});

/**
 * [the finding, the kind, the text, the text the fix makes]: applied, the fix removes the
 * finding and leaves JSON that parses.
 */
const FIXES: [string, PolicyKind, string, string][] = [
  ['unknownElementCase', 'identity', allow().replace('"Effect"', '"effect"'), allow()],
  ['unknownConditionOperatorCase', 'identity', allow(',\n      "Condition": {"stringEquals": {"aws:username": "a"}}'), allow(',\n      "Condition": {"StringEquals": {"aws:username": "a"}}')],
  ['invalidActionDidYouMean', 'identity', allow().replace('s3:GetObject', 's3:GetObjekt'), allow()],
  ['invalidServiceInActionDidYouMean', 'identity', allow().replace('s3:GetObject', 's4:GetObject'), allow()],
  ['invalidEffect', 'identity', allow().replace('"Allow"', '"allow"'), allow()],
  ['invalidPrincipalKey', 'trust', statement('      "Effect": "Allow",\n      "Principal": {"aws": "111122223333"},\n      "Action": "sts:AssumeRole"'), statement('      "Effect": "Allow",\n      "Principal": {"AWS": "111122223333"},\n      "Action": "sts:AssumeRole"')],
  ['outdatedVersion', 'identity', allow().replace('2012-10-17', '2008-10-17'), allow()],
  ['invalidVersion', 'identity', allow().replace('2012-10-17', '2012-10-18'), allow()],
  ['missingVersion', 'identity', allow().replace('  "Version": "2012-10-17",\n', ''), allow()],
  ['missingVersion', 'identity', '{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}', '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}'],
  ['versionRequired', 'scp', '{"Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}}', '{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}}'],
  ['versionRequired', 'scp', '{"Version": "2008-10-17", "Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}}', '{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}}'],
  ['unsupportedSid', 'identity', allow(',\n      "Sid": "Read-Reports"'), allow(',\n      "Sid": "ReadReports"')],
  ['emptySid', 'identity', statement('      "Sid": "",\n      "Effect": "Allow",\n      "Action": "s3:GetObject",\n      "Resource": "*"'), allow()],
  ['emptySid', 'identity', allow(',\n      "Sid": ""'), allow()],
  ['duplicateValue', 'identity', allow().replace('"s3:GetObject"', '["s3:GetObject", "s3:GetObject"]'), allow().replace('"s3:GetObject"', '["s3:GetObject"]')],
  ['duplicateValue', 'resource', statement('      "Effect": "Allow",\n      "Principal": {"AWS": [\n        "111122223333",\n        "111122223333"\n      ]},\n      "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::b/*"'), statement('      "Effect": "Allow",\n      "Principal": {"AWS": [\n        "111122223333"\n      ]},\n      "Action": "s3:GetObject",\n      "Resource": "arn:aws:s3:::b/*"')],
  ['redundantValue', 'identity', allow().replace('"s3:GetObject"', '["s3:GetObject", "s3:Get*"]'), allow().replace('"s3:GetObject"', '["s3:Get*"]')],
  ['invalidArnServiceCase', 'identity', allow().replace('"*"', '"arn:aws:S3:::b"'), allow().replace('"*"', '"arn:aws:s3:::b"')],
  ['nullWithIfExists', 'identity', allow(',\n      "Condition": {"NullIfExists": {"aws:TokenIssueTime": "true"}}'), allow(',\n      "Condition": {"Null": {"aws:TokenIssueTime": "true"}}')],
  ['forAllValuesWithSingleValuedKey', 'identity', allow(',\n      "Condition": {"ForAllValues:StringEquals": {"aws:username": "a"}}'), allow(',\n      "Condition": {"StringEquals": {"aws:username": "a"}}')],
  ['stringLikeWithArnKey', 'identity', allow(',\n      "Condition": {"StringLike": {"aws:SourceArn": "arn:aws:sns:*"}}'), allow(',\n      "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:sns:*"}}')],
  ['rcpPrincipalMustBeStar', 'rcp', '{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": {"AWS": "111122223333"}, "Action": "s3:*", "Resource": "*"}}', '{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"}}'],
];

describe('quick fixes (each as Access Analyzer suggests it, applied to the validated text)', () => {
  it.each(FIXES)('%s (%s)', async (code, kind, text, expected) => {
    const finding = (await findings(text, kind)).find((f) => f.code === code);
    expect(finding, `${code} is found`).toBeDefined();
    const fix = finding?.fixes?.[0];
    expect(fix, `${code} has a fix`).toBeDefined();
    const fixed = apply(text, fix as QuickFix);
    expect(fixed).toBe(expected);
    expect(() => JSON.parse(fixed) as unknown).not.toThrow();
    expect((await findings(fixed, kind)).map((f) => f.code)).not.toContain(code);
  });

  it('a fix has an English title made from its code and parameters', async () => {
    const [finding] = await findings(allow().replace('s3:GetObject', 's3:GetObjekt'));
    expect(finding?.fixes?.[0]).toMatchObject({ code: 'replaceWith', params: { text: 's3:GetObject' }, title: 'Change to `s3:GetObject`' });
  });

  it('an operator shared by several keys is not changed for one of them', async () => {
    const text = allow(',\n      "Condition": {"ForAllValues:StringEquals": {"aws:username": "a", "aws:userid": "b"}}');
    const found = (await findings(text)).filter((f) => f.code === 'forAllValuesWithSingleValuedKey');
    expect(found).toHaveLength(2);
    expect(found.every((f) => f.fixes === undefined)).toBe(true);
  });
});
