/**
 * The shape of an AWS CloudTrail record, as the event log of the playground writes one per
 * request (see "CloudTrail record contents" in the AWS CloudTrail User Guide). Only fields
 * AWS writes appear; values follow AWS's spelling (e.g. `mfaAuthenticated: "true"`).
 */

export type CloudTrailIdentityType = 'Root' | 'IAMUser' | 'AssumedRole' | 'FederatedUser' | 'AWSAccount' | 'AWSService' | 'Unknown';

export interface CloudTrailSessionIssuer {
  readonly type: 'Role' | 'IAMUser' | 'Root';
  readonly principalId: string;
  readonly arn: string;
  readonly accountId: string;
  readonly userName: string;
}

export interface CloudTrailUserIdentity {
  readonly type: CloudTrailIdentityType;
  readonly principalId?: string;
  readonly arn?: string;
  readonly accountId?: string;
  readonly accessKeyId?: string;
  readonly userName?: string;
  /** For a service calling on a principal's behalf, or `AWSService` callers. */
  readonly invokedBy?: string;
  readonly sessionContext?: {
    readonly sessionIssuer?: CloudTrailSessionIssuer;
    readonly attributes: { readonly creationDate: string; readonly mfaAuthenticated: 'true' | 'false' };
    readonly sourceIdentity?: string;
  };
}

export interface CloudTrailResource {
  readonly ARN: string;
  readonly accountId?: string;
  readonly type?: string;
}

export interface CloudTrailEvent {
  readonly eventVersion: string;
  readonly userIdentity: CloudTrailUserIdentity;
  readonly eventTime: string;
  /** The service's endpoint name, e.g. `s3.amazonaws.com`. */
  readonly eventSource: string;
  /** The API operation, e.g. `GetObject`. */
  readonly eventName: string;
  readonly awsRegion: string;
  readonly sourceIPAddress: string;
  readonly userAgent: string;
  /** AWS's error code (`AccessDenied`, `SignatureDoesNotMatch` …) when the request failed. */
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly requestParameters: Readonly<Record<string, unknown>> | null;
  /** What a successful call returned (STS credentials without the secret key, as CloudTrail logs them). */
  readonly responseElements: Readonly<Record<string, unknown>> | null;
  readonly requestID: string;
  readonly eventID: string;
  readonly readOnly?: boolean;
  readonly resources?: readonly CloudTrailResource[];
  readonly eventType: 'AwsApiCall' | 'AwsConsoleSignIn';
  readonly managementEvent: boolean;
  readonly recipientAccountId: string;
  readonly eventCategory: 'Management' | 'Data';
}
