import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveManagedPolicies } from '../../engine/data/nodeServeManagedPolicies';
import { PROTOCOL_VERSION, type WorkerRequest, type WorkerResponse } from '../../engine/worker/protocol';
import { createEngineHost } from '../../engine/worker/worker';
import type { ScenarioJson } from '../../engine/scenario/types';

const text = readFileSync(new URL('../../public/samples/starter.json', import.meta.url), 'utf8');
const BASE = 'https://playground.test/sub/';


let nextId = 1;
const ask = (host: ReturnType<typeof createEngineHost>, message: Record<string, unknown>): Promise<WorkerResponse> =>
  host.handle({ v: PROTOCOL_VERSION, id: nextId++, ...message } as WorkerRequest);

afterEach(() => vi.unstubAllGlobals());

describe('the worker host (the same code on the main thread)', () => {
  it('parses the sample, loads its AWS managed policy from the site, and judges its requests', async () => {
    const requested = serveManagedPolicies(BASE);
    const host = createEngineHost('https://elsewhere.test/');
    const parsed = await ask(host, { type: 'parseScenario', text });
    expect(parsed.type).toBe('scenarioParsed');
    if (parsed.type !== 'scenarioParsed' || !parsed.result.ok) throw new Error('the sample is not valid');
    const scenario: ScenarioJson = parsed.result.scenario;

    expect(await ask(host, { type: 'setWorld', scenario, baseUrl: BASE })).toMatchObject({ type: 'worldSet', faults: [] });
    expect(requested).toEqual([`${BASE}data/managed-policies/IAMUserChangePassword.json`]);

    for (const request of scenario.requests ?? []) {
      const answer = await ask(host, { type: 'evaluate', request: { ...request, expect: undefined }, trace: true });
      expect(answer.type === 'decision' && answer.result.decision, request.id).toBe(request.expect);
    }
  });

  it('answers invalid text with the faults and their JSON paths', async () => {
    const host = createEngineHost(BASE);
    const answer = await ask(host, { type: 'parseScenario', text: '{"format": "iam-playground/scenario", "version": 1, "accounts": [{"id": "12"}]}' });
    expect(answer.type === 'scenarioParsed' && !answer.result.ok && answer.result.errors.some((e) => e.path.startsWith('$.accounts[0]'))).toBe(true);
  });

  it('compiles the world without the AWS managed policies when they cannot be fetched, and says so', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const host = createEngineHost(BASE);
    const parsed = await ask(host, { type: 'parseScenario', text });
    if (parsed.type !== 'scenarioParsed' || !parsed.result.ok) throw new Error('the sample is not valid');
    const set = await ask(host, { type: 'setWorld', scenario: parsed.result.scenario, baseUrl: BASE });
    expect(set.type === 'worldSet' && set.faults[0]?.message).toMatch(/AWS managed policies could not be loaded/);
    const request = parsed.result.scenario.requests!.find((r) => r.id === 'alice-reads-report')!;
    expect(await ask(host, { type: 'evaluate', request, trace: false })).toMatchObject({ type: 'decision', result: { decision: 'allowed' } });
  });

  it('refuses to judge before a world is set', async () => {
    const host = createEngineHost(BASE);
    expect(await ask(host, { type: 'evaluate', request: { action: 's3:GetObject', resource: '*' }, trace: false })).toMatchObject({ type: 'error' });
  });
});

/** Issue 4's fixture: alice assumes a partner's role with an external id and MFA (code 582825 at the file's `now`). */
const stsFlow = JSON.parse(readFileSync(new URL('../../tests/fixtures/sts-flow.json', import.meta.url), 'utf8')) as ScenarioJson;
const PARTNER_ROLE = 'arn:aws:iam::444455556666:role/PartnerAccess';
const assumePartner = {
  principal: 'arn:aws:iam::111122223333:user/alice',
  action: 'sts:AssumeRole',
  resource: PARTNER_ROLE,
  params: { RoleSessionName: 'alice', ExternalId: 'acme-7f3a9c', SerialNumber: 'arn:aws:iam::111122223333:mfa/alice', TokenCode: '582825' },
  as: 'S',
};
const readReport = { principal: '$S', action: 's3:GetObject', resource: 'arn:aws:s3:::partner-reports/2026/q1.csv' };

/** The fixture's world with its partner role edited (or removed, with `undefined`). */
function withPartnerRole(edit: (role: Record<string, unknown>) => Record<string, unknown> | undefined): ScenarioJson {
  const accounts = stsFlow.accounts!.map((account) => {
    if (account.id !== '444455556666') return account;
    const roles = (account.roles ?? []).map((r) => (r.name === 'PartnerAccess' ? edit({ ...r }) : r)).filter((r) => r !== undefined);
    return { ...account, roles } as typeof account;
  });
  return { ...stsFlow, accounts, requests: [] };
}

async function hostWithSession() {
  // No AWS managed policies and no service data here: every fetch fails, as offline.
  vi.stubGlobal('fetch', async () => ({ ok: false, status: 404, json: async () => undefined }));
  const host = createEngineHost(BASE);
  expect(await ask(host, { type: 'setWorld', scenario: { ...stsFlow, requests: [] }, baseUrl: BASE })).toMatchObject({ type: 'worldSet', faults: [] });
  const assumed = await ask(host, { type: 'evaluate', request: assumePartner, trace: true, eventTime: '2026-03-01T12:00:05Z' });
  if (assumed.type !== 'decision') throw new Error(`AssumeRole answered ${assumed.type}`);
  return { host, assumed };
}

describe('sessions live in the worker host across requests and worlds', () => {
  it('AssumeRole with ExternalId and MFA issues session S; a request as $S is then allowed', async () => {
    const { host, assumed } = await hostWithSession();
    expect(assumed.result.decision).toBe('allowed');
    expect(assumed.issued).toMatchObject({
      name: 'S', kind: 'assumedRole', account: '444455556666', roleArn: PARTNER_ROLE, mfa: true,
      arn: 'arn:aws:sts::444455556666:assumed-role/PartnerAccess/alice', expiration: '2026-03-01T13:00:00.000Z',
    });
    expect(assumed.issued?.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(assumed.event).toMatchObject({ eventSource: 'sts.amazonaws.com', eventName: 'AssumeRole', eventTime: '2026-03-01T12:00:05Z' });

    const read = await ask(host, { type: 'evaluate', request: readReport, trace: true });
    expect(read.type === 'decision' && read.result.decision).toBe('allowed');
    expect(read.type === 'decision' && read.event.userIdentity).toMatchObject({ type: 'AssumedRole', accessKeyId: assumed.issued?.accessKeyId });

    const listed = await ask(host, { type: 'listSessions' });
    expect(listed.type === 'sessionsListed' && listed.sessions.map((s) => s.name)).toEqual(['S']);
  });

  it('a session survives a setWorld of an edited world and is judged by the role as it is now', async () => {
    const { host } = await hostWithSession();
    const tagged = withPartnerRole((role) => ({ ...role, tags: { team: 'partner' } }));
    await ask(host, { type: 'setWorld', scenario: tagged, baseUrl: BASE });
    expect(await ask(host, { type: 'evaluate', request: readReport, trace: false })).toMatchObject({ type: 'decision', result: { decision: 'allowed' } });

    // "Permissions assigned to temporary security credentials are evaluated each time they are used."
    const withoutRead = withPartnerRole((role) => ({ ...role, inlinePolicies: {} }));
    await ask(host, { type: 'setWorld', scenario: withoutRead, baseUrl: BASE });
    expect(await ask(host, { type: 'evaluate', request: readReport, trace: false })).toMatchObject({ type: 'decision', result: { decision: 'implicitDeny' } });
  });

  it('a session whose role was deleted is allowed nothing: IAM deletes a role only without its policies', async () => {
    const { host } = await hostWithSession();
    await ask(host, { type: 'setWorld', scenario: withPartnerRole(() => undefined), baseUrl: BASE });
    const read = await ask(host, { type: 'evaluate', request: readReport, trace: true });
    if (read.type !== 'decision') throw new Error(read.type);
    expect(read.result.decision).toBe('implicitDeny');
    expect(read.result.trace?.find((e) => e.reason === 'sessionIssuerDeleted')?.params).toEqual({ issuer: PARTNER_ROLE });
  });

  it('clearSessions forgets every session: $S no longer names a caller', async () => {
    const { host } = await hostWithSession();
    expect(await ask(host, { type: 'clearSessions' })).toMatchObject({ type: 'sessionsCleared' });
    expect(await ask(host, { type: 'listSessions' })).toMatchObject({ type: 'sessionsListed', sessions: [] });
    const read = await ask(host, { type: 'evaluate', request: readReport, trace: false });
    expect(read).toMatchObject({ type: 'decision', result: { decision: 'InvalidClientTokenId' } });
  });

  it('a what-if evaluation issues no session and keeps none', async () => {
    const { host } = await hostWithSession();
    const whatIf = await ask(host, { type: 'evaluate', request: { ...assumePartner, as: 'W' }, trace: true, whatIf: { layers: ['scp'] } });
    expect(whatIf.type === 'decision' && whatIf.result.decision).toBe('allowed');
    expect(whatIf.type === 'decision' && whatIf.issued).toBeUndefined();
    const listed = await ask(host, { type: 'listSessions' });
    expect(listed.type === 'sessionsListed' && listed.sessions.map((s) => s.name)).toEqual(['S']);
    expect(await ask(host, { type: 'evaluate', request: { ...readReport, principal: '$W' }, trace: false })).toMatchObject({ result: { decision: 'InvalidClientTokenId' } });
  });

  it('a malformed what-if is answered with an error that says where', async () => {
    const { host } = await hostWithSession();
    const answer = await ask(host, { type: 'evaluate', request: readReport, trace: true, whatIf: { layers: ['everything'] } });
    expect(answer).toMatchObject({ type: 'error', message: expect.stringMatching(/^whatIf\.layers\[0\]/) });
  });
});
