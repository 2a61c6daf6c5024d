import { describe, expect, it } from 'vitest';
import { loadManagedPolicySourceNode } from '../data/nodeManagedPolicies';
import { compileWorld, evaluateRequest, importFiles as importFromIndex, parseScenarioText } from '../index';
import { expectError, fixture, fixtureFolder, jsonFile, succeeded, userDetail } from '../../tests/fixtures/import/importFixtures';
import { importFiles } from './index';

const managed = loadManagedPolicySourceNode();

describe('a whole AWS estate: IAM authorization details of two accounts and their organization', () => {
  const result = succeeded(importFiles([...fixtureFolder('iam'), ...fixtureFolder('org')]));

  it('is exported from the engine', () => {
    expect(importFromIndex).toBe(importFiles);
  });

  it('says what each file was read as, in the order given', () => {
    const kinds = Object.fromEntries(result.kinds.map((k) => [k.name, k.kind]));
    expect(result.kinds.map((k) => k.name)).toEqual([...fixtureFolder('iam'), ...fixtureFolder('org')].map((f) => f.name));
    expect(kinds).toMatchObject({
      'iam/authorization-details.json': 'authorizationDetails',
      'iam/authorization-details-api-page-1.json': 'authorizationDetails',
      'org/describe-organization.json': 'organizations:describe-organization',
      'org/list-roots.json': 'organizations:list-roots',
      'org/ous-r-a1b2.json': 'organizations:list-organizational-units-for-parent',
      'org/list-accounts.json': 'organizations:list-accounts',
      'org/accounts-r-a1b2.json': 'organizations:list-accounts-for-parent',
      'org/list-accounts-for-parent-production.json': 'organizations:list-accounts-for-parent',
      'org/children-ou-a1b2-sandbox1.json': 'organizations:list-children',
      'org/list-policies-scp.json': 'organizations:list-policies',
      'org/describe-policy-rcp.json': 'organizations:describe-policy',
      'org/targets-p-FullAWSAccess.json': 'organizations:list-targets-for-policy',
    });
  });

  it('builds one scenario of format version 1 that the scenario loader accepts as it is', () => {
    expect(result.scenario.format).toBe('iam-playground/scenario');
    expect(result.scenario.version).toBe(1);
    const reloaded = parseScenarioText(JSON.stringify(result.scenario));
    expect(reloaded.ok && reloaded.scenario).toEqual(result.scenario);
  });

  it('has the accounts of the IAM outputs and every other account of the organization', () => {
    expect(result.scenario.accounts.map((a) => a.id)).toEqual(['222233334444', '111122223333', '999988887777', '333344445555']);
  });

  it('compiles without a fault: every policy is one AWS accepts and every AWS managed policy is known', () => {
    const { faults } = compileWorld(result.scenario, managed);
    expect(faults).toEqual([]);
  });

  it('decides requests in the imported world as AWS would', async () => {
    const { world } = compileWorld(result.scenario, managed);
    const decide = async (principal: string, action: string, resource: string, context?: Record<string, string>) =>
      (await evaluateRequest(world, { principal, action, resource, ...(context ? { context } : {}) }, { trace: false })).decision;
    // alice: her inline policy, within her boundary (a customer managed policy named by ARN), under FullAWSAccess at every level.
    expect(await decide('arn:aws:iam::111122223333:user/alice', 'iam:ListUserTags', 'arn:aws:iam::111122223333:user/alice')).toBe('allowed');
    expect(await decide('arn:aws:iam::111122223333:user/alice', 'iam:ListUserTags', 'arn:aws:iam::111122223333:user/contractors/bob')).toBe('implicitDeny');
    // Her boundary does not allow ec2 at all.
    expect(await decide('arn:aws:iam::111122223333:user/alice', 'ec2:DescribeInstances', '*')).toBe('implicitDeny');
    // The SCP attached to the root denies leaving the organization, whatever the identity allows.
    expect(await decide('arn:aws:iam::222233334444:user/carol', 'organizations:LeaveOrganization', '*')).toBe('explicitDeny');
    // carol's group's inline policy, decoded from the API's URL-encoded text.
    expect(await decide('arn:aws:iam::222233334444:user/carol', 'ec2:DescribeInstances', '*')).toBe('allowed');
  });
});

describe('a scenario file', () => {
  const scenario = {
    format: 'iam-playground/scenario',
    version: 1,
    accounts: [{ id: '111122223333', users: [{ name: 'alice' }] }],
  };

  it('is validated as the scenario loader does and opened as it is', () => {
    const result = succeeded(importFiles([jsonFile('world.json', scenario)]));
    expect(result.scenario).toEqual(scenario);
    expect(result.kinds).toEqual([{ name: 'world.json', kind: 'scenario' }]);
  });

  it('keeps the JSON paths of its faults, after the file name', () => {
    const bad = { ...scenario, accounts: [{ id: '12345', users: [{ name: 'alice', groups: ['nobody'] }] }] };
    expectError(importFiles([jsonFile('world.json', bad)]), 'world.json: $.accounts[0].id', /12 digits/);
  });

  it('keeps the loader\'s warnings (unknown properties), after the file name', () => {
    const result = succeeded(importFiles([jsonFile('world.json', { ...scenario, acounts: [] })]));
    expect(result.warnings).toContainEqual({ path: 'world.json: $.acounts', message: 'Unknown property `acounts` is ignored.' });
  });

  it('is refused when it is a pack of exercises', () => {
    const pack = { format: 'iam-playground/pack', version: 1, id: 'p', exercises: [] };
    expectError(importFiles([jsonFile('pack.json', pack)]), 'pack.json: $.format', /pack of exercises, not a scenario/);
  });

  it('cannot be mixed with other files, and says so', () => {
    const result = importFiles([jsonFile('world.json', scenario), fixture('iam/authorization-details.json')]);
    expectError(result, 'world.json: $', /`world.json` is a scenario file: it is opened alone, not mixed with other files \(`iam\/authorization-details.json`\)/);
  });
});

describe('files that are none of these', () => {
  it('a text file is not JSON, with where', () => {
    expectError(importFiles([{ name: 'notes.txt', text: 'alice can read the bucket' }]), 'notes.txt: $', /^`notes.txt` is not JSON: .* at line 1, column 1\.$/);
  });

  it('JSON of another shape lists what was expected', () => {
    expectError(importFiles([jsonFile('x.json', { hello: 'world' })]), 'x.json: $', /^`x.json` is JSON but not a scenario file, an IAM authorization-details output or an AWS Organizations output: expected one of .*UserDetailList.*Roots.*Targets/);
  });

  it('a JSON array is not one of them either', () => {
    expectError(importFiles([jsonFile('x.json', [1, 2])]), 'x.json: $', /it is an array/);
  });

  it('the output of a command without policies points to get-account-authorization-details', () => {
    expectError(importFiles([jsonFile('users.json', { Users: [{ UserName: 'alice' }] })]), 'users.json: $', /`aws iam list-users`.*get-account-authorization-details/);
    expectError(importFiles([jsonFile('p.json', { Policies: [{ PolicyName: 'P', Arn: 'arn:aws:iam::111122223333:policy/P' }] })]), 'p.json: $', /`aws iam list-policies`/);
    expectError(importFiles([jsonFile('p.json', { Policy: { PolicyName: 'P' } })]), 'p.json: $', /`aws iam get-policy`/);
  });

  it('a bare policy document is told to go to the builder', () => {
    expectError(importFiles([jsonFile('policy.json', { Version: '2012-10-17', Statement: [] })]), 'policy.json: $', /is a policy document, not a world/);
  });

  it('one file with the outputs of two commands is refused', () => {
    expectError(importFiles([jsonFile('both.json', { Roots: [], Accounts: [] })]), 'both.json: $', /several commands \(`Roots`, `Accounts`\)/);
  });

  it('no files at all', () => {
    expect(importFiles([])).toEqual({ ok: false, errors: [{ path: '$', message: 'No files to import: choose a scenario file or AWS CLI outputs.' }] });
  });

  it('an empty listing holds no account', () => {
    expectError(importFiles([jsonFile('empty.json', { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] })]), 'empty.json: $', /no account/);
  });

  it('every file with a problem is reported, not only the first', () => {
    const result = importFiles([
      { name: 'a.txt', text: 'nope' },
      jsonFile('b.json', { nope: 1 }),
      jsonFile('ok.json', { UserDetailList: [userDetail('alice')] }),
      jsonFile('targets.json', { Targets: [{ TargetId: 'r-a1b2', Type: 'ROOT' }] }),
    ]);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['a.txt: $', 'b.json: $', 'targets.json: $']);
  });

  it('a scenario file given with a broken file: both are reported', () => {
    const scenario = { format: 'iam-playground/scenario', version: 1, accounts: [{ id: '111122223333' }] };
    const result = importFiles([jsonFile('world.json', scenario), { name: 'notes.txt', text: 'nope' }]);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['notes.txt: $', 'world.json: $']);
  });

  it('an unknown top-level key is a warning, pagination keys are not', () => {
    const result = succeeded(importFiles([jsonFile('iam.json', { UserDetailList: [userDetail('alice')], IsTruncated: false, ResponseMetadata: {}, Extra: 1 })]));
    expect(result.warnings.filter((w) => /Unknown property/.test(w.message))).toEqual([{ path: 'iam.json: $.Extra', message: 'Unknown property `Extra` is ignored.' }]);
  });

  it('a duplicated key is a warning at its path', () => {
    const text = '{"UserDetailList":[{"UserName":"alice","UserName":"alice","Arn":"arn:aws:iam::111122223333:user/alice"}]}';
    const result = succeeded(importFiles([{ name: 'iam.json', text }]));
    expect(result.warnings).toContainEqual({ path: 'iam.json: $.UserDetailList[0]', message: 'Key `UserName` appears twice; the last one is used.' });
  });
});
