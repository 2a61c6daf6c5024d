import { describe, expect, it } from 'vitest';
import { POLICY_FINDING_CODES, type PolicyFindingCode } from '../../engine/policy/findingCodes';
import { parsePolicy } from '../../engine/policy/parse';
import { QUICK_FIX_CODES } from '../../engine/policy/validateText';
import type { ScenarioJson } from '../../engine/scenario/types';
import { editorDocsEn } from '../i18n/areas/editor.docs.en';
import { editorDocsKo } from '../i18n/areas/editor.docs.ko';
import { editorFindingsEn, editorFixesEn } from '../i18n/areas/editor.findings.en';
import { editorFindingsKo, editorFixesKo } from '../i18n/areas/editor.findings.ko';
import { policySourceText } from '../world/policyText';
import { findingText, fixTitle } from './findingText';
import { findingCounts, markerSpecs } from './markers';
import { documentAt } from './policyDocument';
import { policyKindOfModel, policyModelPath, policyModelPattern } from './policyModels';
import { policySchema } from './policySchema';
import { jsonEqual, readPolicyText, textShows } from './policyText';
import { mapSpan } from './spanMap';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('finding texts', () => {
  it('every finding code of the engine (the service-data ones included) has a text in both languages, with the same parameters', () => {
    const codes = Object.keys(POLICY_FINDING_CODES) as PolicyFindingCode[];
    expect(codes.length).toBeGreaterThanOrEqual(90);
    for (const code of codes) {
      expect(editorFindingsEn[code]?.trim(), code).toBeTruthy();
      expect(editorFindingsKo[code]?.trim(), code).toBeTruthy();
      expect(placeholders(editorFindingsKo[code]), code).toEqual(placeholders(POLICY_FINDING_CODES[code].message));
    }
    expect(Object.keys(editorFindingsKo).sort()).toEqual([...codes].sort());
  });

  it('every quick fix has a title in both languages', () => {
    for (const code of Object.keys(QUICK_FIX_CODES) as (keyof typeof QUICK_FIX_CODES)[]) {
      expect(placeholders(editorFixesEn[code]), code).toEqual(placeholders(QUICK_FIX_CODES[code]));
      expect(placeholders(editorFixesKo[code]), code).toEqual(placeholders(QUICK_FIX_CODES[code]));
    }
  });

  it('a finding reads in the UI language, the engine\'s English phrases said in Korean', () => {
    const finding = { code: 'principalNotSupported', params: { element: 'Principal', kind: 'identity-based' }, message: '' };
    expect(findingText('en', finding)).toBe('Principal is not supported in identity-based policies; remove it.');
    expect(findingText('ko', finding)).toBe('자격 증명 기반 정책에서는 Principal을(를) 쓸 수 없습니다. 삭제하세요.');
    const empty = { code: 'emptyCondition', params: { element: 'The `Bool` block' }, message: '' };
    expect(findingText('ko', empty)).toContain('`Bool` 블록');
    // A code of a newer engine: its English sentence.
    expect(findingText('ko', { code: 'somethingNew', params: {}, message: 'Something new.' })).toBe('Something new.');
  });

  it('a quick fix title reads in the UI language', () => {
    const fix = { code: 'replaceWith' as const, params: { text: 's3:GetObject' }, title: 'Change to `s3:GetObject`', edits: [] };
    expect(fixTitle('ko', fix)).toBe('`s3:GetObject`(으)로 바꾸기');
  });
});

describe('editor docs', () => {
  it('Korean explains every element, operator, global key and label that English does, with the same parameters', () => {
    for (const section of Object.keys(editorDocsEn) as (keyof typeof editorDocsEn)[]) {
      const en = editorDocsEn[section] as Readonly<Record<string, string>>;
      const ko = editorDocsKo[section] as Readonly<Record<string, string>>;
      expect(Object.keys(ko).sort(), section).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        expect(ko[key]?.trim(), `${section}.${key}`).toBeTruthy();
        expect(placeholders(ko[key] ?? ''), `${section}.${key}`).toEqual(placeholders(en[key] ?? ''));
      }
    }
  });
});

describe('markers', () => {
  const parsed = parsePolicy('{"Version": "2008-10-17", "Statement": {"Effect": "Allow", "Action": "*", "NotResource": "x"}}', 'identity');

  it('map the four Access Analyzer classes to the four marker severities, messages in the UI language', () => {
    const specs = markerSpecs(parsed.findings, 'ko', 200);
    expect(new Set(specs.map((s) => s.level))).toEqual(new Set(['hint', 'warning', 'error']));
    expect(specs.find((s) => s.code === 'outdatedVersion')?.message).toContain('2012-10-17');
    const counts = findingCounts(parsed.findings);
    expect(counts.errors + counts.warnings + counts.suggestions).toBe(parsed.findings.length);
  });

  it('mark a fault with no extent on one character', () => {
    const missing = parsePolicy('{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}', 'identity');
    const spec = markerSpecs(missing.findings, 'en', 70).find((s) => s.code === 'missingVersion');
    expect(spec && spec.end - spec.start).toBe(1);
  });
});

describe('the schema per policy kind (the grammar of the IAM JSON policy language)', () => {
  type Statement = { properties: Record<string, { enum?: string[] }>; allOf: { anyOf: { required: string[] }[] }[] };
  const statementOf = (kind: Parameters<typeof policySchema>[0]): Statement =>
    ((policySchema(kind, editorDocsEn).properties as Record<string, { anyOf: Statement[] }>).Statement?.anyOf[0]) as Statement;
  const required = (s: Statement) => s.allOf.map((a) => a.anyOf.map((r) => r.required[0]));

  it('an identity-based policy has no Principal; a trust policy requires one and has no Resource', () => {
    expect(Object.keys(statementOf('identity').properties)).not.toContain('Principal');
    expect(required(statementOf('identity'))).toEqual([['Action', 'NotAction'], ['Resource', 'NotResource']]);
    expect(required(statementOf('trust'))).toEqual([['Action', 'NotAction'], ['Principal']]);
    expect(Object.keys(statementOf('trust').properties)).not.toContain('Resource');
  });

  it('a resource-based policy requires Principal or NotPrincipal', () => {
    expect(required(statementOf('resource'))).toContainEqual(['Principal', 'NotPrincipal']);
  });

  it('an RCP denies only, names "*" as principal and has no NotAction; SCPs and RCPs require Version', () => {
    const rcp = statementOf('rcp');
    expect(rcp.properties.Effect?.enum).toEqual(['Deny']);
    expect(rcp.properties.Principal?.enum).toEqual(['*']);
    expect(Object.keys(rcp.properties)).not.toContain('NotAction');
    expect(policySchema('scp', editorDocsEn).required).toEqual(['Version', 'Statement']);
  });

  it('descriptions follow the UI language', () => {
    const ko = policySchema('identity', editorDocsKo).properties as Record<string, { description: string }>;
    expect(ko.Version?.description).toBe(editorDocsKo.elements.Version);
  });
});

describe('policy models', () => {
  it('are named per kind and node, and only they are policy models', () => {
    const path = policyModelPath('trust', 'acct:1/role:R/trust');
    expect(policyKindOfModel({ scheme: 'inmemory', authority: 'iam-playground', path })).toBe('trust');
    expect(policyKindOfModel({ scheme: 'inmemory', authority: 'other', path })).toBeUndefined();
    expect(policyKindOfModel({ scheme: 'inmemory', authority: 'iam-playground', path: '/scenario.json' })).toBeUndefined();
    expect(path).toMatch(new RegExp(policyModelPattern('trust').replace('*', '[^/]*').replace('.', '\\.') + '$'));
  });
});

describe('the text and the world', () => {
  it('a JSON object is a document; other text is a draft, with where the JSON breaks', () => {
    expect(readPolicyText('{"Statement": []}')).toEqual({ kind: 'document', document: { Statement: [] } });
    expect(readPolicyText('[]')).toEqual({ kind: 'notObject' });
    expect(readPolicyText('{\n  "Statement": [\n}')).toMatchObject({ kind: 'invalidJson', line: 3, column: 1 });
  });

  it('the editor keeps its text when it says what the world says (layout and key order aside)', () => {
    expect(textShows('{"b": 1,\n "a": [1, {"c": null}]}', { a: [1, { c: null }], b: 1 })).toBe(true);
    expect(textShows('{"a": [2, 1]}', { a: [1, 2] })).toBe(false);
    expect(textShows('{"a": ', { a: 1 })).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
  });

  it('the deciding statement is found in the learner\'s own layout', () => {
    const document = { Version: '2012-10-17', Statement: [{ Sid: 'A', Effect: 'Allow', Action: '*', Resource: '*' }, { Sid: 'B', Effect: 'Deny', Action: 's3:*', Resource: '*' }] };
    const canonical = policySourceText(document);
    const parsed = parsePolicy(canonical, 'identity');
    if (!parsed.ok) throw new Error('valid');
    const deny = parsed.policy.statements[1]?.span;
    if (!deny) throw new Error('two statements');
    const mine = '{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"*","Resource":"*"},\n{"Sid":"B","Effect":"Deny","Action":"s3:*","Resource":"*"}]}';
    const span = mapSpan(canonical, mine, deny);
    expect(span && mine.slice(span.start, span.end)).toBe('{"Sid":"B","Effect":"Deny","Action":"s3:*","Resource":"*"}');
    expect(mapSpan(canonical, '{"Statement": [', deny)).toBeUndefined();
    expect(mapSpan(canonical, canonical, deny)).toEqual(deny);
  });
});

describe('documentAt (the same policy kinds as the engine\'s compiler)', () => {
  const world = {
    format: 'iam-playground/scenario',
    version: 1,
    organization: { id: 'o-1', managementAccount: '111111111111', units: [{ id: 'r-1' }], policies: [{ name: 'OrgDeny', type: 'RCP', document: { r: 1 } }] },
    accounts: [
      {
        id: '111111111111',
        policies: [{ name: 'P', document: { p: 1 } }],
        users: [{ name: 'alice', inlinePolicies: { I: { i: 1 } } }],
        roles: [{ name: 'R', trustPolicy: { t: 1 } }],
        resources: [{ arn: 'arn:aws:s3:::b', policy: { b: 1 } }],
      },
    ],
  } as unknown as ScenarioJson;

  it('finds each document and its kind', () => {
    expect(documentAt(world, { kind: 'managed', account: '111111111111', name: 'P' })).toEqual({ document: { p: 1 }, kind: 'identity' });
    expect(documentAt(world, { kind: 'inline', owner: { account: '111111111111', kind: 'user', name: 'alice' }, name: 'I' })).toEqual({ document: { i: 1 }, kind: 'identity' });
    expect(documentAt(world, { kind: 'trust', account: '111111111111', role: 'R' })).toEqual({ document: { t: 1 }, kind: 'trust' });
    expect(documentAt(world, { kind: 'resource', account: '111111111111', arn: 'arn:aws:s3:::b' })).toEqual({ document: { b: 1 }, kind: 'resource', resourceArn: 'arn:aws:s3:::b' });
    expect(documentAt(world, { kind: 'org', name: 'OrgDeny' })).toEqual({ document: { r: 1 }, kind: 'rcp' });
    expect(documentAt(world, { kind: 'managed', account: '111111111111', name: 'Gone' })).toBeUndefined();
    expect(documentAt(null, { kind: 'org', name: 'OrgDeny' })).toBeUndefined();
  });
});
