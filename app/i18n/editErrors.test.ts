/**
 * Every EditError code is translated into both languages, and every placeholder of a
 * translation is filled by the params the edit library actually sends: each code is
 * produced here by a real refused edit and translated.
 */
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../engine/edit/apply';
import { A, B, mustApply, sampleWorld } from '../../engine/edit/testing';
import { EDIT_ERROR_CODES, type EditError, type WorldEdit } from '../../engine/edit/types';
import type { ScenarioJson } from '../../engine/scenario/types';
import { editErrorsEn } from './editErrors.en';
import { editErrorsKo } from './editErrors.ko';
import { translateEditError } from './index';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const world = sampleWorld();
const organized = mustApply(world, { op: 'createOrganization', managementAccount: A });
const root = organized.organization!.units![0]!.id;
const nested = mustApply(organized, { op: 'createOrgUnit', id: 'ou-x-a', name: 'A', parent: root }, { op: 'createOrgUnit', id: 'ou-x-b', name: 'B', parent: 'ou-x-a' });
const single: ScenarioJson = { ...world, accounts: [{ id: A }], requests: [] };
const twoKeys = mustApply(world, { op: 'createAccessKey', account: A, user: 'bob', key: { id: 'AKIAEXAMPLEBOB00002' } });
const alice = { account: A, kind: 'user', name: 'alice' } as const;

/** One refused edit for every code. */
const REFUSED: readonly (readonly [ScenarioJson, WorldEdit])[] = [
  [world, { op: 'createUser', account: A, name: '' }],
  [world, { op: 'createUser', account: A, name: 'x'.repeat(65) }],
  [world, { op: 'createUser', account: A, name: 'a b' }],
  [world, { op: 'createUser', account: A, name: 'ALICE' }],
  [world, { op: 'createUser', account: A, name: 'x', path: 'x' }],
  [world, { op: 'createGroup', account: A, name: 'g', path: `/${'p'.repeat(511)}/` }],
  [world, { op: 'createAccount', id: '1' }],
  [world, { op: 'createAccount', id: A }],
  [world, { op: 'updateAccount', id: A, alias: '-x-' }],
  [world, { op: 'createUser', account: '999999999999', name: 'x' }],
  [twoKeys, { op: 'createAccessKey', account: A, user: 'bob', key: { id: 'AKIAEXAMPLEBOB00003' } }],
  [world, { op: 'delete', ref: { account: A, kind: 'group', name: 'devs' }, cascade: false }],
  [world, { op: 'addUserToGroup', account: A, user: 'alice', group: 'devs' }],
  [world, { op: 'attachPolicy', target: alice, policy: 'S3Read' }],
  [world, { op: 'detachPolicy', target: { account: A, kind: 'user', name: 'bob' }, policy: 'S3Read' }],
  [world, { op: 'setTags', ref: alice, tags: { 'aws:x': 'y' } }],
  [world, { op: 'setTags', ref: alice, tags: { k: '#' } }],
  [world, { op: 'setTags', ref: alice, tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }],
  [world, { op: 'createResource', account: A, arn: 'nope' }],
  [world, { op: 'createPolicy', account: A, name: 'P', document: 1 }],
  [world, { op: 'setMaxSessionDuration', account: A, role: 'Auditor', seconds: 1 }],
  [world, { op: 'setConsolePassword', account: A, user: 'alice', password: '' }],
  [world, { op: 'createAccessKey', account: A, user: 'alice', key: { id: 'x' } }],
  [world, { op: 'addMfaDevice', account: A, user: 'alice', serial: `arn:aws:iam::${A}:mfa/a`, seed: 'x!' }],
  [world, { op: 'deleteOrganization' }],
  [organized, { op: 'createOrganization', managementAccount: A }],
  [organized, { op: 'attachOrgPolicy', name: 'FullAWSAccess', target: B }],
  [nested, { op: 'moveOrgUnit', id: 'ou-x-a', parent: 'ou-x-b' }],
  [organized, { op: 'removeAccountFromOrganization', account: A }],
  [single, { op: 'deleteAccount', id: A }],
  [world, { op: 'removeUserFromGroup', account: A, user: 'bob', group: 'devs' }],
  [world, { op: 'trustPrincipal', account: A, role: 'Auditor', principal: 'nope' }],
  [world, { op: 'untrustPrincipal', account: A, role: 'Auditor', principal: B }],
  [world, { op: 'setTags', ref: { account: A, kind: 'group', name: 'devs' }, tags: {} }],
  [world, { op: 'setDescription', ref: { account: A, kind: 'role', name: 'Auditor' }, description: 'd'.repeat(1001) }],
  [world, { op: 'createOrganization', managementAccount: A, id: 'o-X' }],
  [organized, { op: 'detachOrgPolicy', name: 'FullAWSAccess', target: root }],
  [world, { op: 'setRootPassword', account: A, password: 'weakpass' }],
];

function refusals(): EditError[] {
  return REFUSED.map(([w, edit]) => {
    const result = applyEdit(w, edit);
    if (result.ok) throw new Error(`${edit.op} was applied`);
    return result.error;
  });
}

describe('edit error translations', () => {
  it('every code has a text in English and in Korean, with the same placeholders', () => {
    for (const code of EDIT_ERROR_CODES) {
      expect(editErrorsEn[code].trim(), code).not.toBe('');
      expect(editErrorsKo[code].trim(), code).not.toBe('');
      expect(placeholders(editErrorsKo[code]), code).toEqual(placeholders(editErrorsEn[code]));
    }
  });

  it('every code is produced by some refused edit (this list covers them all)', () => {
    // `worldLocked` is the store's refusal (app/store/worldSlice.ts), never the edit library's.
    const byStore = new Set(['worldLocked']);
    expect([...new Set(refusals().map((e) => e.code))].sort()).toEqual(EDIT_ERROR_CODES.filter((c) => !byStore.has(c)).sort());
  });

  it('the params the library sends fill every placeholder, in both languages', () => {
    for (const error of refusals()) {
      for (const lang of ['en', 'ko'] as const) {
        const text = translateEditError(lang, error);
        expect(text, `${lang} ${error.code} ${JSON.stringify(error.params)}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('reads naturally: a name taken, in both languages', () => {
    const [error] = refusals().filter((e) => e.code === 'nameTaken');
    expect(translateEditError('en', error!)).toBe('The name `ALICE` is already taken here (IAM names are not case-sensitive).');
    expect(translateEditError('ko', error!)).toBe('`ALICE` 이름은 이미 사용 중입니다(IAM 이름은 대소문자를 구분하지 않습니다).');
  });
});
