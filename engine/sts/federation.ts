/**
 * AssumeRoleWithWebIdentity and AssumeRoleWithSAML: reading the token the request carries
 * (its claims, or the assertion's attributes — the playground checks no signature), finding
 * the identity provider, and the condition keys AWS sets from them.
 *
 * Sources: AWS STS API Reference ("AssumeRoleWithWebIdentity", "AssumeRoleWithSAML");
 * IAM User Guide, "IAM and AWS STS condition context keys" (Available keys for AWS web
 * identity federation; Available keys for SAML-based AWS STS federation,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html),
 * "Create an OpenID Connect (OIDC) identity provider in IAM", "Configure SAML assertions
 * for the authentication response", "Pass session tags in AWS STS"; the Service
 * Authorization Reference for AWS STS (the provider-specific claim keys).
 *
 * Neither call is signed with AWS credentials: the caller is the token's identity, and
 * only the role's trust policy (and RCPs) can allow it. The caller is modelled as a
 * principal without an account and without identity-based policies, whose identity chain
 * ends with the provider (what a trust policy's `"Federated"` element names).
 */
import type { ContextValue } from '../context/types';
import type { ResolvedPrincipal } from '../evaluate/principal';
import type { IdentityProviderEntity, World } from '../model/world';
import { checkTags, stringParam, type ParamError, type StsParams } from './params';

type Entries = [string, ContextValue][];

/** Providers STS knows without an IAM identity provider: a trust policy names them by these names. */
export const BUILT_IN_WEB_IDENTITY_PROVIDERS: ReadonlySet<string> = new Set([
  'accounts.google.com',
  'cognito-identity.amazonaws.com',
  'www.amazon.com',
  'graph.facebook.com',
]);

/** OAuth 2.0 providers (`ProviderId`): "Currently www.amazon.com and graph.facebook.com are the only supported identity providers for OAuth 2.0 access tokens." */
const OAUTH_PROVIDERS: Readonly<Record<string, { readonly subject: string }>> = {
  'www.amazon.com': { subject: 'user_id' },
  'graph.facebook.com': { subject: 'id' },
};

/**
 * Claims of well-known OIDC issuers that STS also offers as condition keys
 * (`HOST/PATH:claim`), from the Service Authorization Reference for AWS STS
 * (AssumeRoleWithWebIdentity's condition keys).
 */
const PROVIDER_CLAIM_KEYS: readonly (readonly [RegExp, readonly string[]])[] = [
  [
    /^token\.actions\.githubusercontent\.com(\/|$)/,
    ['actor', 'actor_id', 'enterprise_id', 'environment', 'job_workflow_ref', 'ref', 'repository', 'repository_id', 'repository_owner_id', 'workflow'],
  ],
  [/^gitlab\.com$/, ['namespace_id', 'pipeline_source', 'project_id', 'ref_protected', 'runner_environment', 'user_access_level', 'user_email', 'user_id', 'user_login']],
  [/^agent\.([^.]+\.)?buildkite\.(com|dev|site)$/, ['build_branch', 'cluster_id', 'cluster_name', 'organization_id', 'organization_slug', 'pipeline_id', 'pipeline_slug']],
];

/** The claim an identity provider uses to pass session tags ("Passing session tags using AssumeRoleWithWebIdentity"). */
const TAGS_CLAIM = 'https://aws.amazon.com/tags';
/** The claim that sets the source identity. */
const SOURCE_IDENTITY_CLAIM = 'https://aws.amazon.com/source_identity';

const SAML_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/';
/** The default `Recipient` of a SAML response to AWS (the value `saml:aud` is compared with in AWS's own trust policies). */
export const SAML_SIGN_IN_ENDPOINT = 'https://signin.aws.amazon.com/saml';

/** What a federation call establishes before any policy runs. */
export interface Federation {
  readonly kind: 'webIdentity' | 'saml';
  /** The caller: the token's identity, named in trust policies through its provider. */
  readonly caller: ResolvedPrincipal;
  /** What `"Federated"` names: a built-in provider's name or the IAM provider's ARN (aws:FederatedProvider). */
  readonly provider: string;
  /** The request context keys of the call (provider keys, session tags, source identity …). */
  readonly context: readonly (readonly [string, ContextValue])[];
  /** The keys the resulting role session keeps: the provider keys and aws:FederatedProvider. */
  readonly sessionContext: readonly (readonly [string, ContextValue])[];
  readonly sessionName: string;
  readonly tags: ReadonlyMap<string, string>;
  readonly transitiveTagKeys: readonly string[];
  readonly sourceIdentity: string | undefined;
  /** The latest moment the session may last to (SAML `SessionNotOnOrAfter`). */
  readonly notAfter: Date | undefined;
  /** The response elements that describe the identity (SubjectFromWebIdentityToken, Provider, Audience; Subject, Issuer, NameQualifier …). */
  readonly response: Readonly<Record<string, string>>;
}

function invalidToken(message: string): ParamError {
  return { errorCode: 'InvalidIdentityToken', message };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function claimString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function claimValue(value: unknown): ContextValue | undefined {
  if (Array.isArray(value)) {
    const items = value.flatMap((v) => (claimString(v) === undefined ? [] : [claimString(v)!]));
    return items.length > 0 ? items : undefined;
  }
  return claimString(value);
}

/** base64url → text; `undefined` when it is not base64url. */
function base64UrlDecode(text: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text) {
    value = (value << 6) | alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    value &= 0xff;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
}

function base64(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += alphabet[(n >>> 18) & 63]! + alphabet[(n >>> 12) & 63]!;
    out += i + 1 < bytes.length ? alphabet[(n >>> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? alphabet[n & 63]! : '=';
  }
  return out;
}

/** The token's claims: an object of claims, or a JWT whose payload holds them (its signature is not checked). */
function readClaims(token: unknown): Record<string, unknown> | ParamError {
  if (isRecord(token)) return token;
  if (typeof token === 'string') {
    const parts = token.split('.');
    const payload = parts.length === 3 ? base64UrlDecode(parts[1]!) : undefined;
    if (payload !== undefined) {
      try {
        const claims: unknown = JSON.parse(payload);
        if (isRecord(claims)) return claims;
      } catch {
        // falls through to the error below
      }
    }
  }
  return invalidToken(
    'The web identity token could not be read. Give `WebIdentityToken` as an object of the token\'s claims ({"iss": …, "sub": …, "aud": …}) or as a JWT whose payload holds them.',
  );
}

/** A caller outside AWS, known only through its identity provider. */
function federatedCaller(display: string, provider: string): ResolvedPrincipal {
  // INVARIANT: the `service` kind is the one principal kind the evaluator authorizes with a resource-based
  // (trust) policy alone, without identity-based policies or SCPs of an account — what AWS does for these
  // unsigned calls. `serviceName` stays unset and `principalArn` is not a service name, so no `"Service"`
  // entry can name this caller; the provider identity (`federatedProvider`) is what a trust policy names.
  return {
    facts: { kind: 'service', principalArn: display, callerArn: display, accountId: undefined, federatedProvider: provider },
    entity: { kind: 'service', service: display },
    identityPolicies: [],
    boundary: undefined,
    sessionPolicies: undefined,
    tags: new Map(),
    account: undefined,
  };
}

/** Session tags an identity provider passes: principal_tags (values may be lists of one) and transitive_tag_keys. */
function tokenTags(raw: unknown): { tags: ReadonlyMap<string, string>; transitive: readonly string[] } | ParamError {
  if (raw === undefined) return { tags: new Map(), transitive: [] };
  if (!isRecord(raw)) return invalidToken(`The \`${TAGS_CLAIM}\` claim must be an object with \`principal_tags\` and \`transitive_tag_keys\`.`);
  const entries: [string, string][] = [];
  const principalTags = raw['principal_tags'];
  if (isRecord(principalTags)) {
    for (const [k, v] of Object.entries(principalTags)) {
      const value = Array.isArray(v) ? claimString(v[0]) : claimString(v);
      if (value === undefined) return invalidToken(`The session tag \`${k}\` in the \`${TAGS_CLAIM}\` claim has no value.`);
      entries.push([k, value]);
    }
  }
  const tags = checkTags(entries);
  if ('errorCode' in tags) return tags;
  const transitiveRaw = raw['transitive_tag_keys'];
  const transitive = Array.isArray(transitiveRaw) ? transitiveRaw.flatMap((k) => (typeof k === 'string' ? [k] : [])) : [];
  return { tags, transitive };
}

function addTagContext(context: Entries, tags: ReadonlyMap<string, string>, transitive: readonly string[]): void {
  for (const [k, v] of tags) context.push([`aws:RequestTag/${k}`, v]);
  if (tags.size > 0) context.push(['aws:TagKeys', [...tags.keys()]]);
  if (transitive.length > 0) context.push(['sts:TransitiveTagKeys', [...transitive]]);
}

function accountOfRoleArn(arn: string): string | undefined {
  return /^arn:[a-z-]+:iam::(\d{12}):role\//.exec(arn)?.[1];
}

/** The IAM OIDC provider of the role's account for an issuer (`https://HOST/PATH`); a trailing `/` is not significant. */
function oidcProviderFor(world: World, account: string | undefined, hostPath: string): Extract<IdentityProviderEntity, { kind: 'oidc' }> | undefined {
  const providers = account ? world.accounts.get(account)?.identityProviders : undefined;
  if (!providers) return undefined;
  const trimmed = hostPath.replace(/\/+$/, '');
  let loose: Extract<IdentityProviderEntity, { kind: 'oidc' }> | undefined;
  for (const p of providers.values()) {
    if (p.kind !== 'oidc') continue;
    if (p.hostPath === hostPath) return p;
    if (p.hostPath.replace(/\/+$/, '') === trimmed) loose = p;
  }
  return loose;
}

/**
 * AssumeRoleWithWebIdentity: the token (OIDC ID token claims, or with `ProviderId` an OAuth
 * 2.0 token of Login with Amazon or Facebook), its provider, and the keys AWS derives.
 */
export function readWebIdentity(world: World, roleArn: string, params: StsParams, sessionName: string, now: Date): Federation | ParamError {
  const claims = readClaims(params['WebIdentityToken']);
  if ('errorCode' in claims) return claims as ParamError;
  const context: Entries = [];
  const keys: Entries = [];
  const providerId = stringParam(params, 'ProviderId');
  let provider: string;
  let subject: string;
  let audience: string;
  let issuerResponse: string;

  if (providerId !== undefined) {
    const oauth = OAUTH_PROVIDERS[providerId];
    if (!oauth) return invalidToken(`\`ProviderId\` ${providerId} is not an OAuth 2.0 provider STS supports: only www.amazon.com and graph.facebook.com (for an OpenID Connect token, leave ProviderId out).`);
    const id = claimString(claims[oauth.subject]);
    const appId = claimString(claims['app_id']);
    if (id === undefined || appId === undefined) return invalidToken(`A ${providerId} token needs \`${oauth.subject}\` and \`app_id\`.`);
    provider = providerId;
    subject = id;
    audience = appId;
    issuerResponse = providerId;
    keys.push([`${providerId}:app_id`, appId], [`${providerId}:${oauth.subject}`, id]);
  } else {
    const iss = claimString(claims['iss']);
    if (iss === undefined) return invalidToken('The web identity token has no `iss` (issuer) claim.');
    const hostPath = iss.replace(/^https:\/\//, '');
    const sub = claimString(claims['sub']);
    if (sub === undefined) return invalidToken('The web identity token has no `sub` (subject) claim.');
    const audClaim = claims['aud'];
    const auds = Array.isArray(audClaim) ? audClaim.flatMap((a) => (typeof a === 'string' ? [a] : [])) : typeof audClaim === 'string' ? [audClaim] : [];
    if (auds.length === 0) return invalidToken('The web identity token has no `aud` (audience) claim.');
    const exp = claims['exp'];
    if (exp !== undefined) {
      const seconds = typeof exp === 'number' ? exp : typeof exp === 'string' && /^\d+$/.test(exp) ? Number(exp) : NaN;
      if (!Number.isFinite(seconds)) return invalidToken('The `exp` claim must be a number of seconds since the epoch ("Timestamps in the token must be formatted as either an integer or a long integer").');
      const nowSeconds = Math.floor(now.getTime() / 1000);
      if (seconds <= nowSeconds) {
        return { errorCode: 'ExpiredTokenException', message: `Token expired: current date/time ${nowSeconds} must be before the expiration date/time ${seconds}` };
      }
    }
    if (BUILT_IN_WEB_IDENTITY_PROVIDERS.has(hostPath)) {
      provider = hostPath;
      // Google: `aud` is the `azp` claim when the token has one (the audience then is `oaud`).
      const azp = claimString(claims['azp']);
      audience = hostPath === 'accounts.google.com' && azp !== undefined ? azp : auds[0]!;
      if (hostPath === 'accounts.google.com' && azp !== undefined) keys.push(['accounts.google.com:oaud', auds.length === 1 ? auds[0]! : auds]);
    } else {
      const iam = oidcProviderFor(world, accountOfRoleArn(roleArn), hostPath);
      if (!iam) return invalidToken(`No OpenIDConnect provider found in your account for ${iss}`);
      const accepted = auds.find((a) => iam.clientIds.includes(a));
      if (accepted === undefined) return invalidToken('Incorrect token audience');
      provider = iam.arn;
      audience = accepted;
    }
    subject = sub;
    issuerResponse = iss;
    keys.push([`${hostPath}:aud`, audience], [`${hostPath}:sub`, sub]);
    const amr = claimValue(claims['amr']);
    if (amr !== undefined) keys.push([`${hostPath}:amr`, amr]);
    for (const [pattern, names] of PROVIDER_CLAIM_KEYS) {
      if (!pattern.test(hostPath)) continue;
      for (const name of names) {
        const value = claimValue(claims[name]);
        if (value !== undefined) keys.push([`${hostPath}:${name}`, value]);
      }
    }
  }

  const tags = tokenTags(claims[TAGS_CLAIM]);
  if ('errorCode' in tags) return tags as ParamError;
  const sourceIdentity = claimString(claims[SOURCE_IDENTITY_CLAIM]);
  context.push(...keys, ['sts:RoleSessionName', sessionName]);
  if (sourceIdentity !== undefined) context.push(['sts:SourceIdentity', sourceIdentity]);
  addTagContext(context, tags.tags, tags.transitive);
  // The caller is known as CloudTrail shows a WebIdentityUser: `PROVIDER:AUDIENCE:SUBJECT`.
  const caller = federatedCaller(`${provider}:${audience}:${subject}`, provider);
  context.push(['aws:PrincipalIsAWSService', 'false']);
  return {
    kind: 'webIdentity', caller, provider, context,
    sessionContext: [...keys, ['aws:FederatedProvider', provider]],
    sessionName, tags: tags.tags, transitiveTagKeys: tags.transitive, sourceIdentity, notAfter: undefined,
    response: { SubjectFromWebIdentityToken: subject, Provider: issuerResponse, Audience: audience },
  };
}

/**
 * SAML attributes that STS offers as `saml:` condition keys (the attribute's friendly name
 * or its `urn:oid:` name), with AWS's spelling and whether the key is multivalued.
 */
const SAML_ATTRIBUTE_KEYS: readonly (readonly [key: string, oid: string | undefined, multi: boolean])[] = [
  ['commonName', undefined, false],
  ['cn', '2.5.4.3', true],
  ['givenName', '2.5.4.42', false],
  ['surname', '2.5.4.4', false],
  ['name', '2.5.4.41', false],
  ['mail', '0.9.2342.19200300.100.1.3', false],
  ['uid', '0.9.2342.19200300.100.1.1', false],
  ['x500UniqueIdentifier', '2.5.4.45', false],
  ['organizationStatus', undefined, false],
  ['primaryGroupSID', undefined, false],
  ['eduPersonAffiliation', '1.3.6.1.4.1.5923.1.1.1.1', true],
  ['eduPersonNickname', '1.3.6.1.4.1.5923.1.1.1.2', true],
  ['eduPersonOrgDN', '1.3.6.1.4.1.5923.1.1.1.3', false],
  ['eduPersonOrgUnitDN', '1.3.6.1.4.1.5923.1.1.1.4', true],
  ['eduPersonPrimaryAffiliation', '1.3.6.1.4.1.5923.1.1.1.5', false],
  ['eduPersonPrincipalName', '1.3.6.1.4.1.5923.1.1.1.6', false],
  ['eduPersonEntitlement', '1.3.6.1.4.1.5923.1.1.1.7', true],
  ['eduPersonPrimaryOrgUnitDN', '1.3.6.1.4.1.5923.1.1.1.8', false],
  ['eduPersonScopedAffiliation', '1.3.6.1.4.1.5923.1.1.1.9', true],
  ['eduPersonTargetedID', '1.3.6.1.4.1.5923.1.1.1.10', true],
  ['eduPersonAssurance', '1.3.6.1.4.1.5923.1.1.1.11', true],
  ['eduOrgHomePageURI', '1.3.6.1.4.1.5923.1.2.1.2', true],
  ['eduOrgIdentityAuthNPolicyURI', '1.3.6.1.4.1.5923.1.2.1.3', true],
  ['eduOrgLegalName', '1.3.6.1.4.1.5923.1.2.1.4', true],
  ['eduOrgSuperiorURI', '1.3.6.1.4.1.5923.1.2.1.5', true],
  ['eduOrgWhitePagesURI', '1.3.6.1.4.1.5923.1.2.1.6', true],
];

const SAML_KEY_BY_NAME = new Map<string, (typeof SAML_ATTRIBUTE_KEYS)[number]>();
for (const entry of SAML_ATTRIBUTE_KEYS) {
  SAML_KEY_BY_NAME.set(entry[0].toLowerCase(), entry);
  if (entry[1]) SAML_KEY_BY_NAME.set(`urn:oid:${entry[1]}`, entry);
}

function attributeValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => (claimString(v) === undefined ? [] : [claimString(v)!]));
  const one = claimString(value);
  return one === undefined ? [] : [one];
}

/** `saml:sub_type`: "persistent", "transient", or the full Format URI (the `urn:oasis:names:tc:SAML:2.0:nameid-format:` prefix removed). */
function subjectType(format: string | undefined): string {
  if (format === undefined) return 'transient';
  return format.replace(/^urn:oasis:names:tc:SAML:2\.0:nameid-format:/, '');
}

/** `saml:namequalifier`: BASE64(SHA1(Issuer + account ID + "/" + provider name)) (AWS STS API Reference, AssumeRoleWithSAML, NameQualifier). */
export async function samlNameQualifier(issuer: string, account: string, providerName: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(`${issuer}${account}/${providerName}`));
  return base64(new Uint8Array(digest));
}

function isoMoment(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * AssumeRoleWithSAML: the SAML provider (`PrincipalArn`), the assertion's issuer, subject,
 * recipient, validity and attributes (the role it grants, the session name, session tags,
 * source identity, and the attributes STS turns into `saml:` keys).
 */
export async function readSaml(world: World, roleArn: string, params: StsParams, now: Date): Promise<Federation | ParamError> {
  const principalArn = stringParam(params, 'PrincipalArn');
  if (principalArn === undefined) {
    return { errorCode: 'ValidationError', message: "1 validation error detected: Value null at 'principalArn' failed to satisfy constraint: Member must not be null" };
  }
  const provider = world.identityProviders.get(principalArn);
  if (!provider || provider.kind !== 'saml') return invalidToken(`Specified provider doesn't exist: no SAML provider \`${principalArn}\` in this world.`);
  const assertion = params['SAMLAssertion'];
  if (!isRecord(assertion)) {
    return invalidToken('The SAML assertion could not be read. Give `SAMLAssertion` as an object: {"Issuer", "NameID", "NameIDFormat", "Recipient", "NotOnOrAfter", "Attributes": {…}}.');
  }
  const issuer = claimString(assertion['Issuer']);
  if (issuer === undefined) return invalidToken('The SAML assertion has no `Issuer`.');
  if (provider.issuer !== undefined && provider.issuer !== issuer) {
    return invalidToken(`The SAML assertion's Issuer \`${issuer}\` is not the identity provider of \`${principalArn}\` (its metadata names \`${provider.issuer}\`).`);
  }
  const nameId = claimString(assertion['NameID']);
  if (nameId === undefined) return invalidToken('The SAML assertion has no `NameID` (its Subject).');
  const notOnOrAfter = isoMoment(assertion['NotOnOrAfter']);
  if (notOnOrAfter && notOnOrAfter.getTime() <= now.getTime()) {
    return { errorCode: 'ExpiredTokenException', message: `The SAML assertion expired at ${notOnOrAfter.toISOString()} (NotOnOrAfter).` };
  }
  const attributes = isRecord(assertion['Attributes']) ? assertion['Attributes'] : {};
  const attribute = (name: string): string[] => {
    for (const [k, v] of Object.entries(attributes)) if (k.toLowerCase() === name.toLowerCase()) return attributeValues(v);
    return [];
  };

  // The Role attribute must list the requested role together with this provider: "roleArn,providerArn" (either order).
  const grants = attribute(`${SAML_ATTRIBUTE}Role`).map((pair) => pair.split(',').map((s) => s.trim()));
  if (!grants.some((pair) => pair.length === 2 && pair.includes(roleArn) && pair.includes(principalArn))) {
    return {
      errorCode: 'AccessDenied',
      message: `Not authorized to perform sts:AssumeRoleWithSAML: the assertion's ${SAML_ATTRIBUTE}Role attribute does not list \`${roleArn},${principalArn}\`.`,
    };
  }
  const sessionName = attribute(`${SAML_ATTRIBUTE}RoleSessionName`)[0];
  if (sessionName === undefined) return invalidToken(`The SAML assertion has no ${SAML_ATTRIBUTE}RoleSessionName attribute.`);
  if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
    return invalidToken(`The ${SAML_ATTRIBUTE}RoleSessionName attribute \`${sessionName}\` must be 2 to 64 characters of [\\w+=,.@-].`);
  }

  const tagEntries: [string, string][] = [];
  const tagPrefix = `${SAML_ATTRIBUTE}PrincipalTag:`.toLowerCase();
  for (const [k, v] of Object.entries(attributes)) {
    if (!k.toLowerCase().startsWith(tagPrefix)) continue;
    const value = attributeValues(v)[0];
    if (value !== undefined) tagEntries.push([k.slice(tagPrefix.length), value]);
  }
  const tags = checkTags(tagEntries);
  if ('errorCode' in tags) return tags as ParamError;
  const transitive = attribute(`${SAML_ATTRIBUTE}TransitiveTagKeys`);
  const sourceIdentity = attribute(`${SAML_ATTRIBUTE}SourceIdentity`)[0];

  const audience = claimString(assertion['Recipient']) ?? SAML_SIGN_IN_ENDPOINT;
  const subType = subjectType(claimString(assertion['NameIDFormat']));
  const qualifier = await samlNameQualifier(issuer, provider.account.id, provider.name);
  const keys: Entries = [
    ['saml:aud', audience],
    ['saml:iss', issuer],
    ['saml:sub', nameId],
    ['saml:sub_type', subType],
    ['saml:namequalifier', qualifier],
    ['saml:doc', `${provider.account.id}/${provider.name}`],
  ];
  for (const [k, v] of Object.entries(attributes)) {
    const known = SAML_KEY_BY_NAME.get(k.toLowerCase());
    const values = attributeValues(v);
    if (!known || values.length === 0) continue;
    keys.push([`saml:${known[0]}`, known[2] ? values : values.length === 1 ? values[0]! : values]);
  }
  const context: Entries = [...keys, ['sts:RoleSessionName', sessionName]];
  if (sourceIdentity !== undefined) context.push(['sts:SourceIdentity', sourceIdentity]);
  addTagContext(context, tags, transitive);
  context.push(['aws:PrincipalIsAWSService', 'false']);
  return {
    kind: 'saml',
    caller: federatedCaller(`${principalArn}:${nameId}`, principalArn),
    provider: principalArn,
    context,
    sessionContext: [...keys, ['aws:FederatedProvider', principalArn]],
    sessionName,
    tags,
    transitiveTagKeys: transitive,
    sourceIdentity,
    notAfter: isoMoment(assertion['SessionNotOnOrAfter']),
    response: { Subject: nameId, SubjectType: subType, Issuer: issuer, Audience: audience, NameQualifier: qualifier },
  };
}
