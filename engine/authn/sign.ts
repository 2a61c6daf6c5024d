/**
 * Signing a request as a holder of the world's credentials: the raw HTTP request an AWS SDK
 * would send for an action on a resource, SigV4-signed (`Authorization` header form) with
 * an IAM user's or root user's access key whose secret the scenario knows, or with the
 * temporary credentials of a session an STS call issued.
 *
 * The request's shape follows each service's protocol, as the AWS SDKs send it:
 * - S3 (REST): virtual-hosted style `bucket.s3.amazonaws.com` (path style for a bucket
 *   name with dots, which a virtual host's TLS certificate cannot cover), the object key as
 *   the path, the sub-resource as the query (`?policy`, `?tagging` …), and the payload
 *   hash in `x-amz-content-sha256`, which S3 requires.
 * - JSON 1.0/1.1 services (DynamoDB, KMS, Secrets Manager …): `POST /` with
 *   `X-Amz-Target: <prefix>.<Operation>` and a JSON body naming the resource.
 * - Everything else, the query protocol: `POST /` with a form body
 *   `Action=<Operation>&Version=<API version>` (IAM at `iam.amazonaws.com`, STS at
 *   `sts.amazonaws.com`).
 *
 * The engine's own verifier (`authenticateHttpRequest`) must accept what this signs; the
 * tests check it for each protocol.
 */
import type { World } from '../model/world';
import type { SessionStore } from '../pipeline/sessions';
import { uriEncode } from './encoding';
import { type SigV4Credentials, signRequest } from './sigv4';

/** What to sign: who signs, what is asked, and when. */
export interface SignHttpInput {
  readonly accessKeyId: string;
  /** `service:Operation`, e.g. `s3:GetObject`. */
  readonly action: string;
  /** The resource's ARN (or `*` for an action on no particular resource). */
  readonly resource: string;
  /** The region to sign for; default the resource ARN's region, else `us-east-1`. */
  readonly region?: string;
  /** The signing time (`X-Amz-Date`); default the world's clock (`now`), else the real time. */
  readonly at?: Date;
}

/** Thrown for a request that cannot be signed; the message says which input and why. */
export class SignHttpError extends Error {
  override readonly name = 'SignHttpError';
}

const DEFAULT_REGION = 'us-east-1';

/** The credentials of `accessKeyId`, as its holder has them. */
function credentialsOf(world: World, sessions: SessionStore | undefined, accessKeyId: string): SigV4Credentials {
  const longTerm = world.accessKeys.get(accessKeyId);
  if (longTerm) {
    const owner = longTerm.owner.arn;
    if ((longTerm.key.status ?? 'Active') !== 'Active') {
      throw new SignHttpError(
        `The access key \`${accessKeyId}\` of \`${owner}\` is ${String(longTerm.key.status)}: AWS refuses every request it signs (InvalidClientTokenId). Make the key Active to sign with it.`,
      );
    }
    if (typeof longTerm.key.secret !== 'string' || longTerm.key.secret === '') {
      throw new SignHttpError(
        `The access key \`${accessKeyId}\` of \`${owner}\` has no secret in the world (\`accessKeys[].secret\`), so the playground cannot sign as its holder. Add its secret, or paste a request signed elsewhere.`,
      );
    }
    return { accessKeyId, secretAccessKey: longTerm.key.secret };
  }
  const session = sessions?.byAccessKey(accessKeyId);
  if (session) {
    const c = session.credentials;
    return { accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken };
  }
  throw new SignHttpError(
    `There is no access key \`${accessKeyId}\` in the world: it is neither an access key of an IAM user or root user nor the temporary access key of a session issued by an STS call.`,
  );
}

/** `s3:GetObject` → `{ service: 's3', operation: 'GetObject' }`. */
function splitAction(action: string): { service: string; operation: string } {
  const match = /^([a-z0-9-]+):([A-Za-z0-9]+)$/.exec(typeof action === 'string' ? action.trim() : '');
  if (!match) {
    throw new SignHttpError(`The action \`${String(action)}\` is not \`service:Operation\` (e.g. \`s3:GetObject\`): a signed request names one operation, no wildcard.`);
  }
  return { service: match[1]!, operation: match[2]! };
}

interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

function parseArn(resource: string): ArnParts | undefined {
  const parts = resource.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return { partition: parts[1]!, service: parts[2]!, region: parts[3]!, account: parts[4]!, resource: parts.slice(5).join(':') };
}

function domainOf(partition: string | undefined): string {
  return partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** An unsigned request: its text, and the service and region to sign it for. */
interface Unsigned {
  readonly text: string;
  readonly signingName: string;
  readonly region: string;
}

function requestText(method: string, target: string, headers: readonly (readonly [string, string])[], body = ''): string {
  const lines = [`${method} ${target} HTTP/1.1`, ...headers.map(([name, value]) => `${name}: ${value}`)];
  if (body !== '') lines.push(`Content-Length: ${new TextEncoder().encode(body).length}`);
  return `${lines.join('\n')}\n\n${body}`;
}

// ── S3 ──

/** S3 sub-resources, by operation: the query that selects them (the REST API's `?policy`, `?tagging` …). */
const S3_SUBRESOURCES: Readonly<Record<string, string>> = {
  ListBucket: 'list-type=2',
  ListBucketVersions: 'versions',
  ListBucketMultipartUploads: 'uploads',
  GetBucketLocation: 'location',
  GetBucketPolicy: 'policy',
  PutBucketPolicy: 'policy',
  DeleteBucketPolicy: 'policy',
  GetBucketPolicyStatus: 'policyStatus',
  GetBucketAcl: 'acl',
  PutBucketAcl: 'acl',
  GetObjectAcl: 'acl',
  PutObjectAcl: 'acl',
  GetBucketTagging: 'tagging',
  PutBucketTagging: 'tagging',
  GetObjectTagging: 'tagging',
  PutObjectTagging: 'tagging',
  DeleteObjectTagging: 'tagging',
  GetBucketVersioning: 'versioning',
  PutBucketVersioning: 'versioning',
  GetBucketCORS: 'cors',
  PutBucketCORS: 'cors',
  GetEncryptionConfiguration: 'encryption',
  PutEncryptionConfiguration: 'encryption',
  GetLifecycleConfiguration: 'lifecycle',
  PutLifecycleConfiguration: 'lifecycle',
  GetBucketPublicAccessBlock: 'publicAccessBlock',
  PutBucketPublicAccessBlock: 'publicAccessBlock',
  GetBucketOwnershipControls: 'ownershipControls',
  PutBucketOwnershipControls: 'ownershipControls',
  GetBucketLogging: 'logging',
  PutBucketLogging: 'logging',
  GetBucketWebsite: 'website',
  PutBucketWebsite: 'website',
  DeleteBucketWebsite: 'website',
  GetBucketNotification: 'notification',
  PutBucketNotification: 'notification',
  GetReplicationConfiguration: 'replication',
  PutReplicationConfiguration: 'replication',
  GetObjectRetention: 'retention',
  PutObjectRetention: 'retention',
  GetObjectLegalHold: 'legal-hold',
  PutObjectLegalHold: 'legal-hold',
  GetObjectAttributes: 'attributes',
  RestoreObject: 'restore',
  ListMultipartUploadParts: 'uploadId=example-upload-id',
  AbortMultipartUpload: 'uploadId=example-upload-id',
};

function s3Method(operation: string): string {
  if (operation === 'RestoreObject') return 'POST';
  if (/^(Put|Create|Replicate)/.test(operation)) return 'PUT';
  if (/^(Delete|Abort)/.test(operation)) return 'DELETE';
  return 'GET';
}

const S3_OBJECT_BODY = 'Hello from IAM Playground.\n';

function s3Request(operation: string, resource: string, region: string | undefined): Unsigned {
  const signingRegion = region ?? DEFAULT_REGION;
  const regional = signingRegion === DEFAULT_REGION ? 's3' : `s3.${signingRegion}`;
  if (operation === 'ListAllMyBuckets') {
    return { text: requestText('GET', '/', [['Host', `${regional}.amazonaws.com`]]), signingName: 's3', region: signingRegion };
  }
  const arn = parseArn(resource);
  const path = arn?.service === 's3' ? arn.resource : '';
  const slash = path.indexOf('/');
  const bucket = slash < 0 ? path : path.slice(0, slash);
  const key = slash < 0 ? '' : path.slice(slash + 1);
  if (bucket === '' || bucket.includes('*')) {
    throw new SignHttpError(
      `An S3 request needs one bucket, and the resource \`${resource}\` names none: give a bucket or object ARN (\`arn:aws:s3:::BUCKET\` or \`arn:aws:s3:::BUCKET/KEY\`).`,
    );
  }
  const domain = domainOf(arn?.partition);
  const encodedKey = key === '' ? '' : uriEncode(key, true);
  // A bucket name with dots does not fit the `*.s3.amazonaws.com` certificate: SDKs use path style for it.
  const pathStyle = bucket.includes('.');
  const host = pathStyle ? `${regional}.${domain}` : `${bucket}.${regional}.${domain}`;
  const basePath = pathStyle ? `/${bucket}/${encodedKey}` : `/${encodedKey}`;
  const subresource = S3_SUBRESOURCES[operation];
  const target = subresource === undefined ? basePath : `${basePath}?${subresource.includes('=') ? subresource : `${subresource}=`}`;
  const method = s3Method(operation);
  const putsObject = method === 'PUT' && operation === 'PutObject';
  const headers: [string, string][] = [['Host', host]];
  if (putsObject) headers.push(['Content-Type', 'text/plain']);
  return { text: requestText(method, target, headers, putsObject ? S3_OBJECT_BODY : ''), signingName: 's3', region: signingRegion };
}

// ── JSON 1.0 / 1.1 services ──

interface JsonService {
  readonly target: string;
  readonly version: '1.0' | '1.1';
  /** The request member naming the resource, from its ARN. */
  readonly member?: (arn: ArnParts, resource: string) => Readonly<Record<string, string>>;
}

/** The part of an ARN's resource after `type/` (`table/Orders` → `Orders`). */
function afterType(arn: ArnParts): string {
  const slash = arn.resource.indexOf('/');
  const colon = arn.resource.indexOf(':');
  const cut = slash < 0 ? colon : colon < 0 ? slash : Math.min(slash, colon);
  return cut < 0 ? arn.resource : arn.resource.slice(cut + 1);
}

/** The X-Amz-Target prefixes of the JSON protocol services, from their API models. */
const JSON_SERVICES: Readonly<Record<string, JsonService>> = {
  dynamodb: { target: 'DynamoDB_20120810', version: '1.0', member: (a) => ({ TableName: afterType(a).split('/')[0]! }) },
  kms: { target: 'TrentService', version: '1.1', member: (_a, r) => ({ KeyId: r }) },
  secretsmanager: { target: 'secretsmanager', version: '1.1', member: (_a, r) => ({ SecretId: r }) },
  ssm: { target: 'AmazonSSM', version: '1.1', member: (a) => ({ Name: afterType(a) }) },
  logs: { target: 'Logs_20140328', version: '1.1', member: (a) => ({ logGroupName: afterType(a).replace(/:\*$/, '') }) },
  sqs: { target: 'AmazonSQS', version: '1.0', member: (a) => ({ QueueUrl: `https://sqs.${a.region}.${domainOf(a.partition)}/${a.account}/${a.resource}` }) },
  events: { target: 'AWSEvents', version: '1.1' },
  organizations: { target: 'AWSOrganizationsV20161128', version: '1.1' },
  kinesis: { target: 'Kinesis_20131202', version: '1.1', member: (_a, r) => ({ StreamARN: r }) },
  ecr: { target: 'AmazonEC2ContainerRegistry_V20150921', version: '1.1', member: (a) => ({ repositoryName: afterType(a) }) },
  ecs: { target: 'AmazonEC2ContainerServiceV20141113', version: '1.1' },
  states: { target: 'AWSStepFunctions', version: '1.0', member: (_a, r) => ({ stateMachineArn: r }) },
  codecommit: { target: 'CodeCommit_20150413', version: '1.1', member: (a) => ({ repositoryName: a.resource }) },
  firehose: { target: 'Firehose_20150804', version: '1.1', member: (a) => ({ DeliveryStreamName: afterType(a) }) },
  athena: { target: 'AmazonAthena', version: '1.1' },
  glue: { target: 'AWSGlue', version: '1.1' },
  acm: { target: 'CertificateManager', version: '1.1', member: (_a, r) => ({ CertificateArn: r }) },
};

// ── The query protocol ──

/** API versions of query-protocol services (the `Version` parameter). */
const QUERY_VERSIONS: Readonly<Record<string, string>> = {
  iam: '2010-05-08',
  sts: '2011-06-15',
  ec2: '2016-11-15',
  sns: '2010-03-31',
  cloudformation: '2010-05-15',
  cloudwatch: '2010-08-01',
  autoscaling: '2011-01-01',
  elasticloadbalancing: '2015-12-01',
  rds: '2014-10-31',
  elasticache: '2015-02-02',
  redshift: '2012-12-01',
  ses: '2010-12-01',
};

/** IAM's request parameter naming a resource, by the ARN's resource type. */
const IAM_NAME_PARAMS: Readonly<Record<string, string>> = {
  user: 'UserName',
  role: 'RoleName',
  group: 'GroupName',
  'instance-profile': 'InstanceProfileName',
};

/** The form parameters that name the resource for IAM and STS operations. */
function queryParams(service: string, operation: string, arn: ArnParts | undefined, resource: string): [string, string][] {
  if (!arn) return [];
  if (service === 'sts' && operation === 'AssumeRole') return [['RoleArn', resource], ['RoleSessionName', 'playground']];
  if (service !== 'iam') return [];
  const slash = arn.resource.indexOf('/');
  const type = slash < 0 ? arn.resource : arn.resource.slice(0, slash);
  if (type === 'policy') return [['PolicyArn', resource]];
  if (type === 'mfa') return [['SerialNumber', resource]];
  const param = IAM_NAME_PARAMS[type];
  return param === undefined || slash < 0 ? [] : [[param, arn.resource.slice(arn.resource.lastIndexOf('/') + 1)]];
}

/** Services whose endpoint prefix and signing name differ from the action's prefix. */
const ENDPOINT_NAMES: Readonly<Record<string, { readonly prefix: string; readonly signingName: string }>> = {
  cloudwatch: { prefix: 'monitoring', signingName: 'monitoring' },
  ses: { prefix: 'email', signingName: 'ses' },
};

/** Services with one global endpoint, signed for us-east-1 (AWS's "Service endpoints" reference). */
const GLOBAL_ENDPOINTS: Readonly<Record<string, string>> = {
  iam: 'iam.amazonaws.com',
  sts: 'sts.amazonaws.com',
  organizations: 'organizations.us-east-1.amazonaws.com',
};

function hostOf(service: string, region: string, partition: string | undefined, regionGiven: boolean): { host: string; signingName: string; region: string } {
  const names = ENDPOINT_NAMES[service] ?? { prefix: service, signingName: service };
  const global = GLOBAL_ENDPOINTS[service];
  // STS also has regional endpoints; IAM and Organizations only the global one.
  if (global !== undefined && !(service === 'sts' && regionGiven && region !== DEFAULT_REGION)) {
    return { host: global, signingName: names.signingName, region: DEFAULT_REGION };
  }
  return { host: `${names.prefix}.${region}.${domainOf(partition)}`, signingName: names.signingName, region };
}

function apiRequest(service: string, operation: string, resource: string, region: string | undefined): Unsigned {
  const arn = parseArn(resource);
  const regionGiven = region !== undefined;
  const endpoint = hostOf(service, region ?? DEFAULT_REGION, arn?.partition, regionGiven);
  const json = JSON_SERVICES[service];
  if (json) {
    const members = arn && json.member ? json.member(arn, resource) : {};
    const headers: [string, string][] = [
      ['Host', endpoint.host],
      ['Content-Type', `application/x-amz-json-${json.version}`],
      ['X-Amz-Target', `${json.target}.${operation}`],
    ];
    return { text: requestText('POST', '/', headers, JSON.stringify(members)), signingName: endpoint.signingName, region: endpoint.region };
  }
  const params: [string, string][] = [['Action', operation]];
  const version = QUERY_VERSIONS[service];
  if (version !== undefined) params.push(['Version', version]);
  params.push(...queryParams(service, operation, arn, resource));
  const body = params.map(([name, value]) => `${name}=${uriEncode(value, false)}`).join('&');
  const headers: [string, string][] = [
    ['Host', endpoint.host],
    ['Content-Type', 'application/x-www-form-urlencoded; charset=utf-8'],
  ];
  return { text: requestText('POST', '/', headers, body), signingName: endpoint.signingName, region: endpoint.region };
}

/** `Name:value` → `Name: value` in the header section (the value is trimmed before signing, so the signature holds). */
function spaceHeaderValues(text: string): string {
  const end = text.indexOf('\n\n');
  const head = end < 0 ? text : text.slice(0, end);
  const spaced = head
    .split('\n')
    .map((line, i) => (i === 0 ? line : line.replace(/^([A-Za-z0-9-]+):(?=\S)/, '$1: ')))
    .join('\n');
  return end < 0 ? spaced : spaced + text.slice(end);
}

/**
 * Signs, with SigV4 in the `Authorization` header, the HTTP request for `action` on
 * `resource` that the holder of `accessKeyId` would send: a long-term access key of the
 * world (its secret must be in the scenario, the key Active) or an issued session's
 * temporary credentials (the request then carries `X-Amz-Security-Token`). An expired
 * session still signs: AWS, not the signer, refuses it (`ExpiredToken`).
 *
 * Throws a `SignHttpError` saying which input and why for an unknown or inactive key, a
 * key without a secret, an action that is not `service:Operation`, or an S3 request
 * without a bucket.
 */
export async function signRequestHttp(world: World, sessions: SessionStore | undefined, input: SignHttpInput): Promise<string> {
  const credentials = credentialsOf(world, sessions, typeof input.accessKeyId === 'string' ? input.accessKeyId.trim() : '');
  const { service, operation } = splitAction(input.action);
  const resource = typeof input.resource === 'string' ? input.resource.trim() : '';
  const arnRegion = parseArn(resource)?.region;
  const region = input.region !== undefined && input.region !== '' ? input.region : arnRegion !== undefined && arnRegion !== '' ? arnRegion : undefined;
  const unsigned = service === 's3' ? s3Request(operation, resource, region) : apiRequest(service, operation, resource, region);
  const time = input.at ?? world.now ?? new Date();
  const signed = await signRequest(unsigned.text, { credentials, region: unsigned.region, service: unsigned.signingName, time });
  if (!signed.ok) throw new SignHttpError(`The request for \`${input.action}\` could not be signed: ${signed.error.message}`);
  return spaceHeaderValues(signed.text);
}
