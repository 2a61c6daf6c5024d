import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConditionOperator } from './conditionOperators';
import { canonicalPolicyText, parsePolicy } from './parse';
import type { Policy, PolicyKind, PolicyParseResult, Span } from './types';

function ok(source: unknown, kind: PolicyKind = 'identity'): { policy: Policy; codes: string[] } {
  const r = parsePolicy(source, kind);
  if (!r.ok) throw new Error(r.findings.map((f) => f.message).join('; '));
  return { policy: r.policy, codes: r.findings.map((f) => f.code) };
}

function failCodes(r: PolicyParseResult): string[] {
  expect(r.ok).toBe(false);
  return r.findings.map((f) => f.code);
}

const slice = (text: string, s: Span): string => text.slice(s.start, s.end);

describe('the policy AST keeps every element and its span', () => {
  const text = `{
  "Version": "2012-10-17",
  "Id": "P1",
  "Statement": [
    {
      "Sid": "Read",
      "Effect": "Allow",
      "Principal": {"AWS": ["111122223333", "arn:aws:iam::111122223333:role/R"], "Service": "ec2.amazonaws.com"},
      "Action": ["s3:GetObject", "s3:List*"],
      "Resource": "arn:aws:s3:::bucket/*",
      "Condition": {
        "ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["a*", "b"]},
        "NumericLessThan": {"s3:max-keys": 10},
        "Bool": {"aws:SecureTransport": true}
      }
    },
    {"Effect": "Deny", "NotPrincipal": "*", "NotAction": "iam:*", "NotResource": ["*"]}
  ]
}`;
  const { policy } = ok(text, 'resource');

  it('reads the policy elements', () => {
    expect(policy.text).toBe(text);
    expect(policy.version).toBe('2012-10-17');
    expect(slice(text, policy.versionSpan!)).toBe('"2012-10-17"');
    expect(policy.id?.value).toBe('P1');
    expect(policy.span).toEqual({ start: 0, end: text.length });
    expect(policy.statements).toHaveLength(2);
    expect(policy.statementForm).toBe('array');
    expect(policy.source).toBe('text');
  });

  it('reads a statement: Sid, Effect, Principal, Action, Resource', () => {
    const s = policy.statements[0]!;
    expect(s.index).toBe(0);
    expect(s.sid?.value).toBe('Read');
    expect(s.effect.value).toBe('Allow');
    expect(slice(text, s.effect.span)).toBe('"Allow"');
    expect(s.principal?.anyone).toBe(false);
    expect(s.principal?.entries.map((e) => [e.type, e.value, slice(text, e.span)])).toEqual([
      ['AWS', '111122223333', '"111122223333"'],
      ['AWS', 'arn:aws:iam::111122223333:role/R', '"arn:aws:iam::111122223333:role/R"'],
      ['Service', 'ec2.amazonaws.com', '"ec2.amazonaws.com"'],
    ]);
    expect(s.action?.values.map((v) => v.value)).toEqual(['s3:GetObject', 's3:List*']);
    expect(slice(text, s.action!.span)).toBe('["s3:GetObject", "s3:List*"]');
    expect(s.resource?.values.map((v) => v.value)).toEqual(['arn:aws:s3:::bucket/*']);
    expect(s.notAction).toBeUndefined();
    expect(text.slice(s.span.start, s.span.start + 1)).toBe('{');
  });

  it('reads conditions: qualifier, base operator, IfExists, and values in their source spelling', () => {
    const c = policy.statements[0]!.condition;
    expect(c.map((k) => [k.operatorText, k.qualifier, k.operator, k.ifExists, k.key, k.values.map((v) => v.value)])).toEqual([
      ['ForAnyValue:StringLikeIfExists', 'ForAnyValue', 'StringLike', true, 'aws:TagKeys', ['a*', 'b']],
      ['NumericLessThan', undefined, 'NumericLessThan', false, 's3:max-keys', ['10']],
      ['Bool', undefined, 'Bool', false, 'aws:SecureTransport', ['true']],
    ]);
    expect(slice(text, c[0]!.operatorSpan)).toBe('"ForAnyValue:StringLikeIfExists"');
    expect(slice(text, c[0]!.keySpan)).toBe('"aws:TagKeys"');
    expect(slice(text, c[0]!.span)).toBe('"aws:TagKeys": ["a*", "b"]');
    expect(slice(text, c[1]!.values[0]!.span)).toBe('10');
    expect(slice(text, policy.statements[0]!.conditionSpan!).startsWith('{')).toBe(true);
  });

  it('reads NotPrincipal "*", NotAction and NotResource', () => {
    const s = policy.statements[1]!;
    expect(s.notPrincipal).toMatchObject({ anyone: true, entries: [] });
    expect(s.notAction?.values.map((v) => v.value)).toEqual(['iam:*']);
    expect(s.notResource?.values.map((v) => v.value)).toEqual(['*']);
    expect(s.condition).toEqual([]);
    expect(s.conditionSpan).toBeUndefined();
    expect(s.sid).toBeUndefined();
  });
});

describe('Statement may be one object or an array (IAM JSON policy elements: Statement)', () => {
  it('a single statement object has index 0 and paths without an index', () => {
    const r = parsePolicy('{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Sid": "a-b"}}', 'identity');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.statementForm).toBe('object');
    expect(r.policy.statements[0]!.index).toBe(0);
    expect(r.findings.find((f) => f.code === 'unsupportedSid')?.path).toBe('$.Statement.Sid');
  });

  it('an empty Statement array is an error but the policy can still be evaluated (it allows nothing)', () => {
    const r = parsePolicy('{"Version": "2012-10-17", "Statement": []}', 'identity');
    expect(r.ok).toBe(true);
    expect(r.findings.map((f) => f.code)).toEqual(['missingStatement']);
  });
});

describe('a policy given as a JSON value is parsed from its canonical text', () => {
  const value = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };

  it('uses JSON.stringify(value, null, 2), and spans refer to that text', () => {
    const text = canonicalPolicyText(value);
    expect(text).toBe(JSON.stringify(value, null, 2));
    const { policy } = ok(value);
    expect(policy.text).toBe(text);
    expect(policy.source).toBe('value');
    expect(slice(policy.text, policy.statements[0]!.action!.values[0]!.span)).toBe('"s3:GetObject"');
  });

  it('a string is parsed as written, not re-serialised', () => {
    const text = '{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*"}}';
    expect(ok(text).policy.text).toBe(text);
  });

  it.each([
    ['undefined', undefined],
    ['a function', () => 1],
    ['a symbol', Symbol('x')],
    ['a BigInt', 10n],
    ['a cyclic object', (() => { const o: Record<string, unknown> = {}; o.self = o; return o; })()],
    ['an object whose getter throws', { get Statement(): never { throw new Error('boom'); } }],
  ])('a value with no JSON text (%s) is an error, not a throw', (_name, v) => {
    const r = parsePolicy(v, 'identity');
    expect(failCodes(r)).toEqual(['policyNotSerializable']);
    expect(canonicalPolicyText(v)).toBeUndefined();
  });
});

describe('a policy that cannot be evaluated gives ok:false with errors', () => {
  const cases: [string, unknown, string[]][] = [
    ['text that is not JSON', '{"Statement": [}', ['jsonSyntaxError']],
    ['a JSON array', '[]', ['policyNotObject']],
    ['a JSON string value', '"hello"', ['policyNotObject']],
    ['text that is not JSON at all', 'hello', ['jsonSyntaxError']],
    ['null', null, ['policyNotObject']],
    ['a number', 42, ['policyNotObject']],
    ['no Statement', '{"Version": "2012-10-17"}', ['missingStatement']],
    ['Statement as a string', '{"Statement": "x"}', ['invalidElementType']],
    ['a statement that is not an object', '{"Statement": [{"Effect":"Allow","Action":"*","Resource":"*"}, 1]}', ['statementNotObject']],
    ['a statement without Effect', '{"Statement": {"Action": "*", "Resource": "*"}}', ['missingEffect']],
    ['Effect in the wrong case (the Effect value is case-sensitive)', '{"Statement": {"Effect": "allow", "Action": "*", "Resource": "*"}}', ['invalidEffect']],
    ['Effect not a string', '{"Statement": {"Effect": true, "Action": "*", "Resource": "*"}}', ['invalidEffect']],
    ['an element name in the wrong case (element names are case-sensitive)', '{"statement": []}', ['unknownElementCase', 'missingStatement']],
    ['10,000 levels of nesting', `{"Statement": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`, ['jsonTooDeep']],
  ];
  it.each(cases)('%s', (_name, source, codes) => {
    const r = parsePolicy(source, 'identity');
    expect(failCodes(r).sort()).toEqual([...codes].sort());
    expect(r.findings.every((f) => f.severity === 'error' || f.code === 'unknownElementCase')).toBe(true);
  });

  it('reports the JSON error position and keeps going to report every statement fault', () => {
    const r = parsePolicy('{\n "Statement": [\n  {"Effect": "Allow",}\n ]\n}', 'identity');
    expect(r.findings[0]).toMatchObject({ code: 'jsonSyntaxError', params: { line: 3, column: 22 }, span: { start: 39, end: 40 } });
    const two = parsePolicy('{"Statement": [{"Action": "*"}, {"Effect": "Maybe"}]}', 'identity');
    expect(failCodes(two)).toEqual(['missingEffect', 'invalidEffect']);
  });
});

describe('wrong shapes are findings beside a usable policy', () => {
  const base = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['an unknown statement element', { ...base, Actions: 'x' }, ['unknownElement']],
    ['a statement element in the wrong case', { ...base, resource: '*' }, ['unknownElementCase']],
    ['Action as a number', { ...base, Action: 5 }, ['invalidElementType']],
    ['a non-string in Action', { ...base, Action: ['s3:GetObject', 7, null] }, ['invalidValueType', 'invalidValueType']],
    ['an empty Action array', { ...base, Action: [] }, ['emptyValueList']],
    ['Sid as a number', { ...base, Sid: 1 }, ['invalidElementType']],
    ['Condition as a string', { ...base, Condition: 'x' }, ['invalidElementType']],
    ['an operator block that is not an object', { ...base, Condition: { StringEquals: 'x' } }, ['invalidConditionBlock']],
    ['a condition value that is null or an object', { ...base, Condition: { StringEquals: { 'aws:a': [null, { b: 1 }, 'ok'] } } }, ['invalidConditionValue', 'invalidConditionValue']],
    ['an empty condition value array', { ...base, Condition: { StringEquals: { 'aws:a': [] } } }, ['emptyValueList']],
    ['an unknown condition operator', { ...base, Condition: { StringEqualz: { 'aws:a': 'b' } } }, ['unknownConditionOperator']],
    ['an unknown set qualifier', { ...base, Condition: { 'ForSomeValues:StringEquals': { 'aws:a': 'b' } } }, ['unknownConditionOperator']],
    ['an operator in the wrong case', { ...base, Condition: { stringEquals: { 'aws:a': 'b' } } }, ['unknownConditionOperatorCase']],
    ['Null with IfExists', { ...base, Condition: { NullIfExists: { 'aws:a': 'true' } } }, ['nullWithIfExists']],
  ];
  it.each(cases)('%s', (_name, statement, codes) => {
    const { codes: got } = ok({ Version: '2012-10-17', Statement: [statement] });
    expect(got.sort()).toEqual([...codes].sort());
  });

  it('an unknown condition operator keeps its clause, with the operator as written', () => {
    const { policy } = ok({ Version: '2012-10-17', Statement: { ...base, Condition: { 'ForAnyValue:StringEqualzIfExists': { 'aws:a': 'b' } } } });
    expect(policy.statements[0]!.condition[0]).toMatchObject({ qualifier: 'ForAnyValue', operator: 'StringEqualz', ifExists: true });
  });

  it('a repeated key is an error ("Individual elements must not contain multiple instances of the same key") and the last one counts', () => {
    const r = parsePolicy('{"Version":"2012-10-17","Statement":{"Effect":"Deny","Effect":"Allow","Action":"s3:*","Resource":"*"}}', 'identity');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.statements[0]!.effect.value).toBe('Allow');
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([['duplicateKey', '$.Statement.Effect']]);
  });

  it('__proto__ and constructor are just unknown elements', () => {
    const r = parsePolicy('{"__proto__": {"Effect": "Allow"}, "constructor": 1, "Statement": {"Effect":"Deny","Action":"*","Resource":"*","__proto__":"x"}}', 'identity');
    expect(r.ok).toBe(true);
    expect(r.findings.filter((f) => f.code === 'unknownElement').map((f) => f.path)).toEqual([
      '$.__proto__', '$.constructor', '$.Statement.__proto__',
    ]);
    expect(({} as Record<string, unknown>).Effect).toBeUndefined();
  });
});

describe('condition operator names (IAM JSON policy elements: Condition operators)', () => {
  const cases: [string, string | undefined, string, boolean, string | undefined][] = [
    ['StringEquals', undefined, 'StringEquals', false, undefined],
    ['StringEqualsIgnoreCaseIfExists', undefined, 'StringEqualsIgnoreCase', true, undefined],
    ['ForAllValues:StringLike', 'ForAllValues', 'StringLike', false, undefined],
    ['ForAnyValue:ArnNotLikeIfExists', 'ForAnyValue', 'ArnNotLike', true, undefined],
    ['NotIpAddressIfExists', undefined, 'NotIpAddress', true, undefined],
    ['Null', undefined, 'Null', false, undefined],
    ['NullIfExists', undefined, 'Null', true, 'nullWithIfExists'],
    ['IfExists', undefined, '', true, 'unknownOperator'],
    ['forallvalues:stringlike', undefined, 'stringlike', false, 'unknownOperator'],
    ['StringEquals:', undefined, '', false, 'unknownOperator'],
  ];
  it.each(cases)('%s', (text, qualifier, operator, ifExists, problem) => {
    expect(parseConditionOperator(text)).toMatchObject({ qualifier, operator, ifExists, problem });
  });

  it('suggests the right case', () => {
    expect(parseConditionOperator('forallvalues:stringlikeifexists').suggestion).toBe('ForAllValues:StringLikeIfExists');
    expect(parseConditionOperator('nullifexists').suggestion).toBeUndefined();
  });
});

describe('parsing is total and bounded on hostile input', () => {
  it('never throws on any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4 }), fc.constantFrom<PolicyKind>('identity', 'resource', 'trust', 'scp', 'rcp', 'boundary', 'session'), (v, kind) => {
        const r = parsePolicy(v, kind);
        if (!r.ok) expect(r.findings.some((f) => f.severity === 'error')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on policy-shaped values (property)', () => {
    const str = fc.oneof(fc.constantFrom('*', 's3:GetObject', 'arn:aws:s3:::b', '${aws:username}', 'Allow', 'Deny'), fc.string());
    const val = fc.oneof(str, fc.integer(), fc.boolean(), fc.constant(null), fc.array(str, { maxLength: 3 }));
    const statement = fc.record(
      {
        Sid: val, Effect: fc.oneof(fc.constantFrom('Allow', 'Deny'), val), Principal: fc.oneof(val, fc.dictionary(fc.constantFrom('AWS', 'Service', 'X'), val)),
        Action: val, NotAction: val, Resource: val, NotResource: val,
        Condition: fc.oneof(val, fc.dictionary(fc.constantFrom('StringEquals', 'Bool', 'ForAnyValue:StringLike', 'Foo'), fc.oneof(val, fc.dictionary(str, val)))),
      },
      { requiredKeys: [] },
    );
    const policy = fc.record({ Version: fc.oneof(fc.constantFrom('2012-10-17', '2008-10-17'), val), Statement: fc.oneof(statement, fc.array(statement, { maxLength: 3 })) }, { requiredKeys: [] });
    fc.assert(
      fc.property(policy, fc.constantFrom<PolicyKind>('identity', 'resource', 'trust', 'scp', 'rcp'), (p, kind) => {
        const a = parsePolicy(p, kind);
        const b = parsePolicy(JSON.stringify(p), kind);
        expect(b.ok).toBe(a.ok);
      }),
      { numRuns: 500 },
    );
  });

  it('parses and validates 100,000 statements in bounded time', () => {
    const statements = Array.from({ length: 100_000 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::b${i}` }));
    const t0 = performance.now();
    const r = parsePolicy({ Version: '2012-10-17', Statement: statements }, 'identity');
    // ~1–2 s on an idle 2-core machine; the bound is loose for a loaded CI machine.
    expect(performance.now() - t0).toBeLessThan(30_000);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.policy.statements).toHaveLength(100_000);
      expect(r.findings.map((f) => f.code)).toEqual(['policySizeExceeded']);
    }
  });

  it('handles 100 KB strings in every element', () => {
    const big = 'a'.repeat(100_000);
    const r = parsePolicy({ Version: '2012-10-17', Id: big, Statement: { Sid: big, Effect: 'Allow', Action: `s3:${big}`, Resource: `arn:aws:s3:::${big}`, Condition: { StringEquals: { [`aws:${big}`]: big } } } }, 'resource');
    expect(r.ok).toBe(true);
    expect(r.findings.map((f) => f.code).sort()).toEqual(['missingPrincipal']);
  });
});
