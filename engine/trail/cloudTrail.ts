/**
 * One AWS CloudTrail record per evaluated request, written as CloudTrail writes it (AWS
 * CloudTrail User Guide: "CloudTrail record contents", "CloudTrail userIdentity element",
 * and the example events of IAM, AWS STS and Amazon S3). Pure: everything it needs comes
 * in, ids from an id source so tests can pin whole records.
 */
import type { ResolvedPrincipal } from '../evaluate/principal';
import type { ResourceTarget } from '../evaluate/resourceTarget';
import type { DecisionResult } from '../evaluate/types';
import type { AppliedCall } from '../iamApi/types';
import type { IssuedSession } from '../pipeline/sessions';
import type { RequestJson } from '../scenario/types';
import type { CloudTrailEvent, CloudTrailResource, CloudTrailSessionIssuer, CloudTrailUserIdentity } from './types';

/** The record format version CloudTrail writes today. */
export const EVENT_VERSION = '1.11';
/** The region of a request that states none, and of global services (IAM, STS's global endpoint). */
export const DEFAULT_REGION = 'us-east-1';
/**
 * The caller's address when the request states no `aws:SourceIp`: an address of TEST-NET-1
 * (RFC 5737, reserved for documentation), so it can never be mistaken for a real one.
 */
export const DEFAULT_SOURCE_IP = '192.0.2.1';
/** The user agent of a request that sends none: the playground, as the AWS CLI would name itself. */
export const DEFAULT_USER_AGENT = 'iam-playground';
/** "AWS Internal": CloudTrail's user agent for a call made through the AWS Management Console. */
export const CONSOLE_USER_AGENT = 'AWS Internal';

/** Makes request and event ids; a random UUID in the app, a counter in tests. */
export type IdSource = () => string;

/** A random (version 4) UUID, as CloudTrail's ids are. */
export const randomIds: IdSource = () => {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** Ids `00000000-0000-4000-8000-000000000001`, `…002` …: deterministic, for tests and benchmarks. */
export function counterIds(): IdSource {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

export interface CloudTrailInput {
  readonly request: RequestJson;
  readonly result: DecisionResult;
  /** The caller once authenticated; for a request that failed authentication, the owner of the key it claimed, if known. */
  readonly caller?: ResolvedPrincipal;
  /** The session the caller's credentials belong to, for its creation date and MFA. */
  readonly callerSession?: IssuedSession;
  readonly accessKeyId?: string;
  readonly target?: ResourceTarget;
  /** The request context as evaluated (keys as AWS spells them). */
  readonly context?: readonly (readonly [string, string | readonly string[]])[];
  /** What a successful STS call returned, with AWS's element names. */
  readonly response?: Readonly<Record<string, unknown>>;
  /** What the simulated IAM API did with an allowed IAM write (its response is what CloudTrail logs). */
  readonly applied?: AppliedCall;
  readonly eventTime: Date;
  readonly ids: IdSource;
  /** The action's access level in the IAM service data (`Read`, `List`, `Write` …), when loaded. */
  readonly accessLevel?: string;
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** STS credentials' `expiration` and IAM's `createDate` as CloudTrail writes them: `Nov 23, 2026, 10:15:00 PM` (UTC). */
export function cloudTrailExpiration(date: Date): string {
  const h = date.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}, ${h % 12 === 0 ? 12 : h % 12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

function contextValue(input: CloudTrailInput, key: string): string | undefined {
  const lower = key.toLowerCase();
  for (const [k, v] of input.context ?? []) if (k.toLowerCase() === lower) return typeof v === 'string' ? v : v[0];
  for (const [k, v] of Object.entries(input.request.context ?? {})) if (k.toLowerCase() === lower) return typeof v === 'string' ? v : v[0];
  return undefined;
}

/**
 * IAM actions whose API operation (CloudTrail's `eventName`) has another name (Amazon S3
 * and AWS Lambda "Actions, resources, and condition keys": the action's API column).
 */
const OPERATION_NAMES: Readonly<Record<string, string>> = {
  's3:listbucket': 'ListObjects',
  's3:listallmybuckets': 'ListBuckets',
  's3:listbucketversions': 'ListObjectVersions',
  's3:listbucketmultipartuploads': 'ListMultipartUploads',
  'lambda:invokefunction': 'Invoke',
};

function splitAction(action: string): { service: string; operation: string } {
  const colon = action.indexOf(':');
  if (colon < 0) return { service: action.toLowerCase(), operation: action };
  return { service: action.slice(0, colon).toLowerCase(), operation: OPERATION_NAMES[action.toLowerCase()] ?? action.slice(colon + 1) };
}

/** Service prefixes whose endpoint (CloudTrail's `eventSource`) is not `PREFIX.amazonaws.com`. */
const EVENT_SOURCES: Readonly<Record<string, string>> = {
  cloudwatch: 'monitoring.amazonaws.com',
  'execute-api': 'execute-api.amazonaws.com',
  es: 'es.amazonaws.com',
  elasticloadbalancing: 'elasticloadbalancing.amazonaws.com',
};

/** IAM and STS's global endpoint log in US East (N. Virginia). */
const GLOBAL_SERVICES: ReadonlySet<string> = new Set(['iam', 'sts', 'organizations', 'cloudfront', 'route53']);

/** The `userIdentity` element for each kind of caller. */
function userIdentity(input: CloudTrailInput): CloudTrailUserIdentity {
  const caller = input.caller;
  const key = input.accessKeyId === undefined ? {} : { accessKeyId: input.accessKeyId };
  if (!caller) return { type: 'Unknown', ...key };
  const facts = caller.facts;
  const entity = caller.entity;
  switch (entity.kind) {
    case 'anonymous':
      // An unsigned request (Amazon S3): CloudTrail names no principal and the account `anonymous`.
      return { type: 'AWSAccount', principalId: '', accountId: 'anonymous' };
    case 'service':
      return { type: 'AWSService', invokedBy: entity.service };
    case 'root':
      return { type: 'Root', principalId: entity.accountId, arn: facts.callerArn, accountId: entity.accountId, ...key, ...sessionContext(input, undefined) };
    case 'user':
      return {
        type: 'IAMUser', principalId: entity.user.uniqueId, arn: entity.user.arn, accountId: entity.user.account.id, ...key, userName: entity.user.name,
        ...sessionContext(input, undefined),
      };
    case 'assumedRole': {
      const role = entity.role;
      const issuer: CloudTrailSessionIssuer = { type: 'Role', principalId: role.uniqueId, arn: role.arn, accountId: role.account.id, userName: role.name };
      return { type: 'AssumedRole', principalId: facts.uniqueId ?? `${role.uniqueId}:${entity.sessionName}`, arn: facts.callerArn, accountId: role.account.id, ...key, ...sessionContext(input, issuer) };
    }
    case 'federatedUser': {
      const user = entity.issuer;
      const rootIssued = user.arn.endsWith(':root');
      const issuer: CloudTrailSessionIssuer = rootIssued
        ? { type: 'Root', principalId: entity.accountId, arn: user.arn, accountId: entity.accountId, userName: user.account.alias ?? entity.accountId }
        : { type: 'IAMUser', principalId: user.uniqueId, arn: user.arn, accountId: user.account.id, userName: user.name };
      return { type: 'FederatedUser', principalId: facts.uniqueId ?? `${entity.accountId}:${entity.name}`, arn: facts.callerArn, accountId: entity.accountId, ...key, ...sessionContext(input, issuer) };
    }
  }
}

/** `sessionContext`, for temporary credentials only: when and whether with MFA they were issued, and by whom. */
function sessionContext(input: CloudTrailInput, issuer: CloudTrailSessionIssuer | undefined): Pick<CloudTrailUserIdentity, 'sessionContext'> {
  const session = input.caller?.session;
  if (!session) return {};
  const created = session.issuedAt ?? input.eventTime;
  return {
    sessionContext: {
      ...(issuer ? { sessionIssuer: issuer } : {}),
      attributes: { creationDate: isoSeconds(created), mfaAuthenticated: session.mfa === true ? 'true' : 'false' },
      ...(session.sourceIdentity === undefined ? {} : { sourceIdentity: session.sourceIdentity }),
    },
  };
}

function camel(key: string): string {
  return key.length === 0 ? key : key[0]!.toLowerCase() + key.slice(1);
}

/**
 * Request parameters and response elements CloudTrail never writes: secrets (an MFA code, a
 * secret access key, a console password — IAM's CreateLoginProfile and UpdateLoginProfile
 * are logged without it —, a SAML assertion, a web identity token).
 */
const SECRET_PARAMETERS: ReadonlySet<string> = new Set(['tokenCode', 'secretAccessKey', 'password', 'newPassword', 'oldPassword', 'samlAssertion', 'webIdentityToken']);

/**
 * Parameters that carry a policy document: CloudTrail logs the document as the JSON text
 * the caller sent (a string), never as an object with its keys renamed.
 */
const DOCUMENT_PARAMETERS: ReadonlySet<string> = new Set(['policy', 'policyDocument', 'assumeRolePolicyDocument']);

/**
 * A value with AWS's PascalCase element names turned into CloudTrail's camelCase ones,
 * secrets left out; with `documents`, the top-level policy documents of request parameters as text.
 */
function camelDeep(value: unknown, documents = false): unknown {
  if (Array.isArray(value)) return value.map((v) => camelDeep(v));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const name = camel(k);
    if (SECRET_PARAMETERS.has(name) || v === undefined) continue;
    out[name] = documents && DOCUMENT_PARAMETERS.has(name) && v !== null && typeof v === 'object' ? JSON.stringify(v) : camelDeep(v);
  }
  return out;
}

/** IAM's dates in a response (`createDate`), written as CloudTrail writes them. */
function cloudTrailDates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloudTrailDates);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const date = (k === 'createDate' || k === 'expiration') && typeof v === 'string' ? new Date(v) : undefined;
    out[k] = date && !Number.isNaN(date.getTime()) ? cloudTrailExpiration(date) : cloudTrailDates(v);
  }
  return out;
}

interface S3Parts {
  readonly bucket: string;
  readonly key?: string;
}

function s3Parts(arn: string): S3Parts | undefined {
  const match = /^arn:aws[a-z-]*:s3:::([^/]+)(?:\/(.*))?$/.exec(arn);
  if (!match) return undefined;
  return match[2] === undefined ? { bucket: match[1]! } : { bucket: match[1]!, key: match[2] };
}

function requestParameters(input: CloudTrailInput, service: string): Readonly<Record<string, unknown>> | null {
  const { request } = input;
  const out: Record<string, unknown> = {};
  if (service === 's3') {
    const s3 = s3Parts(request.resource);
    if (s3) {
      out['bucketName'] = s3.bucket;
      out['Host'] = `${s3.bucket}.s3.amazonaws.com`;
      if (s3.key !== undefined) out['key'] = s3.key;
    }
  } else if (service === 'sts' && request.resource.includes(':role/')) {
    out['roleArn'] = request.resource;
  } else if (service === 'iam') {
    // IAM operations name their entity by name (a managed policy by ARN), as CloudTrail logs them.
    const iam = /^arn:aws[a-z-]*:iam::(?:\d{12}|aws):(user|role|group|policy|instance-profile)\/(?:.*\/)?([^/]+)$/.exec(request.resource);
    if (iam) {
      const [, type, name] = iam;
      if (type === 'policy') out['policyArn'] = request.resource;
      else out[`${type === 'instance-profile' ? 'instanceProfile' : type}Name`] = name;
    }
  }
  if (request.params) Object.assign(out, camelDeep(request.params, true));
  return Object.keys(out).length > 0 ? out : null;
}

/** STS calls whose response CloudTrail logs (credentials without the secret, the assumed role user …). */
const LOGGED_RESPONSES: ReadonlySet<string> = new Set(['assumerole', 'assumerolewithwebidentity', 'assumerolewithsaml', 'getsessiontoken', 'getfederationtoken']);

function responseElements(input: CloudTrailInput, service: string, operation: string): Readonly<Record<string, unknown>> | null {
  if (input.result.decision !== 'allowed') return null;
  // An applied IAM write: what IAM returned (CreateUser's user, CreateAccessKey's key without its secret …); null when it returns nothing (AttachUserPolicy).
  if (service === 'iam') return input.applied?.response ? (cloudTrailDates(camelDeep(input.applied.response)) as Record<string, unknown>) : null;
  if (!input.response || service !== 'sts' || !LOGGED_RESPONSES.has(operation.toLowerCase())) return null;
  const out = camelDeep(input.response) as Record<string, unknown>;
  const credentials = out['credentials'] as Record<string, unknown> | undefined;
  if (credentials && typeof credentials['expiration'] === 'string') {
    out['credentials'] = { ...credentials, expiration: cloudTrailExpiration(new Date(credentials['expiration'])) };
  }
  return out;
}

/** Amazon S3 object-level operations, AWS Lambda invocations and DynamoDB item operations are data events; the rest management events. */
function isDataEvent(service: string, operation: string, resource: string): boolean {
  const op = operation.toLowerCase();
  // S3 object-level operations (GetObject, PutObject, ListObjects, multipart uploads …) act on objects: data events.
  if (service === 's3') return op.includes('object') || op.includes('multipart') || op === 'uploadpart' || s3Parts(resource)?.key !== undefined;
  if (service === 'lambda') return op === 'invokefunction' || op === 'invoke';
  if (service === 'dynamodb') return /^(get|put|delete|update|batchget|batchwrite)item$|^(query|scan|transactgetitems|transactwriteitems)$/.test(op);
  return false;
}

const READ_ONLY_LEVELS: ReadonlySet<string> = new Set(['read', 'list']);

/** From the service data's access level when known, else from the operation's verb (Get, List, Describe, Head). */
function readOnly(operation: string, accessLevel: string | undefined): boolean {
  if (accessLevel !== undefined) return READ_ONLY_LEVELS.has(accessLevel.toLowerCase());
  return /^(Get|List|Describe|Head|Lookup|Search|Select|Scan|Query|BatchGet)/.test(operation);
}

/** The CloudTrail resource type of an ARN, for the resources CloudTrail names by type. */
function resourceType(arn: string): string | undefined {
  const s3 = s3Parts(arn);
  if (s3) return s3.key === undefined ? 'AWS::S3::Bucket' : 'AWS::S3::Object';
  if (/^arn:aws[a-z-]*:iam::\d{12}:role\//.test(arn)) return 'AWS::IAM::Role';
  if (/^arn:aws[a-z-]*:iam::\d{12}:user\//.test(arn)) return 'AWS::IAM::User';
  if (/^arn:aws[a-z-]*:kms:/.test(arn)) return 'AWS::KMS::Key';
  if (/^arn:aws[a-z-]*:lambda:/.test(arn)) return 'AWS::Lambda::Function';
  return undefined;
}

function resources(input: CloudTrailInput): readonly CloudTrailResource[] | undefined {
  const arn = input.request.resource;
  if (arn === '*' || !arn.startsWith('arn:')) return undefined;
  const account = input.target?.account;
  const s3 = s3Parts(arn);
  if (s3?.key !== undefined) {
    // CloudTrail lists the object and its bucket; the bucket with its owner's account.
    const bucketArn = arn.slice(0, arn.indexOf('/'));
    return [
      { type: 'AWS::S3::Object', ARN: arn },
      { ...(account === undefined ? {} : { accountId: account }), type: 'AWS::S3::Bucket', ARN: bucketArn },
    ];
  }
  const type = resourceType(arn);
  return [{ ARN: arn, ...(account === undefined ? {} : { accountId: account }), ...(type === undefined ? {} : { type }) }];
}

/** AWS's error code for a request that failed: `AccessDenied` for an authorization refusal, else the code the decision is. */
function errorCode(decision: string): string | undefined {
  if (decision === 'allowed') return undefined;
  if (decision === 'explicitDeny' || decision === 'implicitDeny') return 'AccessDenied';
  return decision;
}

/**
 * A console sign-in that failed never reached the request: CloudTrail logs the sign-in
 * itself, a `ConsoleLogin` event of `signin.amazonaws.com` whose response says `Failure`
 * and whose error message is "Failed authentication" (no error code).
 */
function failedConsoleLogin(input: CloudTrailInput): CloudTrailEvent {
  const caller = input.caller;
  const user = caller?.entity.kind === 'user' ? caller.entity.user : undefined;
  const userIdentity: CloudTrailUserIdentity = user
    ? { type: 'IAMUser', principalId: user.uniqueId, accountId: user.account.id, accessKeyId: '', userName: user.name }
    : caller?.entity.kind === 'root'
      ? { type: 'Root', principalId: caller.entity.accountId, arn: caller.facts.callerArn, accountId: caller.entity.accountId, accessKeyId: '' }
      : { type: 'Unknown' };
  const account = caller?.facts.accountId ?? '';
  return {
    eventVersion: EVENT_VERSION,
    userIdentity,
    eventTime: isoSeconds(input.eventTime),
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: DEFAULT_REGION,
    sourceIPAddress: contextValue(input, 'aws:SourceIp') ?? DEFAULT_SOURCE_IP,
    userAgent: contextValue(input, 'aws:UserAgent') ?? CONSOLE_USER_AGENT,
    errorMessage: 'Failed authentication',
    requestParameters: null,
    responseElements: { ConsoleLogin: 'Failure' },
    requestID: input.ids(),
    eventID: input.ids(),
    readOnly: false,
    eventType: 'AwsConsoleSignIn',
    managementEvent: true,
    recipientAccountId: account,
    eventCategory: 'Management',
  };
}

/** The CloudTrail record of one evaluated request. */
export function cloudTrailEvent(input: CloudTrailInput): CloudTrailEvent {
  const { request, result } = input;
  if (result.reason === 'consoleSignInFailed') return failedConsoleLogin(input);
  const { service, operation } = splitAction(request.action);
  const caller = input.caller;
  const serviceCaller = caller?.entity.kind === 'service' ? caller.entity.service : undefined;
  const region = GLOBAL_SERVICES.has(service) ? DEFAULT_REGION : contextValue(input, 'aws:RequestedRegion') ?? DEFAULT_REGION;
  // "For requests from AWS services, only the DNS name of the service is displayed."
  const sourceIp = serviceCaller ?? contextValue(input, 'aws:SourceIp') ?? DEFAULT_SOURCE_IP;
  const userAgent = serviceCaller ?? contextValue(input, 'aws:UserAgent') ?? (request.console !== undefined ? CONSOLE_USER_AGENT : DEFAULT_USER_AGENT);
  const code = errorCode(result.decision);
  const data = isDataEvent(service, operation, request.resource);
  const listed = resources(input);
  const recipient = result.resourceAccount ?? result.callerAccount ?? input.target?.account ?? caller?.facts.accountId ?? '';
  return {
    eventVersion: EVENT_VERSION,
    userIdentity: userIdentity(input),
    eventTime: isoSeconds(input.eventTime),
    eventSource: EVENT_SOURCES[service] ?? `${service}.amazonaws.com`,
    eventName: operation,
    awsRegion: region,
    sourceIPAddress: sourceIp,
    userAgent,
    ...(code === undefined ? {} : { errorCode: code, errorMessage: result.message }),
    requestParameters: requestParameters(input, service),
    responseElements: responseElements(input, service, operation),
    requestID: input.ids(),
    eventID: input.ids(),
    readOnly: readOnly(operation, input.accessLevel),
    ...(listed ? { resources: listed } : {}),
    eventType: 'AwsApiCall',
    managementEvent: !data,
    recipientAccountId: recipient,
    eventCategory: data ? 'Data' : 'Management',
  };
}
