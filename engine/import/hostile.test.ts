import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../index';
import { expectError, jsonFile, policyDetail, roleDetail, succeeded, userDetail } from '../../tests/fixtures/import/importFixtures';
import { importFiles, MAX_IMPORT_FILE_CHARS, MAX_IMPORT_FILES, type ImportFile } from './index';

describe('keys that could reach Object.prototype', () => {
  it('a tag, an inline policy and a file key named `__proto__` are plain data', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };
    const text =
      '{"__proto__": {"polluted": true}, "UserDetailList": [' +
      JSON.stringify(userDetail('alice', '111122223333', { Tags: [{ Key: '__proto__', Value: 'x' }, { Key: 'constructor', Value: 'y' }] })).slice(0, -1) +
      `, "UserPolicyList": [{"PolicyName": "__proto__", "PolicyDocument": ${JSON.stringify(doc)}}]}]}`;
    const result = succeeded(importFiles([{ name: 'iam.json', text }]));
    const user = result.scenario.accounts[0]?.users?.[0];
    expect(Object.getPrototypeOf(user?.tags)).toBe(Object.prototype);
    expect(Object.keys(user?.tags ?? {})).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(user?.tags, '__proto__')?.value).toBe('x');
    expect(Object.keys(user?.inlinePolicies ?? {})).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(result.warnings).toContainEqual({ path: 'iam.json: $.__proto__', message: 'Unknown property `__proto__` is ignored.' });
  });

  it('a group named `constructor` that no file defines is not found on a prototype', () => {
    const result = importFiles([jsonFile('iam.json', { UserDetailList: [userDetail('alice', '111122223333', { GroupList: ['constructor', 'toString'] })] })]);
    expectError(result, 'iam.json: $.UserDetailList[0].GroupList[0]', /group `constructor`, which no file/);
    expectError(result, 'iam.json: $.UserDetailList[0].GroupList[1]', /group `toString`, which no file/);
  });

  it('an Organizations output reads only own keys (`constructor` is not a main key)', () => {
    expectError(importFiles([{ name: 'x.json', text: '{"constructor": {"Id": "o-aaaaaaaaaa"}}' }]), 'x.json: $', /expected one of/);
  });
});

describe('size and depth', () => {
  it('a file over the size limit is refused before it is read', () => {
    const big = 'x'.repeat(MAX_IMPORT_FILE_CHARS + 1);
    expectError(importFiles([{ name: 'big.json', text: big }]), 'big.json: $', new RegExp(`has ${MAX_IMPORT_FILE_CHARS + 1} characters; at most ${MAX_IMPORT_FILE_CHARS} are read`));
  });

  it('files over the total limit are refused together', () => {
    const big = 'x'.repeat(MAX_IMPORT_FILE_CHARS);
    const result = importFiles([{ name: 'a', text: big }, { name: 'b', text: big }, { name: 'c', text: big }]);
    expect(result.ok ? '' : result.errors[0]?.message).toMatch(/characters together; at most/);
  });

  it('too many files are refused', () => {
    const files = Array.from({ length: MAX_IMPORT_FILES + 1 }, (_, i) => ({ name: `${i}.json`, text: '{}' }));
    expect(importFiles(files)).toEqual({ ok: false, errors: [{ path: '$', message: `${MAX_IMPORT_FILES + 1} files were given; at most ${MAX_IMPORT_FILES} are imported at once.` }] });
  });

  it('deep nesting is refused by the strict parser, not by a stack overflow', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expectError(importFiles([{ name: 'deep.json', text: deep }]), 'deep.json: $', /is not JSON: .*(deep|nest)/i);
  });

  it('a URL-encoded policy nested deeper than any real policy is refused at the policy', () => {
    const nested = encodeURIComponent(`{"Statement":${'['.repeat(80)}${']'.repeat(80)}}`);
    const result = importFiles([jsonFile('iam.json', { UserDetailList: [userDetail('alice', '111122223333', { UserPolicyList: [{ PolicyName: 'P', PolicyDocument: nested }] })] })]);
    expectError(result, 'iam.json: $.UserDetailList[0].UserPolicyList[0].PolicyDocument', /is not valid JSON/);
  });

  it('a policy object nested deeper than any real policy is refused at the policy', () => {
    let doc: unknown = 1;
    for (let i = 0; i < 70; i++) doc = [doc];
    const result = importFiles([jsonFile('iam.json', { RoleDetailList: [roleDetail('R', '111122223333', { AssumeRolePolicyDocument: { Statement: doc } })] })]);
    expectError(result, 'iam.json: $.RoleDetailList[0].AssumeRolePolicyDocument', /nests deeper than 64 levels/);
  });

  it('UTF-16 text (as Windows PowerShell writes it) is named as such', () => {
    const utf16 = '\ufffd\ufffd{\u0000"\u0000U\u0000';
    expectError(importFiles([{ name: 'iam.json', text: utf16 }]), 'iam.json: $', /looks like UTF-16 text .* save it as UTF-8/);
  });

  it('a byte order mark is skipped', () => {
    expect(importFiles([{ name: 'iam.json', text: `\ufeff${JSON.stringify({ UserDetailList: [userDetail('alice')] })}` }]).ok).toBe(true);
  });

  it('a file name is made safe for messages', () => {
    const result = importFiles([{ name: 'a`b\nc.txt', text: 'nope' }]);
    expect(result.ok ? '' : result.errors[0]?.path).toBe('a?b?c.txt: $');
  });

  it('a large account (5,000 users, 2,000 roles, 1,000 policies) imports in well under a few seconds', () => {
    const policies = Array.from({ length: 1000 }, (_, i) => policyDetail(`P${i}`));
    const users = Array.from({ length: 5000 }, (_, i) => userDetail(`user${i}`, '111122223333', { AttachedManagedPolicies: [{ PolicyName: `P${i % 1000}`, PolicyArn: `arn:aws:iam::111122223333:policy/P${i % 1000}` }] }));
    const roles = Array.from({ length: 2000 }, (_, i) => roleDetail(`role${i}`));
    const started = performance.now();
    const result = succeeded(importFiles([jsonFile('big.json', { UserDetailList: users, RoleDetailList: roles, Policies: policies })]));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.scenario.accounts[0]?.users).toHaveLength(5000);
  });
});

describe('any input gives a result, never an exception', () => {
  const mainKeys = ['format', 'UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies', 'Organization', 'Roots', 'OrganizationalUnits', 'OrganizationalUnit', 'Accounts', 'Account', 'Children', 'Policy', 'Targets', 'ParentId', 'PolicyId', 'TargetId', 'IsTruncated', 'NextToken'];
  const shapedFile = fc.record({
    name: fc.string({ maxLength: 20 }),
    value: fc.dictionary(fc.constantFrom(...mainKeys), fc.jsonValue({ maxDepth: 5 }), { maxKeys: 4 }),
  });

  function checkResult(files: ImportFile[]): void {
    const result = importFiles(files);
    if (result.ok) {
      // Whatever was accepted is a valid scenario, and survives a round trip through JSON.
      expect(validateScenario(JSON.parse(JSON.stringify(result.scenario))).ok).toBe(true);
    } else {
      expect(result.errors.length).toBeGreaterThan(0);
      for (const e of result.errors) {
        expect(typeof e.path).toBe('string');
        expect(e.message.length).toBeGreaterThan(0);
      }
    }
  }

  it('random text', () => {
    fc.assert(fc.property(fc.array(fc.record({ name: fc.string(), text: fc.string() }), { minLength: 1, maxLength: 3 }), checkResult), { numRuns: 300 });
  });

  it('random values under the keys the outputs use', () => {
    fc.assert(fc.property(fc.array(shapedFile, { minLength: 1, maxLength: 4 }), (files) => checkResult(files.map((f) => jsonFile(f.name, f.value)))), { numRuns: 500 });
  });

  it('random entities in the shapes AWS prints', () => {
    const entity = fc.record(
      {
        UserName: fc.constantFrom('alice', 'bob', '__proto__', ''),
        GroupName: fc.constantFrom('devs', 'constructor'),
        RoleName: fc.constantFrom('R', 'x'.repeat(70)),
        PolicyName: fc.constantFrom('P', 'toString'),
        Arn: fc.constantFrom('arn:aws:iam::111122223333:user/alice', 'arn:aws:iam::111122223333:role/R', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::111122223333:policy/P', 'nope'),
        Path: fc.constantFrom('/', '/a/', 'bad'),
        GroupList: fc.array(fc.constantFrom('devs', 'constructor', 1)),
        AttachedManagedPolicies: fc.array(fc.record({ PolicyArn: fc.constantFrom('arn:aws:iam::111122223333:policy/P', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'x') })),
        Tags: fc.array(fc.record({ Key: fc.string(), Value: fc.oneof(fc.string(), fc.integer()) })),
        AssumeRolePolicyDocument: fc.oneof(fc.constant('%7B%7D'), fc.jsonValue({ maxDepth: 3 })),
        PolicyVersionList: fc.array(fc.record({ Document: fc.jsonValue({ maxDepth: 3 }), IsDefaultVersion: fc.boolean() })),
        MaxSessionDuration: fc.oneof(fc.constant(3600), fc.integer()),
      },
      { requiredKeys: [] },
    );
    const file = fc.record({ UserDetailList: fc.array(entity, { maxLength: 3 }), GroupDetailList: fc.array(entity, { maxLength: 2 }), RoleDetailList: fc.array(entity, { maxLength: 2 }), Policies: fc.array(entity, { maxLength: 2 }) }, { requiredKeys: [] });
    fc.assert(fc.property(fc.array(file, { minLength: 1, maxLength: 2 }), (files) => checkResult(files.map((f, i) => jsonFile(`f${i}.json`, f)))), { numRuns: 500 });
  });
});
