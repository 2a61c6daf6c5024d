import { describe, expect, it } from 'vitest';
import type { AccessEdge, AccessGraph, EffectiveService } from '../../engine/analysis/types';
import { translate } from '../i18n';
import {
  contextOf,
  countDecisions,
  edgeSentence,
  escalationHighlight,
  filterServices,
  limitedAtKey,
  nameOfArn,
  namer,
  otherEdges,
  pathPrincipals,
  principalOfArn,
  selfEdges,
  whoCanHighlight,
} from './accessWords';
import { circleLayout, drawnNodes } from './graphLayout';

const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);
const ko = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('ko', key, params);

const A = '111111111111';
const LEE = `arn:aws:iam::${A}:user/dev-lee`;
const CHOI = `arn:aws:iam::${A}:user/dev-choi`;
const OPS = `arn:aws:iam::${A}:user/ops-admin`;
const ROOT = `arn:aws:iam::${A}:root`;
const DEPLOY = `arn:aws:iam::${A}:role/ci/Deployer`;
const node = (arn: string, admin?: 'allActions' | 'selfEscalation') => ({ principal: principalOfArn(arn), ...(admin ? { admin } : {}) });

const keyToOps: AccessEdge = { from: LEE, to: OPS, kind: 'createAccessKey', actions: [{ action: 'iam:CreateAccessKey', resource: OPS }] };
const keyToChoi: AccessEdge = { from: LEE, to: CHOI, kind: 'createAccessKey', actions: [{ action: 'iam:CreateAccessKey', resource: CHOI }] };
const assume: AccessEdge = { from: CHOI, to: DEPLOY, kind: 'assumeRole', actions: [{ action: 'sts:AssumeRole', resource: DEPLOY }] };
const selfAttach: AccessEdge = {
  from: DEPLOY,
  to: DEPLOY,
  kind: 'attachRolePolicy',
  actions: [{ action: 'iam:AttachRolePolicy', resource: DEPLOY }, { action: 'iam:AttachRolePolicy', resource: DEPLOY }],
  via: 'arn:aws:iam::aws:policy/AdministratorAccess',
};
const GRAPH: AccessGraph = {
  nodes: [node(ROOT, 'allActions'), node(LEE), node(CHOI), node(OPS, 'allActions'), node(DEPLOY, 'selfEscalation')],
  edges: [keyToOps, keyToChoi, assume, selfAttach],
  escalations: [
    { from: LEE, to: OPS, edges: [keyToOps] },
    { from: CHOI, to: DEPLOY, edges: [assume, selfAttach] },
  ],
};

describe('names read from ARNs', () => {
  it('take the last segment of a path, call a root user root, and leave anything else as it is', () => {
    expect(nameOfArn(DEPLOY)).toBe('Deployer');
    expect(nameOfArn(ROOT)).toBe('root');
    expect(nameOfArn('arn:aws:s3:::bucket')).toBe('arn:aws:s3:::bucket');
    expect(principalOfArn(DEPLOY)).toEqual({ arn: DEPLOY, kind: 'role', account: A, name: 'Deployer' });
    expect(namer(GRAPH.nodes)(ROOT)).toBe(`root (${A})`);
  });
});

describe('each technique in one sentence', () => {
  const name = namer(GRAPH.nodes);
  it('names the principal reached and the actions, once each', () => {
    expect(edgeSentence(en, keyToOps, name)).toBe('can create an access key for ops-admin and sign requests as it (iam:CreateAccessKey)');
    expect(edgeSentence(en, selfAttach, name)).toBe('can attach the policy AdministratorAccess to the role Deployer (iam:AttachRolePolicy)');
    expect(edgeSentence(ko, assume, name)).toBe('역할 Deployer을(를) 수임할 수 있음 (sts:AssumeRole)');
  });

  it('says "of its choice" when the engine names no policy or group, and reads a group from `via`', () => {
    expect(edgeSentence(en, { from: LEE, to: LEE, kind: 'attachUserPolicy', actions: [{ action: 'iam:AttachUserPolicy', resource: LEE }] }, name)).toBe(
      'can attach a policy of its choice to the user dev-lee (iam:AttachUserPolicy)',
    );
    expect(edgeSentence(en, { from: LEE, to: LEE, kind: 'addUserToGroup', actions: [{ action: 'iam:AddUserToGroup', resource: `arn:aws:iam::${A}:group/admins` }], via: `arn:aws:iam::${A}:group/admins` }, name)).toBe(
      'can add dev-lee to the group admins (iam:AddUserToGroup)',
    );
  });

  it('exists for every edge kind in both languages, each with the principal reached', async () => {
    const { ACCESS_EDGE_KINDS } = await import('../../engine/analysis/types');
    for (const kind of ACCESS_EDGE_KINDS) {
      const edge: AccessEdge = { from: LEE, to: OPS, kind, actions: [{ action: 'iam:X', resource: OPS }] };
      expect(edgeSentence(en, edge, name), kind).toContain('ops-admin');
      expect(edgeSentence(ko, edge, name), kind).toContain('ops-admin');
      expect(edgeSentence(ko, edge, name), kind).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('what the map highlights', () => {
  it('for a who-can answer: the principal, then each role assumed, as assume steps', () => {
    expect(whoCanHighlight({ arn: CHOI, via: [DEPLOY] })).toEqual({ admins: [], path: [CHOI, DEPLOY], steps: [{ from: CHOI, to: DEPLOY, kind: 'assumeRole' }] });
    expect(whoCanHighlight({ arn: OPS, via: [] })).toEqual({ admins: [], path: [OPS], steps: [] });
  });

  it('for an escalation path: its principals in order (a self-escalation adds no one), its steps and every administrator', () => {
    const path = GRAPH.escalations[1]!;
    expect(pathPrincipals(path)).toEqual([CHOI, DEPLOY]);
    expect(escalationHighlight(GRAPH, path)).toEqual({
      admins: [ROOT, OPS, DEPLOY],
      path: [CHOI, DEPLOY],
      steps: [
        { from: CHOI, to: DEPLOY, kind: 'assumeRole' },
        { from: DEPLOY, to: DEPLOY, kind: 'attachRolePolicy' },
      ],
    });
  });

  it('lists under "other edges" only the edges on no escalation path, and finds self-escalations', () => {
    expect(otherEdges(GRAPH)).toEqual([keyToChoi]);
    expect(selfEdges(GRAPH, DEPLOY)).toEqual([selfAttach]);
    expect(selfEdges(GRAPH, LEE)).toEqual([]);
  });
});

describe('the drawing of the graph', () => {
  it('draws the principals of escalation paths first when it cannot draw them all, in the graph\'s order', () => {
    expect(drawnNodes(GRAPH, 3).map((n) => n.principal.name)).toEqual(['dev-lee', 'dev-choi', 'ops-admin']);
    expect(drawnNodes(GRAPH, 10)).toHaveLength(5);
  });

  it('puts the first principal at the top of the circle', () => {
    const at = circleLayout(['a', 'b', 'c', 'd'], 100, 100, 50);
    expect(at.get('a')).toEqual({ x: 100, y: 50 });
    expect(at.get('b')).toEqual({ x: 150, y: 100 });
  });
});

describe('effective permissions in the view', () => {
  const perm = (action: string, decision: 'allowed' | 'denied', limitedAt?: string) => ({ action, resource: '*', decision, grantedBy: [], limitedBy: [], conditional: false, ...(limitedAt ? { limitedAt } : {}) });
  const services: EffectiveService[] = [
    { prefix: 's3', name: 'Amazon S3', permissions: [perm('s3:GetObject', 'allowed'), perm('s3:DeleteObject', 'denied', 'boundary')] },
    { prefix: 'iam', name: 'AWS Identity and Access Management (IAM)', permissions: [perm('iam:ListUsers', 'denied', 'scp')] },
  ];
  it('keeps one service when one is chosen, counts decisions and names the limiting stage', () => {
    expect(filterServices(services, 'iam').map((s) => s.prefix)).toEqual(['iam']);
    expect(filterServices(services, '')).toBe(services);
    expect(countDecisions(services)).toEqual({ allowed: 1, denied: 2 });
    expect(limitedAtKey(services[0]!.permissions[1]!)).toBe('stage.boundary');
    expect(limitedAtKey({ ...services[0]!.permissions[1]!, limitedAt: 'somethingNew' })).toBeUndefined();
  });
});

describe('the who-can context rows', () => {
  it('drop empty rows, trim keys and split values on commas', () => {
    expect(contextOf([{ key: ' aws:SourceIp ', value: '203.0.113.7' }, { key: '', value: 'x' }])).toEqual({ 'aws:SourceIp': '203.0.113.7' });
    expect(contextOf([{ key: 'aws:PrincipalTag/team', value: 'a, b' }])).toEqual({ 'aws:PrincipalTag/team': ['a', 'b'] });
    expect(contextOf([{ key: '', value: '' }])).toBeUndefined();
  });
});
