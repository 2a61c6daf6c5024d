import { describe, expect, it } from 'vitest';
import { loadManagedPolicySourceNode } from '../data/nodeManagedPolicies';
import { nodeServiceCatalogue } from '../data/nodeServiceData';
import type { PolicyRef } from '../evaluate/types';
import type { World } from '../model/world';
import { worldOf } from '../pipeline/testWorld';
import type { ScenarioJson } from '../scenario/types';
import { createControl, UNCONTROLLED, AnalysisCancelled } from './control';
import type { AnalysisDeps } from './deps';
import { policyText, worldPolicyDocuments } from './findingsDocuments';
import { worldFindings } from './worldFindings';

const managed = loadManagedPolicySourceNode();
const A = '111111111111';
const B = '222222222222';
const doc = (statement: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [statement] });
const allow = (action: string | string[], resource: string | string[] = '*') => doc({ Effect: 'Allow', Action: action, Resource: resource });

const SCENARIO: ScenarioJson = {
  format: 'iam-playground/scenario', version: 1, now: '2026-03-01T12:00:00Z',
  organization: {
    id: 'o-findings01', managementAccount: A,
    units: [{ id: 'r-root', name: 'Root' }],
    accounts: [{ id: A, parent: 'r-root' }, { id: B, parent: 'r-root' }],
    policies: [
      { name: 'Everything', type: 'SCP', targets: ['r-root'], document: allow('*') },
      { name: 'Unattached', type: 'SCP', targets: [], document: allow('*') },
      { name: 'OrgOnly', type: 'RCP', targets: ['r-root'], document: doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-findings01' } } }) },
    ],
  },
  accounts: [
    {
      id: A,
      policies: [{ name: 'Twice', path: '/team/', document: allow(['s3:GetObject', 's3:GetObject']) }],
      groups: [{ name: 'devs', inlinePolicies: { GroupRead: allow('s3:ListBucket', 'arn:aws:s3:::logs') } }],
      users: [{
        name: 'alice', groups: ['devs'], managedPolicies: ['Twice', 'arn:aws:iam::aws:policy/ReadOnlyAccess'], permissionsBoundary: 'Twice',
        inlinePolicies: { Typo: allow('s3:GetObjekt') },
      }],
      roles: [{
        name: 'Auditor', path: '/audit/',
        trustPolicy: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: 'sts:AssumeRole' }),
        inlinePolicies: { Read: allow('s3:GetObject', 'arn:aws:s3:::logs/*') },
      }],
      resources: [
        { arn: 'arn:aws:s3:::logs', policy: doc({ Sid: 'Public', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::logs/*' }) },
        { arn: 'arn:aws:s3:::plain' },
      ],
    },
    { id: B },
  ],
};

const depsOf = (scenario: ScenarioJson, withCatalogue = false): AnalysisDeps => ({
  world: worldOf(scenario, managed), scenario, managed, now: new Date('2026-03-01T12:00:00Z'),
  ...(withCatalogue ? { catalogue: nodeServiceCatalogue() } : {}),
});

/** Every policy the compiled world holds, by id (organization policies without their attachment). */
function compiledRefs(world: World): Map<string, PolicyRef> {
  const out = new Map<string, PolicyRef>();
  const add = (ref: PolicyRef) => out.set(ref.id, ref);
  for (const account of world.accounts.values()) {
    for (const p of account.policies.values()) add(p.ref);
    for (const g of account.groups.values()) g.inline.forEach((p) => add(p.ref));
    for (const u of account.users.values()) u.inline.forEach((p) => add(p.ref));
    for (const r of account.roles.values()) {
      r.inline.forEach((p) => add(p.ref));
      add(r.trust.ref);
    }
    for (const r of account.resources.values()) if (r.policy) add(r.policy.ref);
  }
  for (const list of [...(world.organization?.scps.values() ?? []), ...(world.organization?.rcps.values() ?? [])]) {
    for (const p of list) add({ id: p.ref.id, kind: p.ref.kind, name: p.ref.name });
  }
  return out;
}

describe('findings for the whole world', () => {
  it('checks every policy the learner wrote and no AWS managed one', async () => {
    const report = await worldFindings(depsOf(SCENARIO), UNCONTROLLED);
    // Twice, GroupRead, Typo, the Auditor's trust and Read, the bucket policy, three organization policies.
    expect(report.policiesChecked).toBe(9);
    expect(report.findings.some((f) => f.policy.kind === 'awsManaged')).toBe(false);
  });

  it("gives every policy kind the compiled world's PolicyRef (the same id, kind, name, ARN and owner)", () => {
    const deps = depsOf(SCENARIO);
    const refs = compiledRefs(deps.world);
    const documents = worldPolicyDocuments(SCENARIO);
    const kinds = new Set(documents.map((d) => d.ref.kind));
    expect([...kinds].sort()).toEqual(['customerManaged', 'inline', 'rcp', 'resourcePolicy', 'scp', 'trustPolicy']);
    for (const d of documents) {
      // An SCP attached nowhere has no compiled copy; its id still follows the same rule as Everything's.
      if (d.ref.name === 'Unattached') {
        expect(d.ref.id).toBe('org/scp:Unattached');
        continue;
      }
      expect(refs.get(d.ref.id), d.ref.id).toEqual(d.ref);
    }
  });

  it('places each finding in the very text the editor shows', async () => {
    const report = await worldFindings(depsOf(SCENARIO), UNCONTROLLED);
    const duplicate = report.findings.find((f) => f.policy.id === `acct:${A}/policy:Twice` && f.finding.code === 'duplicateValue');
    expect(duplicate).toBeDefined();
    const text = policyText(SCENARIO.accounts[0]!.policies![0]!.document);
    expect(text.slice(duplicate!.finding.span.start, duplicate!.finding.span.end)).toBe('"s3:GetObject"');
  });

  it('checks actions against the IAM service data when it is given (a misspelt action)', async () => {
    const without = await worldFindings(depsOf(SCENARIO), UNCONTROLLED);
    const withData = await worldFindings(depsOf(SCENARIO, true), UNCONTROLLED);
    const typo = (r: typeof without) => r.findings.filter((f) => f.policy.id === `acct:${A}/user:alice/inline:Typo` && f.finding.severity === 'error');
    expect(typo(without)).toEqual([]);
    expect(typo(withData).map((f) => f.finding.code)).toContain('invalidActionDidYouMean');
  });

  it("counts an inline policy against its owner's inline quota, as the editor does", async () => {
    const big = allow(Array.from({ length: 120 }, (_, i) => `s3:GetObject${String(i).padStart(4, '0')}`));
    const scenario: ScenarioJson = { ...SCENARIO, organization: undefined, accounts: [{ id: A, users: [{ name: 'u', inlinePolicies: { Big: big } }] }, { id: B }] };
    const report = await worldFindings({ ...depsOf(SCENARIO), scenario }, UNCONTROLLED);
    const size = report.findings.filter((f) => f.finding.severity === 'error' && /size|quota|long|large/i.test(f.finding.code));
    expect(size).toHaveLength(1);
    expect(size[0]!.finding.params).toMatchObject({ limit: 2048 });
  });

  it('stops at a step once cancelled', async () => {
    const control = createControl({ sliceMs: 0, cancelled: () => true, yieldNow: () => Promise.resolve() });
    await expect(worldFindings(depsOf(SCENARIO), control)).rejects.toBeInstanceOf(AnalysisCancelled);
  });
});
