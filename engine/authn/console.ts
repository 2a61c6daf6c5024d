/**
 * A request made from an AWS Management Console session: the IAM user (or the root user)
 * signs in with a password and, when the identity has an MFA device, a code from it; the
 * console then makes its requests with temporary credentials issued for the session.
 *
 * What AWS documents, and what this models:
 * - "To use the AWS Management Console, users must have a password" (IAM User Guide,
 *   "Credentials"): a user without one has no console access.
 * - An identity with an MFA device must give the device's code at sign-in (RFC 6238 TOTP,
 *   checked against the sign-in time with `verifyTotp`: the current 30-second step and one
 *   on either side).
 * - A failed sign-in reaches no AWS service and no policy. The console says "Your
 *   authentication information is incorrect. Please try again." whichever credential was
 *   wrong; CloudTrail records the attempt as a `ConsoleLogin` event with
 *   `"responseElements": {"ConsoleLogin": "Failure"}` and `"errorMessage": "Failed
 *   authentication"` (AWS CloudTrail User Guide, "AWS Management Console sign-in events").
 *   There is no API error code for it, so the decision is `FailedAuthentication`: CloudTrail's
 *   documented words in the CamelCase form of AWS's error codes.
 * - "IAM users in the AWS Management Console unknowingly use temporary credentials … the
 *   console generates temporary credentials on behalf of the user", so
 *   aws:MultiFactorAuthPresent "is present in the request and set to a value of `false`"
 *   for a console session without MFA, `true` with it; aws:MultiFactorAuthAge (seconds since
 *   the MFA sign-in) is present only with MFA; aws:TokenIssueTime is the sign-in time (IAM
 *   User Guide, "AWS global condition context keys").
 * - "A login session will expire in 12 hours when you sign into the AWS Management Console
 *   with your AWS or IAM account credentials" (AWS Management Console FAQ): a request made
 *   later with the session's credentials is refused as expired (`ExpiredToken`, in the
 *   service's family of error codes).
 */
import { resolveRoot, resolveUser, type ResolvedPrincipal, type SessionState } from '../evaluate/principal';
import type { Tracer } from '../evaluate/tracer';
import { parsePrincipalName } from '../model/principalArn';
import type { World } from '../model/world';
import type { ConsoleJson, MfaDeviceJson } from '../scenario/types';
import { authnErrors, serviceFamily } from './errors';
import { verifyTotp } from './totp';

/** How long a console session of an IAM user or the root user lasts. */
export const CONSOLE_SESSION_SECONDS = 12 * 3600;

/** The error code of a failed console sign-in (see the comment at the top). */
export const CONSOLE_SIGN_IN_FAILED = 'FailedAuthentication';

/** What the console's sign-in page shows for any wrong credential. */
export const CONSOLE_SIGN_IN_FAILED_MESSAGE = 'Your authentication information is incorrect. Please try again.';

/** The console credentials of one identity, as the world holds them. */
export interface ConsoleCredentials {
  /** The identity's ARN (an IAM user or an account's root user). */
  readonly arn: string;
  /** The console password; `undefined` when the identity has none (no console access). */
  readonly password: string | undefined;
  /** Virtual MFA devices (TOTP seeds). */
  readonly mfaDevices: readonly MfaDeviceJson[];
  /** The identity has an MFA device whose seed the world does not hold (`"mfa": true` without `mfaDevices`). */
  readonly mfaWithoutSeed?: boolean;
}

/** The sign-in steps of the decision trace (codes of `evaluate/reasons.ts`). */
export interface ConsoleStep {
  readonly step: 'authnPassword' | 'authnMfa' | 'authnSessionExpired' | 'authnConsoleSession';
  readonly outcome: 'pass' | 'fail' | 'info';
  readonly params: Readonly<Record<string, string | number | boolean>>;
}

export type ConsoleSignInResult =
  | {
      readonly ok: true;
      /** MFA was used at sign-in. */
      readonly mfa: boolean;
      /** The device whose code was accepted. */
      readonly mfaSerial?: string;
      readonly signedInAt: Date;
      readonly expiresAt: Date;
      readonly steps: readonly ConsoleStep[];
    }
  | {
      readonly ok: false;
      readonly errorCode: string;
      readonly httpStatus?: number;
      /** AWS's words, then why (the playground says which credential was wrong; AWS does not). */
      readonly message: string;
      /** `true` when the sign-in itself failed, `false` when the session had expired. */
      readonly signInFailed: boolean;
      readonly steps: readonly ConsoleStep[];
    };

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function signInFailed(why: string, steps: ConsoleStep[]): ConsoleSignInResult {
  return { ok: false, errorCode: CONSOLE_SIGN_IN_FAILED, message: `Failed authentication: ${CONSOLE_SIGN_IN_FAILED_MESSAGE} (${why})`, signInFailed: true, steps };
}

/** Compares two strings in time that depends only on their lengths. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Signs `credentials`' identity in to the console with `attempt` at `attempt.signedInAt`
 * (default `now`), then checks that the session is still valid at `now`. `service` (the
 * request's service prefix, e.g. `s3`) picks the family of the expired-session error.
 */
export async function signInToConsole(credentials: ConsoleCredentials, attempt: ConsoleJson, now: Date, service?: string): Promise<ConsoleSignInResult> {
  const steps: ConsoleStep[] = [];
  const signedInAt = attempt.signedInAt !== undefined ? new Date(attempt.signedInAt) : now;
  if (Number.isNaN(signedInAt.getTime())) return signInFailed(`\`signedInAt\` is not a date: \`${String(attempt.signedInAt)}\``, steps);
  if (signedInAt.getTime() > now.getTime()) return signInFailed(`the sign-in time ${isoSeconds(signedInAt)} is later than the current time ${isoSeconds(now)}`, steps);

  // ── The password: no password, no console access.
  const who = credentials.arn;
  if (credentials.password === undefined) {
    steps.push({ step: 'authnPassword', outcome: 'fail', params: { principal: who, consolePassword: false } });
    return signInFailed(`${who} has no console password, so it cannot sign in to the AWS Management Console`, steps);
  }
  if (typeof attempt.password !== 'string' || !sameText(attempt.password, credentials.password)) {
    steps.push({ step: 'authnPassword', outcome: 'fail', params: { principal: who, consolePassword: true, given: typeof attempt.password === 'string' } });
    return signInFailed(attempt.password === undefined ? 'no password was given' : `the password is not ${who}'s console password`, steps);
  }
  steps.push({ step: 'authnPassword', outcome: 'pass', params: { principal: who, consolePassword: true } });

  // ── MFA: asked for only when the identity has a device.
  let mfaSerial: string | undefined;
  const devices = credentials.mfaDevices;
  const hasMfa = devices.length > 0 || credentials.mfaWithoutSeed === true;
  if (!hasMfa) {
    // The console does not ask for a code; one given anyway is not used.
    steps.push({ step: 'authnMfa', outcome: 'info', params: { mfaDevice: false, codeIgnored: attempt.mfaCode !== undefined } });
  } else {
    const code = attempt.mfaCode;
    if (code === undefined) {
      steps.push({ step: 'authnMfa', outcome: 'fail', params: { mfaDevice: true, given: false } });
      return signInFailed(`${who} has an MFA device: the sign-in needs its code (\`mfaCode\`)`, steps);
    }
    const candidates = attempt.mfaSerial !== undefined ? devices.filter((d) => d.serial === attempt.mfaSerial) : devices;
    if (attempt.mfaSerial !== undefined && devices.length > 0 && candidates.length === 0) {
      steps.push({ step: 'authnMfa', outcome: 'fail', params: { mfaDevice: true, serial: attempt.mfaSerial, deviceFound: false } });
      return signInFailed(`\`${attempt.mfaSerial}\` is not an MFA device of ${who}`, steps);
    }
    if (!/^\d{6}$/.test(code)) {
      steps.push({ step: 'authnMfa', outcome: 'fail', params: { mfaDevice: true, given: true, wellFormed: false } });
      return signInFailed(`an MFA code is six digits; got \`${code}\``, steps);
    }
    if (candidates.length === 0) {
      // `"mfa": true` without a seed: the device's codes cannot be computed, so a well-formed code is taken as right.
      steps.push({ step: 'authnMfa', outcome: 'pass', params: { mfaDevice: true, seedKnown: false } });
      mfaSerial = attempt.mfaSerial;
    } else {
      for (const device of candidates) {
        const checked = await verifyTotp(device.seed, code, signedInAt);
        if (checked.ok) {
          mfaSerial = device.serial;
          steps.push({ step: 'authnMfa', outcome: 'pass', params: { mfaDevice: true, serial: device.serial, stepOffset: checked.offset, at: isoSeconds(signedInAt) } });
          break;
        }
      }
      if (mfaSerial === undefined) {
        steps.push({ step: 'authnMfa', outcome: 'fail', params: { mfaDevice: true, given: true, devices: candidates.length, at: isoSeconds(signedInAt) } });
        return signInFailed(`\`${code}\` is not the code of ${candidates.length === 1 ? `the MFA device ${candidates[0]!.serial}` : `any of ${who}'s MFA devices`} at ${isoSeconds(signedInAt)} (nor 30 seconds before or after)`, steps);
      }
    }
  }

  // ── The session: temporary credentials the console uses, valid for 12 hours.
  const expiresAt = new Date(signedInAt.getTime() + CONSOLE_SESSION_SECONDS * 1000);
  if (now.getTime() >= expiresAt.getTime()) {
    steps.push({ step: 'authnSessionExpired', outcome: 'fail', params: { expiration: isoSeconds(expiresAt) } });
    const expired = authnErrors.expiredToken(serviceFamily(service));
    return {
      ok: false, errorCode: expired.errorCode, httpStatus: expired.httpStatus, signInFailed: false, steps,
      message: `${expired.message} (the console session of ${who}, signed in at ${isoSeconds(signedInAt)}, expired at ${isoSeconds(expiresAt)}: a console session lasts 12 hours)`,
    };
  }
  steps.push({
    step: 'authnConsoleSession', outcome: 'pass',
    params: { principal: who, mfa: hasMfa, tokenIssueTime: isoSeconds(signedInAt), expiration: isoSeconds(expiresAt) },
  });
  return { ok: true, mfa: hasMfa, ...(mfaSerial !== undefined ? { mfaSerial } : {}), signedInAt, expiresAt, steps };
}

export type ConsoleOutcome =
  | { readonly ok: true; readonly principal: ResolvedPrincipal }
  | { readonly ok: false; readonly errorCode: string; readonly httpStatus?: number; readonly message: string; readonly signInFailed: boolean };

/**
 * The caller of a console request: `principalArn` (an IAM user or a root user of the world)
 * signs in with `attempt`; on success, the identity with its own policies, acting in a
 * session whose MFA state and issue time the request context reports. Each sign-in step
 * goes into the trace, first.
 */
export async function consoleSignIn(world: World, principalArn: string | undefined, attempt: ConsoleJson, action: string, now: Date, tracer: Tracer): Promise<ConsoleOutcome> {
  const name = principalArn !== undefined ? parsePrincipalName(principalArn) : undefined;
  let credentials: ConsoleCredentials | undefined;
  let base: ResolvedPrincipal | undefined;
  if (name?.kind === 'user') {
    const user = world.accounts.get(name.account)?.users.get(name.name);
    if (user) {
      credentials = { arn: user.arn, password: user.password, mfaDevices: user.mfaDevices, mfaWithoutSeed: user.mfa && user.mfaDevices.length === 0 };
      base = resolveUser(user);
    }
  } else if (name?.kind === 'root') {
    const root = world.accounts.get(name.account)?.root;
    credentials = { arn: `arn:aws:iam::${name.account}:root`, password: root?.password, mfaDevices: root?.mfaDevices ?? [] };
    base = resolveRoot(world, name.account);
  }
  if (!credentials || !base) {
    const why = name?.kind === 'user'
      ? `account ${name.account} has no IAM user \`${name.name}\``
      : `only an IAM user or an account's root user signs in to the console with a password; \`${principalArn ?? ''}\` is neither`;
    tracer.add({ parent: null, stage: 'authn', kind: 'step', outcome: 'fail', reason: 'authnPassword', params: { principal: principalArn ?? '' } });
    return { ok: false, errorCode: CONSOLE_SIGN_IN_FAILED, message: `Failed authentication: ${CONSOLE_SIGN_IN_FAILED_MESSAGE} (${why})`, signInFailed: true };
  }
  const service = action.includes(':') ? action.slice(0, action.indexOf(':')).toLowerCase() : undefined;
  const result = await signInToConsole(credentials, attempt, now, service);
  if (tracer.enabled) for (const step of result.steps) tracer.add({ parent: null, stage: 'authn', kind: 'step', outcome: step.outcome, reason: step.step, params: step.params });
  if (!result.ok) {
    return { ok: false, errorCode: result.errorCode, ...(result.httpStatus !== undefined ? { httpStatus: result.httpStatus } : {}), message: result.message, signInFailed: result.signInFailed };
  }
  const session: SessionState = {
    policies: undefined,
    tags: new Map(),
    sourceIdentity: undefined,
    mfa: result.mfa,
    ...(result.mfa ? { mfaTime: result.signedInAt } : {}),
    issuedAt: result.signedInAt,
    expiresAt: result.expiresAt,
  };
  return { ok: true, principal: { ...base, session } };
}
