/**
 * The facts about a caller that policy matching needs: who it is in the forms AWS
 * compares (ARN, account, unique id), and what kind of principal it is.
 */

/** The values of aws:PrincipalType, plus the kinds AWS has no type value for. */
export type PrincipalKind =
  | 'root' // the account root user (aws:PrincipalType = Account)
  | 'user' // an IAM user (User)
  | 'assumedRole' // a role session (AssumedRole)
  | 'federatedUser' // a GetFederationToken session (FederatedUser)
  | 'service' // an AWS service principal such as cloudtrail.amazonaws.com
  | 'anonymous'; // an unsigned request (Anonymous)

export interface PrincipalFacts {
  readonly kind: PrincipalKind;
  /**
   * The caller's ARN as aws:PrincipalArn gives it: the user ARN, `arn:aws:iam::ACCOUNT:root`,
   * the role ARN (not the session ARN) for a role session, the federated user ARN; the
   * service name for a service; `*` for anonymous.
   */
  readonly principalArn: string;
  /** The ARN the caller has in STS terms: the session ARN `arn:aws:sts::A:assumed-role/R/s` for a role session, else as principalArn. */
  readonly callerArn: string;
  /** The 12-digit account, absent for services and anonymous callers. */
  readonly accountId: string | undefined;
  /** For a role session: the role ARN (with its path) and the session name. */
  readonly roleArn?: string;
  /** The role ARN without its path, as it appears in the session ARN. */
  readonly roleSessionName?: string;
  /** The unique id (AIDA…, AROA…, or AROA…:session) that a policy may name instead of an ARN. */
  readonly uniqueId?: string;
  /** For a service principal: its name, e.g. `lambda.amazonaws.com`. */
  readonly serviceName?: string;
  /** For a web identity or SAML session: the provider (e.g. `cognito-identity.amazonaws.com` or a saml-provider ARN). */
  readonly federatedProvider?: string;
  /** For a federated user: the ARN of the IAM user that called GetFederationToken. */
  readonly issuerArn?: string;
  /** Whether the caller's user or role has a permissions boundary (NotPrincipal with Deny then always applies). */
  readonly hasPermissionsBoundary?: boolean;
}
