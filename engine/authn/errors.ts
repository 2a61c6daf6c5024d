/**
 * AWS's authentication errors: code, HTTP status and message, as each kind of service
 * returns them. Three families answer differently:
 *
 * - `query` — IAM, STS, SQS, SNS, EC2 and most older services (AWS Query protocol):
 *   `InvalidClientTokenId`, `SignatureDoesNotMatch`, `IncompleteSignature`,
 *   `MissingAuthenticationToken`, `ExpiredToken`, `RequestExpired` (the "Common Errors"
 *   page of each API reference, e.g. docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html);
 * - `json` — DynamoDB, Lambda, KMS and the other JSON-protocol services, whose codes end
 *   in `Exception` (`UnrecognizedClientException`, `InvalidSignatureException`,
 *   `ExpiredTokenException`, …) with the same messages;
 * - `s3` — Amazon S3's own codes and texts (docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html):
 *   `InvalidAccessKeyId`, `RequestTimeTooSkewed`, `AccessDenied` "Request has expired",
 *   `AuthorizationHeaderMalformed`, `AuthorizationQueryParametersError`, `InvalidToken`, ….
 *
 * Each error also has a `kind`, the family-independent name the UI explains.
 */
import type { SignatureForm } from './authinfo';

export type ServiceFamily = 's3' | 'query' | 'json';

/** What went wrong, independent of how the service words it. */
export type AuthnErrorKind =
  | 'MalformedRequest'
  | 'HeaderSectionTooLarge'
  | 'MalformedQueryString'
  | 'MissingAuthenticationToken'
  | 'UnsupportedAuthorizationType'
  | 'IncompleteSignature'
  | 'CredentialScopeMismatch'
  | 'HeadersNotSigned'
  | 'InvalidClientTokenId'
  | 'InvalidToken'
  | 'ExpiredToken'
  | 'RequestTimeTooSkewed'
  | 'RequestExpired'
  | 'RequestNotYetValid'
  | 'SignatureDoesNotMatch'
  | 'MissingContentSha256'
  | 'ContentSha256Mismatch'
  | 'InternalFailure';

/** An authentication error as the service would return it. */
export interface AuthnError {
  /** AWS's error code as this service returns it (`InvalidClientTokenId`, `InvalidAccessKeyId`, …). */
  readonly errorCode: string;
  readonly kind: AuthnErrorKind;
  readonly httpStatus: number;
  /** AWS's message. */
  readonly message: string;
}

/** JSON-protocol services (their error codes end in `Exception`). */
const JSON_SERVICES = new Set([
  'dynamodb',
  'lambda',
  'kms',
  'logs',
  'kinesis',
  'firehose',
  'secretsmanager',
  'ssm',
  'ecs',
  'ecr',
  'events',
  'states',
  'cognito-idp',
  'cognito-identity',
  'glue',
  'athena',
  'codebuild',
  'codecommit',
  'codepipeline',
  'codedeploy',
  'cloudtrail',
  'config',
  'organizations',
  'execute-api',
  'access-analyzer',
  'sso',
  'identitystore',
]);

/** The error family of a service, by signing name; unknown services answer like `query`. */
export function serviceFamily(service: string | undefined): ServiceFamily {
  if (service === undefined) return 'query';
  if (service === 's3' || service === 's3-object-lambda' || service === 's3-outposts' || service === 's3express') return 's3';
  return JSON_SERVICES.has(service) ? 'json' : 'query';
}

function err(errorCode: string, kind: AuthnErrorKind, httpStatus: number, message: string): AuthnError {
  return { errorCode, kind, httpStatus, message };
}

/** The family's code: `Foo` for query services, `FooException` for JSON ones. */
function code(family: ServiceFamily, queryCode: string, jsonCode: string): string {
  return family === 'json' ? jsonCode : queryCode;
}

const SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const S3_SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. Check your key and signing method.';
const INVALID_TOKEN_MESSAGE = 'The security token included in the request is invalid.';
const S3_CREDENTIAL_SHAPE = 'the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".';

function signatureDoesNotMatch(family: ServiceFamily, kind: AuthnErrorKind, message: string): AuthnError {
  return err(code(family, 'SignatureDoesNotMatch', 'InvalidSignatureException'), kind, 403, message);
}

function incomplete(family: ServiceFamily, message: string): AuthnError {
  return err(code(family, 'IncompleteSignature', 'IncompleteSignatureException'), 'IncompleteSignature', 400, message);
}

/** `20150830T123600Z` for a time. */
function basic(time: Date): string {
  return time.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function minutes(seconds: number): string {
  const m = seconds / 60;
  return `${Number.isInteger(m) ? m : Number(m.toFixed(2))} min.`;
}

/** A problem with the credential scope, against what the endpoint expects. */
export interface ScopeIssues {
  readonly region?: { readonly got: string; readonly expected: string };
  readonly service?: { readonly got: string; readonly expected: string };
  readonly terminator?: string;
  readonly date?: { readonly scopeDate: string; readonly amzDate: string };
}

/** Builders for every authentication error, by situation. */
export const authnErrors = {
  /** The text is not an HTTP request (common error `MalformedHttpRequestException`). */
  malformedRequest(message: string): AuthnError {
    return err('MalformedHttpRequestException', 'MalformedRequest', 400, message);
  },

  /** Headers beyond the limits (S3: `RequestHeaderSectionTooLarge`, 8 KB). */
  headerSectionTooLarge(): AuthnError {
    return err('RequestHeaderSectionTooLarge', 'HeaderSectionTooLarge', 400, 'Your request header section exceeds the maximum allowed size.');
  },

  /** A `%` escape in the query that is not `%XY` ("Common Errors": `MalformedQueryString`, 404). */
  malformedQueryString(escape: string): AuthnError {
    return err('MalformedQueryString', 'MalformedQueryString', 404, `The query string contains a syntax error: \`${escape}\` is not a valid escape.`);
  },

  /** No signature, for a service that does not take anonymous requests. */
  missingAuthenticationToken(family: ServiceFamily, service?: string): AuthnError {
    const message = service === 'execute-api' ? 'Missing Authentication Token' : 'Request is missing Authentication Token';
    return err(code(family, 'MissingAuthenticationToken', 'MissingAuthenticationTokenException'), 'MissingAuthenticationToken', 403, message);
  },

  /** An `Authorization` header that is not SigV4 (`Bearer …`, Signature Version 2, empty). */
  notSigV4(family: ServiceFamily, scheme: string, header: string, service?: string): AuthnError {
    if (family !== 's3') return authnErrors.missingAuthenticationToken(family, service);
    if (scheme === 'AWS') {
      return err(
        'InvalidRequest',
        'UnsupportedAuthorizationType',
        400,
        'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
      );
    }
    if (!/^\S+ \S/.test(header)) {
      return err('InvalidArgument', 'UnsupportedAuthorizationType', 400, "Authorization header is invalid -- one and only one ' ' (space) required.");
    }
    return err('InvalidArgument', 'UnsupportedAuthorizationType', 400, 'Unsupported Authorization Type');
  },

  bothForms(family: ServiceFamily): AuthnError {
    if (family === 's3') {
      return err(
        'InvalidArgument',
        'IncompleteSignature',
        400,
        'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
      );
    }
    return signatureDoesNotMatch(family, 'IncompleteSignature', "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
  },

  multipleAuthorization(family: ServiceFamily): AuthnError {
    const message = 'The request has more than one Authorization header; send exactly one.';
    return family === 's3' ? err('InvalidArgument', 'IncompleteSignature', 400, message) : incomplete(family, message);
  },

  unsupportedAlgorithm(family: ServiceFamily, form: SignatureForm, algorithm: string): AuthnError {
    if (family === 's3') {
      return form === 'query'
        ? err('AuthorizationQueryParametersError', 'IncompleteSignature', 400, 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"')
        : err('InvalidArgument', 'UnsupportedAuthorizationType', 400, 'Unsupported Authorization Type');
    }
    return incomplete(family, `Unsupported AWS 'algorithm': '${algorithm}' (only AWS4-HMAC-SHA256 for now).`);
  },

  notKeyValue(family: ServiceFamily, component: string, header: string): AuthnError {
    if (family === 's3') {
      return err('AuthorizationHeaderMalformed', 'IncompleteSignature', 400, `The authorization header is malformed; the authorization component "${component}" is malformed.`);
    }
    return incomplete(family, `'${component}' not a valid key=value pair (missing equal-sign) in Authorization header: '${header}'.`);
  },

  missingComponents(family: ServiceFamily, missing: readonly string[], missingDate: boolean, header: string): AuthnError {
    if (family === 's3') {
      if (missing.length > 0) {
        return err(
          'AuthorizationHeaderMalformed',
          'IncompleteSignature',
          400,
          'The authorization header is malformed; the authorization header requires three components: Credential, SignedHeaders, and Signature.',
        );
      }
      return err('AccessDenied', 'IncompleteSignature', 403, 'AWS authentication requires a valid Date or x-amz-date header');
    }
    let message = missing.map((m) => `Authorization header requires '${m}' parameter. `).join('');
    if (missingDate) message += "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";
    return incomplete(family, `${message}Authorization=${header}`);
  },

  missingQueryParams(family: ServiceFamily, missing: readonly string[]): AuthnError {
    if (family === 's3') {
      return err(
        'AuthorizationQueryParametersError',
        'IncompleteSignature',
        400,
        'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
      );
    }
    return incomplete(family, `${missing.map((m) => `AWS query-string parameters must include '${m}'. `).join('')}Re-examine the query-string parameters.`);
  },

  badDate(family: ServiceFamily, form: SignatureForm, value: string): AuthnError {
    if (family === 's3') {
      return form === 'query'
        ? err('AuthorizationQueryParametersError', 'IncompleteSignature', 400, `X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`)
        : err('AccessDenied', 'IncompleteSignature', 403, 'AWS authentication requires a valid Date or x-amz-date header');
    }
    return incomplete(family, `Date must be in ISO-8601 'basic format'. Got '${value}'. See http://en.wikipedia.org/wiki/ISO_8601`);
  },

  badExpires(family: ServiceFamily, reason: 'notNumber' | 'negative' | 'tooLarge'): AuthnError {
    const message =
      reason === 'negative'
        ? 'X-Amz-Expires must be non-negative'
        : reason === 'tooLarge'
          ? 'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds'
          : 'X-Amz-Expires should be a number';
    return family === 's3' ? err('AuthorizationQueryParametersError', 'IncompleteSignature', 400, message) : incomplete(family, message);
  },

  credentialMalformed(family: ServiceFamily, form: SignatureForm, credential: string): AuthnError {
    if (family === 's3') {
      return form === 'query'
        ? err('AuthorizationQueryParametersError', 'IncompleteSignature', 400, `Error parsing the X-Amz-Credential parameter; ${S3_CREDENTIAL_SHAPE}`)
        : err('AuthorizationHeaderMalformed', 'IncompleteSignature', 400, `The authorization header is malformed; ${S3_CREDENTIAL_SHAPE}`);
    }
    return incomplete(family, `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`);
  },

  hostNotSigned(family: ServiceFamily): AuthnError {
    if (family === 's3') return authnErrors.headersNotSigned(['host']);
    return signatureDoesNotMatch(family, 'HeadersNotSigned', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  },

  /** S3: every `x-amz-*` header present must be signed. */
  headersNotSigned(_names: readonly string[]): AuthnError {
    return err('AccessDenied', 'HeadersNotSigned', 403, 'There were headers present in the request which were not signed');
  },

  /** The credential scope is not this endpoint's (region, service, terminator or date). */
  scopeMismatch(family: ServiceFamily, form: SignatureForm, issues: ScopeIssues): AuthnError {
    if (family === 's3') {
      const prefix = form === 'query' ? 'Error parsing the X-Amz-Credential parameter; ' : 'The authorization header is malformed; ';
      const codeName = form === 'query' ? 'AuthorizationQueryParametersError' : 'AuthorizationHeaderMalformed';
      let detail: string;
      if (issues.region) detail = `${prefix}the region '${issues.region.got}' is wrong; expecting '${issues.region.expected}'`;
      else if (issues.service) detail = `${prefix}incorrect service "${issues.service.got}". This endpoint belongs to "${issues.service.expected}".`;
      else if (issues.terminator !== undefined) detail = `${prefix}incorrect terminal "${issues.terminator}". This endpoint uses "aws4_request".`;
      else if (form === 'query') detail = `Invalid credential date "${issues.date!.scopeDate}". This date is not the same as X-Amz-Date: "${issues.date!.amzDate.slice(0, 8)}".`;
      else detail = `${prefix}Invalid credential date. Date is not the same as X-Amz-Date.`;
      return err(codeName, 'CredentialScopeMismatch', 400, detail);
    }
    const parts: string[] = [];
    if (issues.region) parts.push(`Credential should be scoped to a valid region, not '${issues.region.got}'.`);
    if (issues.service) parts.push(`Credential should be scoped to correct service: '${issues.service.expected}'.`);
    if (issues.terminator !== undefined) parts.push(`Credential should be scoped with a valid terminator: 'aws4_request', not '${issues.terminator}'.`);
    if (issues.date) {
      parts.push(
        `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${issues.date.scopeDate}' != '${issues.date.amzDate.slice(0, 8)}', from '${issues.date.amzDate}'.`,
      );
    }
    return signatureDoesNotMatch(family, 'CredentialScopeMismatch', parts.join(' '));
  },

  /** A header-signed request dated too far from the server's clock. */
  requestTimeTooSkewed(family: ServiceFamily, requestTime: Date, now: Date, maxSkewSeconds: number): AuthnError {
    if (family === 's3') {
      return err('RequestTimeTooSkewed', 'RequestTimeTooSkewed', 403, 'The difference between the request time and the current time is too large.');
    }
    const skewMs = maxSkewSeconds * 1000;
    const message =
      requestTime.getTime() < now.getTime()
        ? `Signature expired: ${basic(requestTime)} is now earlier than ${basic(new Date(now.getTime() - skewMs))} (${basic(now)} - ${minutes(maxSkewSeconds)})`
        : `Signature not yet current: ${basic(requestTime)} is still later than ${basic(new Date(now.getTime() + skewMs))} (${basic(now)} + ${minutes(maxSkewSeconds)})`;
    return signatureDoesNotMatch(family, 'RequestTimeTooSkewed', message);
  },

  /** A presigned URL used after `X-Amz-Date` + `X-Amz-Expires`. */
  presignedUrlExpired(family: ServiceFamily): AuthnError {
    if (family === 's3') return err('AccessDenied', 'RequestExpired', 403, 'Request has expired');
    return err('RequestExpired', 'RequestExpired', 400, 'Request has expired.');
  },

  /** A presigned URL dated in the future (beyond the allowed skew). */
  presignedUrlNotYetValid(family: ServiceFamily, requestTime: Date, now: Date, maxSkewSeconds: number): AuthnError {
    if (family === 's3') return err('AccessDenied', 'RequestNotYetValid', 403, 'Request is not yet valid');
    return authnErrors.requestTimeTooSkewed(family, requestTime, now, maxSkewSeconds);
  },

  /** No such access key, or an inactive one. */
  invalidAccessKey(family: ServiceFamily): AuthnError {
    if (family === 's3') return err('InvalidAccessKeyId', 'InvalidClientTokenId', 403, 'The AWS Access Key Id you provided does not exist in our records.');
    return err(code(family, 'InvalidClientTokenId', 'UnrecognizedClientException'), 'InvalidClientTokenId', 403, INVALID_TOKEN_MESSAGE);
  },

  /** A session token that does not belong to the access key (or a token for a long-term key). */
  invalidSessionToken(family: ServiceFamily): AuthnError {
    if (family === 's3') return err('InvalidToken', 'InvalidToken', 400, 'The provided token is malformed or otherwise invalid.');
    return err(code(family, 'InvalidClientTokenId', 'UnrecognizedClientException'), 'InvalidToken', 403, INVALID_TOKEN_MESSAGE);
  },

  /** Temporary credentials past their expiration. */
  expiredToken(family: ServiceFamily): AuthnError {
    if (family === 's3') return err('ExpiredToken', 'ExpiredToken', 400, 'The provided token has expired.');
    return err(code(family, 'ExpiredToken', 'ExpiredTokenException'), 'ExpiredToken', 403, 'The security token included in the request is expired');
  },

  signatureDoesNotMatch(family: ServiceFamily): AuthnError {
    if (family === 's3') return err('SignatureDoesNotMatch', 'SignatureDoesNotMatch', 403, S3_SIGNATURE_MISMATCH_MESSAGE);
    return signatureDoesNotMatch(family, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH_MESSAGE);
  },

  /** S3: a header-signed request must say how its payload is hashed. */
  missingContentSha256(): AuthnError {
    return err('InvalidRequest', 'MissingContentSha256', 400, 'Missing required header for this request: x-amz-content-sha256');
  },

  invalidContentSha256(): AuthnError {
    return err(
      'InvalidArgument',
      'MissingContentSha256',
      400,
      'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, or a valid sha256 value.',
    );
  },

  contentSha256Mismatch(): AuthnError {
    return err('XAmzContentSHA256Mismatch', 'ContentSha256Mismatch', 400, "The provided 'x-amz-content-sha256' header does not match what was computed.");
  },

  internalFailure(message: string): AuthnError {
    return err('InternalFailure', 'InternalFailure', 500, message);
  },
} as const;
