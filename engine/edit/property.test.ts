/**
 * Property: whatever sequence of edits a learner makes, every world the library returns is
 * a valid scenario that compiles (apart from AWS managed policies this test does not load),
 * the world it was given is never changed, and a refused edit is an EditError, never a throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit } from './apply';
import { A, B, deepFreeze, sampleWorld, worldFaults } from './testing';
import { EDIT_ERROR_CODES, type WorldEdit } from './types';
import type { ScenarioJson } from '../scenario/types';

const DOC = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 'sqs:SendMessage'], Resource: '*' }] };
const SCP = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'ec2:*', Resource: '*' }] };
/** setDocument does not check a document's grammar (the validator does): the test gives each policy a document of its kind. */
const RCP = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }] };

const ACCOUNTS = [A, B, '777788889999', '123456789012'];
const NAMES = ['alice', 'Alice', 'bob', 'devs', 'ops', 'Admin', 'S3Read', 'Boundary', 'Auditor', 'x', 'bad name', ''];
const PATHS = ['/', '/eng/', '/a/b/', 'nope'];

const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);

/** What a random edit wants, by position; `resolve` turns it into an edit of the current world. */
type Intent = { readonly op: string; readonly a: number; readonly b: number; readonly c: number; readonly name: string; readonly flag: boolean };

const intent: fc.Arbitrary<Intent> = fc.record({
  op: fc.constantFrom(
    'createAccount', 'deleteAccount', 'updateAccount', 'createUser', 'createGroup', 'createRole', 'createPolicy', 'createResource', 'rename', 'delete',
    'addUserToGroup', 'removeUserFromGroup', 'attachPolicy', 'detachPolicy', 'setPermissionsBoundary', 'putInlinePolicy', 'renameInlinePolicy',
    'deleteInlinePolicy', 'setDocument', 'trustPrincipal', 'untrustPrincipal', 'setPath', 'setTags', 'createAccessKey', 'setMaxSessionDuration', 'addMfaDevice',
    'createOrganization', 'deleteOrganization', 'createOrgUnit', 'moveOrgUnit', 'deleteOrgUnit', 'moveAccount', 'removeAccountFromOrganization',
    'createOrgPolicy', 'attachOrgPolicy', 'detachOrgPolicy', 'deleteOrgPolicy', 'renameOrgPolicy',
    'setRootPassword', 'createRootAccessKey', 'setRootAccessKeyStatus', 'deleteRootAccessKey', 'addRootMfaDevice', 'removeRootMfaDevice',
  ),
  a: fc.nat(50),
  b: fc.nat(50),
  c: fc.nat(50),
  name: fc.constantFrom(...NAMES),
  flag: fc.boolean(),
});

const KINDS = ['user', 'group', 'role', 'policy'] as const;
const LISTS = { user: 'users', group: 'groups', role: 'roles', policy: 'policies' } as const;

function resolve(world: ScenarioJson, i: Intent): WorldEdit {
  const account = pick(world.accounts, i.a)!;
  const acct = account.id;
  const kind = KINDS[i.b % KINDS.length]!;
  const entity = pick((account[LISTS[kind]] ?? []) as readonly { name: string }[], i.c)?.name ?? i.name;
  const user = pick(account.users ?? [], i.b)?.name ?? i.name;
  const group = pick(account.groups ?? [], i.c)?.name ?? i.name;
  const role = pick(account.roles ?? [], i.c)?.name ?? i.name;
  const holderKind = (['user', 'group', 'role'] as const)[i.b % 3]!;
  const holder = pick((account[LISTS[holderKind]] ?? []) as readonly { name: string }[], i.c)?.name ?? i.name;
  const policy = i.flag ? pick(account.policies ?? [], i.c)?.name ?? i.name : pick(world.accounts.flatMap((x) => (x.policies ?? []).map((p) => `arn:aws:iam::${x.id}:policy${p.path ?? '/'}${p.name}`)), i.c) ?? 'arn:aws:iam::aws:policy/ReadOnlyAccess';
  const org = world.organization;
  const unit = pick(org?.units ?? [], i.b)?.id ?? 'r-none';
  const unit2 = pick(org?.units ?? [], i.c)?.id ?? 'r-none';
  const orgPolicy = pick(org?.policies ?? [], i.c)?.name ?? i.name;
  const orgDocument = pick(org?.policies ?? [], i.c)?.type === 'RCP' ? RCP : SCP;
  const target = i.flag ? unit : pick(org?.accounts ?? [], i.b)?.id ?? acct;
  const principal = [pick(ACCOUNTS, i.b)!, 'ec2.amazonaws.com', `arn:aws:iam::${acct}:user/${user}`, `arn:aws:iam::${acct}:role/${role}`][i.c % 4]!;
  const inline = Object.keys(pick((account[LISTS[holderKind]] ?? []) as readonly { inlinePolicies?: Record<string, unknown> }[], i.c)?.inlinePolicies ?? {})[0] ?? i.name;
  switch (i.op) {
    case 'createAccount':
      return { op: 'createAccount', id: pick(ACCOUNTS, i.b)!, ...(i.flag ? { alias: `acct-${i.c}` } : {}) };
    case 'deleteAccount':
      return { op: 'deleteAccount', id: acct };
    case 'updateAccount':
      return { op: 'updateAccount', id: acct, alias: i.flag ? `alias-${i.c % 3}` : null };
    case 'createUser':
    case 'createGroup':
      return { op: i.op, account: acct, name: i.name, ...(i.flag ? { path: pick(PATHS, i.c)! } : {}) };
    case 'createRole':
      return { op: 'createRole', account: acct, name: i.name };
    case 'createPolicy':
      return { op: 'createPolicy', account: acct, name: i.name, document: DOC };
    case 'createResource':
      return { op: 'createResource', account: acct, arn: i.flag ? `arn:aws:s3:::bucket-${i.c % 5}` : `arn:aws:sqs:us-east-1:${pick(ACCOUNTS, i.b)}:q${i.c % 3}` };
    case 'rename':
      if (kind === 'user' && i.flag) return { op: 'rename', ref: { account: acct, kind: 'resource', arn: pick(account.resources ?? [], i.c)?.arn ?? 'arn:aws:s3:::none' }, newName: `arn:aws:s3:::renamed-${i.c % 4}` };
      return { op: 'rename', ref: { account: acct, kind, name: entity }, newName: i.name };
    case 'delete':
      return { op: 'delete', ref: { account: acct, kind, name: entity }, cascade: i.flag || i.c % 3 === 0 };
    case 'addUserToGroup':
    case 'removeUserFromGroup':
      return { op: i.op, account: acct, user, group };
    case 'attachPolicy':
    case 'detachPolicy':
      return { op: i.op, target: { account: acct, kind: holderKind, name: holder }, policy };
    case 'setPermissionsBoundary':
      return { op: 'setPermissionsBoundary', target: { account: acct, kind: i.b % 2 === 0 ? 'user' : 'role', name: i.b % 2 === 0 ? user : role }, policy: i.c % 4 === 0 ? null : policy };
    case 'putInlinePolicy':
      return { op: 'putInlinePolicy', owner: { account: acct, kind: holderKind, name: holder }, name: i.name, document: DOC };
    case 'renameInlinePolicy':
      return { op: 'renameInlinePolicy', owner: { account: acct, kind: holderKind, name: holder }, name: inline, newName: i.name };
    case 'deleteInlinePolicy':
      return { op: 'deleteInlinePolicy', owner: { account: acct, kind: holderKind, name: holder }, name: inline };
    case 'setDocument':
      return i.flag ? { op: 'setDocument', ref: { kind: 'managed', account: acct, name: pick(account.policies ?? [], i.c)?.name ?? i.name }, document: DOC } : { op: 'setDocument', ref: { kind: 'org', name: orgPolicy }, document: orgDocument };
    case 'trustPrincipal':
    case 'untrustPrincipal':
      return { op: i.op, account: acct, role, principal };
    case 'setPath':
      return { op: 'setPath', ref: { account: acct, kind, name: entity }, path: pick(PATHS, i.c)! };
    case 'setTags':
      return { op: 'setTags', ref: { account: acct, kind: i.flag ? 'user' : 'role', name: i.flag ? user : role }, tags: i.c % 2 === 0 ? { team: i.name } : {} };
    case 'createAccessKey':
      return { op: 'createAccessKey', account: acct, user, key: { id: `AKIAPROPERTY${String(i.c).padStart(8, '0')}` } };
    case 'setMaxSessionDuration':
      return { op: 'setMaxSessionDuration', account: acct, role, seconds: 3000 + i.c * 800 };
    case 'addMfaDevice':
      return { op: 'addMfaDevice', account: acct, user, serial: `arn:aws:iam::${acct}:mfa/${user || 'x'}-${i.c % 3}`, seed: 'JBSWY3DPEHPK3PXP' };
    case 'setRootPassword':
      return { op: 'setRootPassword', account: acct, password: i.flag ? `Root-${i.name}-${i.c}!` : null };
    case 'createRootAccessKey':
      return { op: 'createRootAccessKey', account: acct, key: { id: `AKIAPROPROOT${String(i.c).padStart(8, '0')}`, ...(i.flag ? { status: 'Inactive' as const } : {}) } };
    case 'setRootAccessKeyStatus':
    case 'deleteRootAccessKey': {
      const keyId = pick(account.root?.accessKeys ?? [], i.c)?.id ?? `AKIAPROPROOT${String(i.c).padStart(8, '0')}`;
      return i.op === 'deleteRootAccessKey' ? { op: 'deleteRootAccessKey', account: acct, keyId } : { op: 'setRootAccessKeyStatus', account: acct, keyId, status: i.flag ? 'Active' : 'Inactive' };
    }
    case 'addRootMfaDevice':
      return { op: 'addRootMfaDevice', account: acct, serial: `arn:aws:iam::${acct}:mfa/root-${i.c % 3}`, seed: 'JBSWY3DPEHPK3PXP' };
    case 'removeRootMfaDevice':
      return { op: 'removeRootMfaDevice', account: acct, serial: pick(account.root?.mfaDevices ?? [], i.c)?.serial ?? `arn:aws:iam::${acct}:mfa/root-${i.c % 3}` };
    case 'createOrganization':
      return { op: 'createOrganization', managementAccount: acct };
    case 'deleteOrganization':
      return { op: 'deleteOrganization' };
    case 'createOrgUnit':
      return { op: 'createOrgUnit', name: i.name || 'Unit', parent: unit };
    case 'moveOrgUnit':
      return { op: 'moveOrgUnit', id: unit, parent: unit2 };
    case 'deleteOrgUnit':
      return { op: 'deleteOrgUnit', id: unit, cascade: i.flag };
    case 'moveAccount':
      return { op: 'moveAccount', account: acct, parent: unit };
    case 'removeAccountFromOrganization':
      return { op: 'removeAccountFromOrganization', account: acct };
    case 'createOrgPolicy':
      return { op: 'createOrgPolicy', name: i.name || 'Scp', type: i.flag ? 'SCP' : 'RCP', document: i.flag ? SCP : RCP };
    case 'attachOrgPolicy':
    case 'detachOrgPolicy':
      return { op: i.op, name: orgPolicy, target };
    case 'deleteOrgPolicy':
      return { op: 'deleteOrgPolicy', name: orgPolicy };
    default:
      return { op: 'renameOrgPolicy', name: orgPolicy, newName: i.name };
  }
}

describe('random sequences of edits', () => {
  it('always leave a world that validates and compiles; refusals are EditErrors; the input is never changed', () => {
    let applied = 0;
    fc.assert(
      fc.property(fc.boolean(), fc.array(intent, { minLength: 10, maxLength: 30 }), (withOrganization, intents) => {
        const start = sampleWorld();
        const organized = withOrganization ? applyEdit(start, { op: 'createOrganization', managementAccount: A }) : undefined;
        let world = deepFreeze(organized?.ok ? organized.world : start);
        for (const i of intents) {
          const edit = resolve(world, i);
          const result = applyEdit(world, edit);
          if (!result.ok) {
            expect(EDIT_ERROR_CODES).toContain(result.error.code);
            expect(result.error.message.length).toBeGreaterThan(0);
            expect(result.error.path.startsWith('$')).toBe(true);
            continue;
          }
          if (result.world === world) continue;
          applied++;
          const faults = worldFaults(result.world);
          if (faults.length > 0) throw new Error(`after ${JSON.stringify(edit)}:\n${faults.join('\n')}`);
          world = deepFreeze(result.world);
        }
      }),
      { numRuns: 60, seed: 20260501 },
    );
    // The generator must make real changes, not only refused edits.
    expect(applied).toBeGreaterThan(400);
  }, 120_000);
});
