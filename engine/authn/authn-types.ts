/**
 * The shapes authentication speaks in: what it needs (a credential store) and what it
 * answers (who signed, an anonymous request, or AWS's error), with the steps it took.
 */
import type { SignatureForm } from './authinfo';
import type { Endpoint } from './endpoint';
import type { AuthnError } from './errors';
import type { HttpRequest } from './http';

/** An access key as the credential store knows it. */
export interface AccessKeyRecord {
  readonly secret: string;
  readonly status: 'Active' | 'Inactive';
  /** True for temporary credentials (an STS session): they need their session token. */
  readonly temporary: boolean;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

/** Where authentication looks access keys up (the world's users, roots and STS sessions). */
export interface CredentialLookup {
  findAccessKey(accessKeyId: string): AccessKeyRecord | undefined;
}

/** The authentication steps of the decision trace (codes of `evaluate/reasons.ts`). */
export type AuthnStepCode =
  | 'authnParseRequest'
  | 'authnCredentialLookup'
  | 'authnKeyStatus'
  | 'authnSessionToken'
  | 'authnSessionExpired'
  | 'authnRequestTime'
  | 'authnSignature';

export interface AuthnStep {
  readonly step: AuthnStepCode;
  readonly outcome: 'pass' | 'fail';
  readonly params: Readonly<Record<string, string | number | boolean>>;
}

/** A request context key authentication establishes, as AWS spells it, and its value. */
export type AuthnContextEntry = readonly [key: string, value: string];

/** A request signed by a known, active key whose signature matches. */
export interface AuthnSuccess {
  readonly ok: true;
  readonly anonymous: false;
  readonly accessKeyId: string;
  readonly sessionToken?: string;
  /** True when the key is temporary (an STS session). */
  readonly temporary: boolean;
  readonly form: SignatureForm;
  readonly scope: { readonly date: string; readonly region: string; readonly service: string };
  /** The service the request was signed for (the scope's service). */
  readonly service: string;
  /** The region the request was signed for (the scope's region). */
  readonly region: string;
  /** The time the request was signed (`X-Amz-Date`). */
  readonly requestTime: Date;
  /** The signed header names, lower case. */
  readonly signedHeaders: readonly string[];
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
  readonly steps: readonly AuthnStep[];
  readonly context: readonly AuthnContextEntry[];
  readonly request: HttpRequest;
  /** What the host name says, when there is a host. */
  readonly endpoint?: Endpoint;
}

/** A request that carries no signature at all: the caller decides (see `anonymousAllowed`). */
export interface AuthnAnonymous {
  readonly ok: true;
  readonly anonymous: true;
  /** The service and region of the endpoint, when the host name tells. */
  readonly service?: string;
  readonly region?: string;
  readonly steps: readonly AuthnStep[];
  readonly context: readonly AuthnContextEntry[];
  readonly request: HttpRequest;
  readonly endpoint?: Endpoint;
}

/** AWS refused the request. */
export interface AuthnFailure extends AuthnError {
  readonly ok: false;
  readonly steps: readonly AuthnStep[];
  /** The access key the request named, when it got that far. */
  readonly accessKeyId?: string;
  /** For a signature mismatch: what AWS computed (AWS shows these too). */
  readonly expected?: { readonly canonicalRequest: string; readonly stringToSign: string; readonly signature: string };
}

export type AuthnResult = AuthnSuccess | AuthnAnonymous | AuthnFailure;

export interface AuthenticateOptions {
  /** The largest allowed difference between the request time and `now`; default 900 (15 minutes). */
  readonly maxClockSkewSeconds?: number;
  /**
   * The service and region the request is addressed to, when the caller knows better
   * than the host name (e.g. the region of a bucket reached through `s3.amazonaws.com`).
   */
  readonly endpoint?: { readonly service?: string; readonly region?: string };
}
