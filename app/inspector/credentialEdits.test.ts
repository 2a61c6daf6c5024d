/** The credential sections change the identity they show: an IAM user's edits touch only that user, the root user's only the root user. */
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../engine/edit/apply';
import { A, sampleWorld } from '../../engine/edit/testing';
import type { WorldEdit } from '../../engine/edit/types';
import type { ScenarioJson } from '../../engine/scenario/types';
import { type CredentialEdits, rootCredentialEdits, userCredentialEdits } from './credentialEdits';

const KEY = 'AKIAEXAMPLENEW00001';
const SERIAL = `arn:aws:iam::${A}:mfa/phone`;

/** Every change the sections make, in order, on one identity. */
function session(edits: CredentialEdits): WorldEdit[] {
  return [edits.setPassword('acme-Root-2023!'), edits.createKey({ id: KEY, status: 'Active' }), edits.setKeyStatus(KEY, 'Inactive'), edits.addDevice(SERIAL, 'JBSWY3DPEHPK3PXP')];
}

function play(world: ScenarioJson, edits: readonly WorldEdit[]): ScenarioJson {
  return edits.reduce((w, edit) => {
    const result = applyEdit(w, edit);
    if (!result.ok) throw new Error(`${edit.op}: ${result.error.message}`);
    return result.world;
  }, world);
}

describe('credential edits', () => {
  it('the root user\'s sections change the root user, and nobody else', () => {
    const world = sampleWorld();
    const next = play(world, session(rootCredentialEdits(A)));
    expect(next.accounts[0]!.root).toEqual({ password: 'acme-Root-2023!', accessKeys: [{ id: KEY, status: 'Inactive' }], mfaDevices: [{ serial: SERIAL, seed: 'JBSWY3DPEHPK3PXP' }] });
    expect(next.accounts[0]!.users).toEqual(world.accounts[0]!.users);
    const cleared = play(next, [rootCredentialEdits(A).removeDevice(SERIAL), rootCredentialEdits(A).deleteKey(KEY), rootCredentialEdits(A).setPassword(null)]);
    expect(cleared.accounts[0]).toEqual(world.accounts[0]);
  });

  it('an IAM user\'s sections change that user, and not the root user', () => {
    const world = sampleWorld();
    const next = play(world, session(userCredentialEdits(A, 'alice')));
    const alice = next.accounts[0]!.users![0]!;
    expect(alice).toMatchObject({ password: 'acme-Root-2023!', accessKeys: [{ id: KEY, status: 'Inactive' }], mfaDevices: [{ serial: SERIAL, seed: 'JBSWY3DPEHPK3PXP' }] });
    expect(next.accounts[0]).not.toHaveProperty('root');
    const cleared = play(next, [userCredentialEdits(A, 'alice').removeDevice(SERIAL), userCredentialEdits(A, 'alice').deleteKey(KEY)]);
    expect(cleared.accounts[0]!.users![0]!.accessKeys).toEqual([]);
    expect(cleared.accounts[0]!.users![0]!.mfaDevices).toEqual([]);
  });
});
