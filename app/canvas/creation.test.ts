import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../engine/edit/apply';
import type { WorldEdit } from '../../engine/edit/types';
import { parseArn } from '../../engine/match/arn';
import { worldGraph } from '../world/graph';
import { createdNodeId, DEFAULT_POLICY, DEFAULT_SCP, defaultRcp, newOrgUnitId, resourceArn, RESOURCE_SERVICES, unusedAccountId } from './creation';
import { TEST_WORLD } from './testWorld';

describe('the create dialogs', () => {
  it('offer an account id no account has, easy ones first', () => {
    expect(unusedAccountId(TEST_WORLD)).toBe('444444444444');
    expect(unusedAccountId({ ...TEST_WORLD, accounts: [] })).toBe('111111111111');
  });

  it('build each service ARN as AWS writes it', () => {
    const arns = Object.fromEntries(RESOURCE_SERVICES.map((s) => [s, resourceArn(s, 'things', 'eu-west-1', '111111111111', 'AbC123')]));
    expect(arns).toEqual({
      s3: 'arn:aws:s3:::things',
      sqs: 'arn:aws:sqs:eu-west-1:111111111111:things',
      sns: 'arn:aws:sns:eu-west-1:111111111111:things',
      kms: 'arn:aws:kms:eu-west-1:111111111111:key/things',
      lambda: 'arn:aws:lambda:eu-west-1:111111111111:function:things',
      dynamodb: 'arn:aws:dynamodb:eu-west-1:111111111111:table/things',
      secretsmanager: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:things-AbC123',
    });
    for (const a of Object.values(arns)) expect(parseArn(a), a).toBeDefined();
  });

  it('select the node each create edit makes, once the engine made it', () => {
    const edits: WorldEdit[] = [
      { op: 'createAccount', id: '444444444444' },
      { op: 'createUser', account: '111111111111', name: 'dana' },
      { op: 'createGroup', account: '111111111111', name: 'ops' },
      { op: 'createRole', account: '111111111111', name: 'Ops' },
      { op: 'createPolicy', account: '111111111111', name: 'P', document: JSON.parse(DEFAULT_POLICY) },
      { op: 'createResource', account: '111111111111', arn: resourceArn('sqs', 'q', 'us-east-1', '111111111111', '') },
      { op: 'createOrgUnit', id: newOrgUnitId('r-abcd', 'x1y2z3w4'), name: 'New', parent: 'r-abcd' },
      { op: 'createOrgPolicy', name: 'S', type: 'SCP', document: JSON.parse(DEFAULT_SCP) },
      { op: 'createOrgPolicy', name: 'R', type: 'RCP', document: JSON.parse(defaultRcp('o-abcdefghij')) },
    ];
    for (const edit of edits) {
      const result = applyEdit(TEST_WORLD, edit);
      if (!result.ok) throw new Error(`${edit.op}: ${result.error.message}`);
      expect(worldGraph(result.world).nodes.some((n) => n.id === createdNodeId(edit)), edit.op).toBe(true);
    }
    const noOrg = applyEdit({ ...TEST_WORLD, organization: undefined }, { op: 'createOrganization', managementAccount: '111111111111' });
    expect(noOrg.ok && worldGraph(noOrg.world).nodes.some((n) => n.id === createdNodeId({ op: 'createOrganization', managementAccount: '111111111111' }))).toBe(true);
  });
});
