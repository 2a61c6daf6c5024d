/**
 * What the create dialogs fill in and build: an unused account id, a resource's ARN from a
 * service and a name (as each service writes its ARNs), the documents a new policy starts
 * with, and the node an edit creates. Pure; random parts (an OU id, a secret's suffix)
 * come in as arguments so the edit itself stays deterministic.
 */
import type { WorldEdit } from '../../engine/edit/types';
import type { ScenarioJson } from '../../engine/scenario/types';
import { entityNodeId, nodeId } from '../world/ids';

export type CreateKind = 'account' | 'user' | 'group' | 'role' | 'policy' | 'resource' | 'organization' | 'orgUnit' | 'scp' | 'rcp';

/** A 12-digit account id no account of the world has: 111111111111 … 999999999999 first (easy to tell apart), then counting. */
export function unusedAccountId(world: ScenarioJson): string {
  const used = new Set(world.accounts.map((a) => a.id));
  for (let d = 1; d <= 9; d++) {
    const id = String(d).repeat(12);
    if (!used.has(id)) return id;
  }
  for (let n = 123456789012; ; n++) if (!used.has(String(n))) return String(n);
}

export const RESOURCE_SERVICES = ['s3', 'sqs', 'sns', 'kms', 'lambda', 'dynamodb', 'secretsmanager'] as const;
export type ResourceService = (typeof RESOURCE_SERVICES)[number];

/** Whether the service's ARNs carry a Region and an account (an S3 bucket's has neither: bucket names are global). */
export function isRegional(service: ResourceService): boolean {
  return service !== 's3';
}

/**
 * The ARN of a resource as the service writes it:
 *   S3 bucket        arn:aws:s3:::NAME
 *   SQS queue        arn:aws:sqs:REGION:ACCOUNT:NAME
 *   SNS topic        arn:aws:sns:REGION:ACCOUNT:NAME
 *   KMS key          arn:aws:kms:REGION:ACCOUNT:key/KEY-ID
 *   Lambda function  arn:aws:lambda:REGION:ACCOUNT:function:NAME
 *   DynamoDB table   arn:aws:dynamodb:REGION:ACCOUNT:table/NAME
 *   Secret           arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-SUFFIX (Secrets Manager adds a dash and six random characters)
 */
export function resourceArn(service: ResourceService, name: string, region: string, account: string, secretSuffix: string): string {
  switch (service) {
    case 's3':
      return `arn:aws:s3:::${name}`;
    case 'sqs':
    case 'sns':
      return `arn:aws:${service}:${region}:${account}:${name}`;
    case 'kms':
      return `arn:aws:kms:${region}:${account}:key/${name}`;
    case 'lambda':
      return `arn:aws:lambda:${region}:${account}:function:${name}`;
    case 'dynamodb':
      return `arn:aws:dynamodb:${region}:${account}:table/${name}`;
    case 'secretsmanager':
      return `arn:aws:secretsmanager:${region}:${account}:secret:${name}-${secretSuffix}`;
  }
}

function pretty(document: unknown): string {
  return JSON.stringify(document, null, 2);
}

/** A customer managed policy starts by allowing something small and readable, for the learner to change. */
export const DEFAULT_POLICY = pretty({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetObject'], Resource: '*' }],
});

/** An SCP starts as AWS's FullAWSAccess: SCPs only filter, so without an Allow nothing passes. */
export const DEFAULT_SCP = pretty({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });

/** An RCP is a Deny with `"Principal": "*"`: this one keeps S3 inside the organization (AWS's data-perimeter example). */
export function defaultRcp(organizationId: string): string {
  return pretty({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'EnforceOrgIdentities',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: '*',
        Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': organizationId }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } },
      },
    ],
  });
}

/** Random lower-case letters and digits (OU ids, secret suffixes: AWS makes those up too). */
export function randomId(length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

/** An OU id as AWS shapes it: `ou-` + the root's id part + `-` + 8 characters. */
export function newOrgUnitId(rootId: string | undefined, random: string): string {
  const root = rootId?.replace(/^r-/, '') || 'root';
  return `ou-${root}-${random}`;
}

/** The map node an edit creates (the one to select afterwards). */
export function createdNodeId(edit: WorldEdit): string | undefined {
  switch (edit.op) {
    case 'createAccount':
      return nodeId.account(edit.id);
    case 'createUser':
      return entityNodeId({ account: edit.account, kind: 'user', name: edit.name });
    case 'createGroup':
      return entityNodeId({ account: edit.account, kind: 'group', name: edit.name });
    case 'createRole':
      return entityNodeId({ account: edit.account, kind: 'role', name: edit.name });
    case 'createPolicy':
      return entityNodeId({ account: edit.account, kind: 'policy', name: edit.name });
    case 'createResource':
      return entityNodeId({ account: edit.account, kind: 'resource', arn: edit.arn });
    case 'createOrganization':
      return nodeId.orgRoot();
    case 'createOrgUnit':
      return edit.id === undefined ? undefined : nodeId.orgUnit(edit.id);
    case 'createOrgPolicy':
      return nodeId.orgPolicy(edit.type, edit.name);
    default:
      return undefined;
  }
}
