import { describe, expect, it } from 'vitest';
import { loadManagedPolicySourceNode } from '../../engine/data/nodeManagedPolicies';
import { API_SUMMARY_CODES } from '../../engine/iamApi/spec';
import { compileWorld } from '../../engine/index';
import { runRequestDetailed } from '../../engine/pipeline/run';
import { SessionStore } from '../../engine/pipeline/sessions';
import type { RequestJson } from '../../engine/scenario/types';
import { counterIds } from '../../engine/trail/cloudTrail';
import { recordOutcome } from '../../engine/trail/recorded';
import { translate } from '../i18n';
import { appliedSummary, newAccessKey, summaryKey } from './applied';
import { nodeDetail } from './labels';
import { decisionGraph } from './stages';
import { plainSummary } from './summary';
import { SELF_SERVICE_WORLD } from './testWorlds';

const managed = loadManagedPolicySourceNode();
const { A, DEV, ADMIN, scenario } = SELF_SERVICE_WORLD;

/** Judges a request as the worker does, with the simulated IAM API. */
async function judge(request: Omit<RequestJson, 'principal'>) {
  const { world } = compileWorld(scenario, managed);
  const full: RequestJson = { principal: DEV, ...request };
  const outcome = await runRequestDetailed(world, full, { trace: true, sessions: new SessionStore(), api: { scenario, managed } });
  return { request: full, ...recordOutcome(full, outcome, { eventTime: new Date('2026-03-01T12:00:00Z'), ids: counterIds() }) };
}

const shape = (result: Awaited<ReturnType<typeof judge>>['result']) => decisionGraph(result).nodes.map((n) => `${n.stage}:${n.kind}:${n.outcome}`);

describe('what the IAM API applied, in words', () => {
  it('every summary code of the engine reads in English and Korean, with every parameter filled in', () => {
    const params = { user: 'dev-lee', group: 'devs', role: 'App', policy: ADMIN, accessKeyId: 'AKIA1', status: 'Inactive', keys: 'team', account: A };
    for (const code of API_SUMMARY_CODES) {
      for (const lang of ['en', 'ko'] as const) {
        const text = appliedSummary(lang, { code, params });
        expect(text, `${lang} ${code}`).not.toMatch(/\{\w+\}/);
        expect(text, `${lang} ${code}`).not.toContain(code);
      }
      expect(translate('ko', summaryKey(code))).not.toBe(translate('en', summaryKey(code)));
    }
    // A managed policy by its name, the entity with its kind.
    expect(appliedSummary('en', { code: 'apiAttachedPolicy', params: { user: 'dev-lee', policy: ADMIN, account: A } })).toBe('The policy AdministratorAccess is now attached to user dev-lee.');
    expect(appliedSummary('ko', { code: 'apiAttachedPolicy', params: { role: 'App', policy: ADMIN, account: A } })).toBe('이제 역할 App에 정책 AdministratorAccess이(가) 연결되었습니다.');
    // A code this app does not know yet (a newer engine) still says something.
    expect(appliedSummary('en', { code: 'apiSomethingNew', params: { user: 'x' } })).toContain('apiSomethingNew');
  });

  it('an applied attachment: the api stage comes after authorization, before the one decision', async () => {
    const out = await judge({ action: 'iam:AttachUserPolicy', resource: DEV, params: { PolicyArn: ADMIN } });
    expect(out.result.decision).toBe('allowed');
    const nodes = shape(out.result);
    expect(nodes.slice(-2)).toEqual(['api:step:pass', 'identity:decision:allow']);
    expect(nodes.filter((n) => n.includes(':decision:'))).toHaveLength(1);
    expect(nodes.indexOf('api:step:pass')).toBeGreaterThan(nodes.indexOf('identity:stage:allow'));
    const api = decisionGraph(out.result).nodes.find((n) => n.stage === 'api')!;
    expect(nodeDetail('en', api, out.result)).toBe('The IAM API applied the call: the world changed.');
    expect(appliedSummary('en', out.applied!.summary)).toBe('The policy AdministratorAccess is now attached to user dev-lee.');
    expect(newAccessKey(out.applied)).toBeUndefined();
  });

  it('a call the IAM API refuses (NoSuchEntity): its api node decides, one decision, and the summary says it was authorized but refused', async () => {
    const out = await judge({ action: 'iam:AttachUserPolicy', resource: DEV, params: { PolicyArn: `arn:aws:iam::${A}:policy/Nope` } });
    expect(out.result.decision).toBe('NoSuchEntity');
    expect(out.result.decidedBy).toEqual(['api']);
    const graph = decisionGraph(out.result);
    expect(shape(out.result).slice(-2)).toEqual(['api:step:fail', 'api:decision:fail']);
    expect(graph.nodes.filter((n) => n.kind === 'decision')).toHaveLength(1);
    expect(graph.nodes.find((n) => n.stage === 'api' && n.kind === 'step')?.decisive).toBe(true);
    // Authorization was reached: no stage is listed as skipped.
    expect(graph.nodes.some((n) => n.kind === 'skipped')).toBe(false);
    expect(plainSummary('en', out)).toBe(`dev-lee may perform iam:AttachUserPolicy on ${DEV}, but the IAM API refused the call: NoSuchEntity. Nothing changed in the world.`);
    expect(plainSummary('ko', out)).toContain('NoSuchEntity');
  });

  it('CreateAccessKey: the new key id and its secret come from the response', async () => {
    const out = await judge({ action: 'iam:CreateAccessKey', resource: DEV, params: { UserName: 'dev-lee' } });
    const key = newAccessKey(out.applied);
    expect(key?.accessKeyId).toMatch(/^AKIA/);
    expect(key?.secretAccessKey.length).toBeGreaterThan(20);
    expect(appliedSummary('en', out.applied!.summary)).toBe(`dev-lee has a new access key, ${key!.accessKeyId}.`);
  });
});
