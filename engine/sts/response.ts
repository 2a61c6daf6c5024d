/**
 * What a successful call returns, with AWS's element names (AWS STS API Reference:
 * AssumeRoleResponse, AssumeRoleWithWebIdentityResponse, AssumeRoleWithSAMLResponse,
 * GetSessionTokenResponse, GetFederationTokenResponse, GetCallerIdentityResponse), and the
 * one-line summary the command line prints after the decision.
 */
import type { ResolvedPrincipal } from '../evaluate/principal';
import type { TemporaryCredentials } from '../pipeline/sessions';

/** A response as AWS's API returns it (element names as in the API Reference). */
export type StsResponse = Readonly<Record<string, unknown>>;

export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function credentialsElement(c: TemporaryCredentials): StsResponse {
  return { AccessKeyId: c.accessKeyId, SecretAccessKey: c.secretAccessKey, SessionToken: c.sessionToken, Expiration: isoSeconds(c.expiration) };
}

/** `AssumedRoleUser`: the session ARN and `AROA…:session-name`. */
export function assumedRoleUser(role: { readonly account: { readonly id: string }; readonly name: string; readonly uniqueId: string }, sessionName: string): StsResponse {
  return { Arn: `arn:aws:sts::${role.account.id}:assumed-role/${role.name}/${sessionName}`, AssumedRoleId: `${role.uniqueId}:${sessionName}` };
}

/**
 * GetCallerIdentity: "UserId … The values returned are those listed in the aws:userid
 * column in the Principal table" (AIDA… for a user, the account id for the root user,
 * AROA…:session for a role session, ACCOUNT:name for a federated user), the account and
 * the caller's ARN (the session ARN for a role session).
 */
export function callerIdentity(principal: ResolvedPrincipal): StsResponse | undefined {
  const facts = principal.facts;
  if (facts.accountId === undefined || facts.uniqueId === undefined) return undefined;
  return { UserId: facts.uniqueId, Account: facts.accountId, Arn: facts.callerArn };
}

/** One line for the command line: who the credentials are for, the key, the expiry, and the other elements. */
export function describeResponse(call: string, response: StsResponse): string {
  const parts: string[] = [];
  const who = (response['AssumedRoleUser'] ?? response['FederatedUser']) as Record<string, string> | undefined;
  if (who) parts.push(`${response['AssumedRoleUser'] ? 'AssumedRoleUser' : 'FederatedUser'} ${who['Arn']} (${who['AssumedRoleId'] ?? who['FederatedUserId']})`);
  const credentials = response['Credentials'] as Record<string, string> | undefined;
  if (credentials) parts.push(`AccessKeyId ${credentials['AccessKeyId']}, expiring ${credentials['Expiration']}`);
  for (const [k, v] of Object.entries(response)) {
    if (k === 'AssumedRoleUser' || k === 'FederatedUser' || k === 'Credentials' || v === undefined) continue;
    parts.push(`${k} ${typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v)}`);
  }
  return `${call} returned ${parts.join(', ')}`;
}
