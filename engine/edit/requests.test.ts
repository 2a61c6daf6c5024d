/** Saved requests: added, replaced, removed and moved as edits, valid as a scenario file after each. */
import { describe, expect, it } from 'vitest';
import type { RequestJson } from '../scenario/types';
import { A, B, deepFreeze, mustApply, refusal, sampleWorld, worldFaults } from './testing';

const world = deepFreeze(sampleWorld());
const ids = (w: { requests?: readonly RequestJson[] }) => (w.requests ?? []).map((r) => r.id);
const bobLists: RequestJson = { id: 'bob-lists', principal: `arn:aws:iam::${A}:user/ops/bob`, action: 's3:ListBucket', resource: 'arn:aws:s3:::acme-data', expect: 'allowed' };

describe('saved requests', () => {
  it('adds a request at the end, or at a position, and the world still validates as a scenario file', () => {
    const end = mustApply(world, { op: 'addRequest', request: bobLists });
    expect(ids(end)).toEqual(['alice-reads', 'carol-assumes', 'session-reads', 'auditor-session', 'bob-reads', 'bob-lists']);
    expect(worldFaults(end)).toEqual([]);
    expect(ids(mustApply(world, { op: 'addRequest', request: bobLists, index: 0 }))[0]).toBe('bob-lists');
    const empty = { ...world, requests: undefined };
    expect(mustApply(empty, { op: 'addRequest', request: bobLists }).requests).toEqual([bobLists]);
  });

  it('request ids are unique in a scenario file: a taken id is refused as nameTaken', () => {
    expect(refusal(world, { op: 'addRequest', request: { ...bobLists, id: 'alice-reads' } })).toMatchObject({ code: 'nameTaken', path: '$.requests[5].id', params: { name: 'alice-reads' } });
  });

  it('a saved request needs an id, an action and a resource', () => {
    expect(refusal(world, { op: 'addRequest', request: { ...bobLists, id: ' ' } })).toMatchObject({ code: 'nameEmpty', path: '$.requests[5].id' });
    expect(refusal(world, { op: 'addRequest', request: { ...bobLists, action: '' } })).toMatchObject({ code: 'documentInvalid', path: '$.requests[5].action', field: 'action' });
    expect(refusal(world, { op: 'addRequest', request: { ...bobLists, as: 'no spaces please' } })).toMatchObject({ path: '$.requests[5].as', field: 'as' });
  });

  it('a caller that is not a principal of the scenario is refused with the validator\'s words and path', () => {
    const error = refusal(world, { op: 'addRequest', request: { ...bobLists, principal: 'alice' } });
    expect(error.path).toBe('$.requests[5].principal');
    expect(error.message).toContain('is not a principal');
  });

  it('a request may use a session ($NAME) only after the request that creates it (requests run in file order)', () => {
    const early = { id: 'early', principal: '$aud', action: 's3:GetObject', resource: 'arn:aws:s3:::acme-data/x' };
    expect(refusal(world, { op: 'addRequest', request: early, index: 0 }).message).toContain('No earlier request of this file created a session named `aud`');
    expect(refusal(world, { op: 'moveRequest', id: 'session-reads', to: 0 }).message).toContain('`aud`');
    expect(refusal(world, { op: 'removeRequest', id: 'carol-assumes' }).path).toBe('$.requests[1].principal');
  });

  it('replaces a request by id, possibly under a new id', () => {
    const next = mustApply(world, { op: 'updateRequest', id: 'bob-reads', request: { ...bobLists, id: 'bob-reads-2' } });
    expect(ids(next).at(-1)).toBe('bob-reads-2');
    expect(next.requests?.at(-1)?.action).toBe('s3:ListBucket');
    expect(refusal(world, { op: 'updateRequest', id: 'nobody', request: bobLists })).toMatchObject({ code: 'notFound', params: { name: 'nobody' } });
    expect(refusal(world, { op: 'updateRequest', id: 'bob-reads', request: { ...bobLists, id: 'alice-reads' } }).code).toBe('nameTaken');
  });

  it('removes a request, and the last one leaves no empty list behind', () => {
    expect(ids(mustApply(world, { op: 'removeRequest', id: 'bob-reads' }))).not.toContain('bob-reads');
    const one = { ...world, requests: [bobLists] };
    expect(mustApply(one, { op: 'removeRequest', id: 'bob-lists' })).not.toHaveProperty('requests');
    expect(refusal(world, { op: 'removeRequest', id: 'nobody' }).code).toBe('notFound');
  });

  it('moves a request, clamping the position; a move to where it is changes nothing', () => {
    expect(ids(mustApply(world, { op: 'moveRequest', id: 'bob-reads', to: 0 }))[0]).toBe('bob-reads');
    expect(ids(mustApply(world, { op: 'moveRequest', id: 'alice-reads', to: 99 })).at(-1)).toBe('alice-reads');
    expect(mustApply(world, { op: 'moveRequest', id: 'alice-reads', to: 0 })).toBe(world);
  });

  it('a fault the opened file already had does not block saving another request', () => {
    const ghost = { id: 'ghost', principal: `arn:aws:iam::${B}:user/ghost`, action: 's3:GetObject', resource: '*' };
    // Saved now, the request would be refused: its caller is not in the world …
    expect(refusal(world, { op: 'addRequest', request: ghost }).path).toBe('$.requests[5].principal');
    // … but a file that already holds it still takes other requests.
    const broken = { ...world, requests: [...(world.requests ?? []), ghost] };
    expect(ids(mustApply(broken, { op: 'addRequest', request: bobLists })).at(-1)).toBe('bob-lists');
  });
});
