import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveManagedPolicies } from '../data/nodeServeManagedPolicies';
import type { ExerciseJson, ScenarioJson } from '../scenario/types';
import { firstRequestOf, PROTOCOL_VERSION, workerName, type WorkerRequest, type WorkerResponse } from './protocol';
import { createEngineHost } from './worker';

const BASE = 'https://playground.test/';
const A = '111111111111';
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';


afterEach(() => vi.unstubAllGlobals());

let nextId = 1;
const ask = (host: ReturnType<typeof createEngineHost>, message: Record<string, unknown>): Promise<WorkerResponse> =>
  host.handle({ v: PROTOCOL_VERSION, id: nextId++, ...message } as WorkerRequest);

const allow = (action: string | string[], resource = '*') => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] });
const SCENARIO: ScenarioJson = {
  format: 'iam-playground/scenario', version: 1, now: '2026-03-01T12:00:00Z',
  accounts: [{
    id: A,
    policies: [{ name: 'SelfService', document: allow('iam:CreatePolicyVersion', `arn:aws:iam::${A}:policy/SelfService`) }],
    users: [
      { name: 'dev', managedPolicies: ['SelfService'] },
      { name: 'mallory', inlinePolicies: { iam: allow('iam:AttachUserPolicy') } },
    ],
    resources: [{ arn: 'arn:aws:s3:::secret-bucket' }],
  }],
};
const READ = { principal: `arn:aws:iam::${A}:user/dev`, action: 's3:GetObject', resource: 'arn:aws:s3:::secret-bucket/plans.txt' };
const ESCALATE = {
  principal: `arn:aws:iam::${A}:user/dev`, action: 'iam:CreatePolicyVersion', resource: `arn:aws:iam::${A}:policy/SelfService`,
  params: { PolicyDocument: allow('*'), SetAsDefault: true },
};

async function hostWith(scenario: ScenarioJson) {
  const host = createEngineHost(BASE);
  expect(await ask(host, { type: 'setWorld', scenario, baseUrl: BASE })).toMatchObject({ type: 'worldSet', faults: [] });
  return host;
}

const decisionOf = (answer: WorkerResponse) => (answer.type === 'decision' ? answer.result.decision : answer.type);

describe('the worker and the simulated IAM API', () => {
  it('applies an allowed IAM write to its own world at once, returns it, and the next request sees it', async () => {
    serveManagedPolicies(BASE);
    const host = await hostWith(SCENARIO);
    expect(decisionOf(await ask(host, { type: 'evaluate', request: READ, trace: false }))).toBe('implicitDeny');
    const answer = await ask(host, { type: 'evaluate', request: ESCALATE, trace: true });
    expect(answer).toMatchObject({ type: 'decision', result: { decision: 'allowed' }, applied: { action: 'iam:CreatePolicyVersion', summary: { code: 'apiCreatedPolicyVersion' } } });
    expect(answer.type === 'decision' && answer.applied?.edits).toEqual([{ op: 'setDocument', ref: { kind: 'managed', account: A, name: 'SelfService' }, document: allow('*') }]);
    expect(decisionOf(await ask(host, { type: 'evaluate', request: READ, trace: false }))).toBe('allowed');
  });

  it('keeps the sessions issued before a write: a role session sees the world the write made', async () => {
    serveManagedPolicies(BASE);
    const withRole: ScenarioJson = {
      ...SCENARIO,
      accounts: [{
        ...SCENARIO.accounts[0]!,
        roles: [{ name: 'Reader', trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: A }, Action: 'sts:AssumeRole' }] } }],
        users: [...SCENARIO.accounts[0]!.users!, { name: 'admin', inlinePolicies: { all: allow(['iam:*', 'sts:AssumeRole']) } }],
      }],
    };
    const host = await hostWith(withRole);
    const admin = `arn:aws:iam::${A}:user/admin`;
    expect(decisionOf(await ask(host, { type: 'evaluate', request: { principal: admin, action: 'sts:AssumeRole', resource: `arn:aws:iam::${A}:role/Reader`, params: { RoleSessionName: 'r1' }, as: 'reader' }, trace: false }))).toBe('allowed');
    const asReader = { principal: '$reader', action: 's3:GetObject', resource: READ.resource };
    expect(decisionOf(await ask(host, { type: 'evaluate', request: asReader, trace: false }))).toBe('implicitDeny');
    const put = { principal: admin, action: 'iam:PutRolePolicy', resource: `arn:aws:iam::${A}:role/Reader`, params: { PolicyName: 'read', PolicyDocument: allow('s3:GetObject') } };
    expect(decisionOf(await ask(host, { type: 'evaluate', request: put, trace: false }))).toBe('allowed');
    expect(decisionOf(await ask(host, { type: 'evaluate', request: asReader, trace: false }))).toBe('allowed');
  });

  it('a what-if evaluation applies nothing', async () => {
    serveManagedPolicies(BASE);
    const host = await hostWith(SCENARIO);
    const answer = await ask(host, { type: 'evaluate', request: ESCALATE, trace: false, whatIf: { policies: [] } });
    expect(decisionOf(answer)).toBe('allowed');
    expect(answer.type === 'decision' && answer.applied).toBeUndefined();
    expect(decisionOf(await ask(host, { type: 'evaluate', request: READ, trace: false }))).toBe('implicitDeny');
  });

  it('fetches an AWS managed policy the call attaches before applying it', async () => {
    const requested = serveManagedPolicies(BASE);
    const host = await hostWith(SCENARIO);
    const attach = { principal: `arn:aws:iam::${A}:user/mallory`, action: 'iam:AttachUserPolicy', resource: `arn:aws:iam::${A}:user/dev`, params: { PolicyArn: ADMIN } };
    expect(decisionOf(await ask(host, { type: 'evaluate', request: attach, trace: false }))).toBe('allowed');
    expect(requested).toContain(`${BASE}data/managed-policies/AdministratorAccess.json`);
    expect(decisionOf(await ask(host, { type: 'evaluate', request: READ, trace: false }))).toBe('allowed');
  });

  it('judges an exercise on a copy: goal requests that write never change the worker\'s world', async () => {
    serveManagedPolicies(BASE);
    const host = await hostWith(SCENARIO);
    const exercise: ExerciseJson = {
      id: 'escalate', task: 'Read the secret.',
      goals: [
        { request: ESCALATE, expect: 'allowed' },
        { request: READ, expect: 'allowed' },
        { performed: { action: 's3:getobject', resource: 'arn:aws:s3:::secret-bucket/*', principal: `arn:aws:iam::${A}:user/*` } },
      ],
    };
    const judged = await ask(host, { type: 'judgeExercise', exercise, performed: [{ action: 's3:GetObject', resource: READ.resource, caller: READ.principal, decision: 'implicitDeny' }] });
    expect(judged.type === 'exerciseJudged' && judged.judgement).toMatchObject({ met: 2, of: 3, solved: false, goals: [{ met: true }, { met: true }, { met: false, kind: 'performed' }] });
    // The worker's world is as it was: the escalation happened only in the judge's copy.
    expect(decisionOf(await ask(host, { type: 'evaluate', request: READ, trace: false }))).toBe('implicitDeny');
    const solved = await ask(host, { type: 'judgeExercise', exercise, performed: [{ action: 's3:GetObject', resource: READ.resource, caller: READ.principal, decision: 'allowed' }] });
    expect(solved.type === 'exerciseJudged' && solved.judgement.solved).toBe(true);
  });

  it('refuses to judge an exercise before a world is set', async () => {
    const host = createEngineHost(BASE);
    expect(await ask(host, { type: 'judgeExercise', exercise: { id: 'x', task: 't', goals: [] }, performed: [] })).toMatchObject({ type: 'error' });
  });
});

describe('fetchScenario: the engine fetches a shipped scenario itself', () => {
  const SAMPLE_URL = 'https://playground.test/samples/starter.json';

  it('answers the parsed scenario, as parseScenario does for the same text', async () => {
    const asked: string[] = [];
    const host = createEngineHost(BASE, { fetchText: async (url) => (asked.push(url), { ok: true, text: JSON.stringify(SCENARIO) }) });
    const answer = await ask(host, { type: 'fetchScenario', url: SAMPLE_URL });
    expect(asked).toEqual([SAMPLE_URL]);
    expect(answer).toMatchObject({ type: 'scenarioFetched', result: { ok: true, scenario: { accounts: [{ id: A }] } } });
    const parsed = await ask(host, { type: 'parseScenario', text: JSON.stringify(SCENARIO) });
    expect(parsed.type === 'scenarioParsed' && answer.type === 'scenarioFetched' && parsed.result).toEqual(answer.type === 'scenarioFetched' && answer.result);
  });

  it('answers every fault with its JSON path when the file is not a valid scenario', async () => {
    const host = createEngineHost(BASE, { fetchText: async () => ({ ok: true, text: '{"format": "iam-playground/scenario", "version": 1, "accounts": [{"id": "12"}]}' }) });
    const answer = await ask(host, { type: 'fetchScenario', url: SAMPLE_URL });
    expect(answer).toMatchObject({ type: 'scenarioFetched', result: { ok: false, errors: [expect.objectContaining({ path: '$.accounts[0].id' })] } });
  });

  it('sends what the embedding host computes from a valid world beside it, and nothing beside an invalid one', async () => {
    const seen: ScenarioJson[] = [];
    const besideScenario = (scenario: ScenarioJson) => (seen.push(scenario), { accounts: scenario.accounts.length });
    const valid = createEngineHost(BASE, { besideScenario, fetchText: async () => ({ ok: true, text: JSON.stringify(SCENARIO) }) });
    const answer = await ask(valid, { type: 'fetchScenario', url: SAMPLE_URL });
    expect(answer).toMatchObject({ type: 'scenarioFetched', beside: { accounts: 1 } });
    expect(answer.type === 'scenarioFetched' && answer.result.ok && answer.result.scenario).toBe(seen[0]);
    const invalid = createEngineHost(BASE, { besideScenario, fetchText: async () => ({ ok: true, text: '{"format": "iam-playground/scenario"}' }) });
    expect(await ask(invalid, { type: 'fetchScenario', url: SAMPLE_URL })).not.toHaveProperty('beside');
    expect(seen).toHaveLength(1);
    const failing = createEngineHost(BASE, {
      besideScenario: () => {
        throw new Error('a bug in the map');
      },
      fetchText: async () => ({ ok: true, text: JSON.stringify(SCENARIO) }),
    });
    const still = await ask(failing, { type: 'fetchScenario', url: SAMPLE_URL });
    expect(still).toMatchObject({ type: 'scenarioFetched', result: { ok: true } });
    expect(still).not.toHaveProperty('beside');
  });

  it('says why when the file cannot be fetched (an answer, not an error)', async () => {
    vi.stubGlobal('fetch', async () => ({ ok: false, status: 404, text: async () => 'Not found' }));
    expect(await ask(createEngineHost(BASE), { type: 'fetchScenario', url: SAMPLE_URL })).toMatchObject({ type: 'scenarioFetched', result: { ok: false, message: `HTTP 404 for \`${SAMPLE_URL}\`` } });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await ask(createEngineHost(BASE), { type: 'fetchScenario', url: SAMPLE_URL })).toMatchObject({ result: { ok: false, message: `Could not fetch \`${SAMPLE_URL}\`: Failed to fetch` } });
  });
});

describe("a worker's name carries the request it begins with", () => {
  it('round-trips the request, and names a worker without one plainly', () => {
    const first: WorkerRequest = { v: PROTOCOL_VERSION, id: 1, type: 'fetchScenario', url: 'https://playground.test/samples/starter.json' };
    expect(firstRequestOf(workerName(first))).toEqual(first);
    expect(workerName()).toBe('iam-engine');
    expect(firstRequestOf(workerName())).toBeNull();
  });

  it('reads nothing from a name that is not one of ours or is damaged', () => {
    expect(firstRequestOf('')).toBeNull();
    expect(firstRequestOf('monaco-json {"v":6}')).toBeNull();
    expect(firstRequestOf('iam-engine {not json')).toBeNull();
  });
});
