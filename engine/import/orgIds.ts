/**
 * AWS Organizations identifiers (Organizations API Reference: Root, OrganizationalUnit,
 * Parent, PolicySummary, PolicyTargetSummary) and ARNs
 * (`arn:aws:organizations::MANAGEMENT-ACCOUNT:TYPE/o-ORG/…`).
 */

export const ORG_ID = /^o-[a-z0-9]{10,32}$/;
export const ROOT_ID = /^r-[0-9a-z]{4,32}$/;
/** `ou-` + the id of the root the OU is in (without `r-`) + `-` + 8 to 32 more. */
export const OU_ID = /^ou-([0-9a-z]{4,32})-[0-9a-z]{8,32}$/;
export const ACCOUNT_ID = /^\d{12}$/;
export const POLICY_ID = /^p-[0-9a-zA-Z_]{8,128}$/;

/** The root an OU id names: `ou-a1b2-xxxxxxxx` is in `r-a1b2`. */
export function rootOfOu(ouId: string): string | undefined {
  const m = OU_ID.exec(ouId);
  return m ? `r-${m[1] ?? ''}` : undefined;
}

export interface OrgArn {
  /** The management account (the account field of every resource the organization owns). */
  readonly managementAccount: string;
  readonly orgId: string;
}

const ORG_ARN = /^arn:aws[a-z-]*:organizations::(\d{12}):(?:organization|root|ou|account|policy|handshake)\/(o-[a-z0-9]{10,32})(?:\/|$)/;

/** What an Organizations ARN says about its organization; undefined for AWS managed policies (`…::aws:policy/…`) and malformed ARNs. */
export function parseOrgArn(arn: unknown): OrgArn | undefined {
  if (typeof arn !== 'string') return undefined;
  const m = ORG_ARN.exec(arn);
  return m ? { managementAccount: m[1] ?? '', orgId: m[2] ?? '' } : undefined;
}

/**
 * The ids of one kind in a file name (`ous-r-a1b2.json`, `targets-p-abcd1234.json`):
 * a way to say which parent or policy a listing is for without editing the file.
 */
export function idsInFileName(file: string, kind: 'parent' | 'policy' | 'target'): string[] {
  const base = file.replace(/^.*[\\/]/, '');
  const pattern =
    kind === 'policy'
      ? /(?<![0-9A-Za-z])p-[0-9a-zA-Z_]{8,128}(?![0-9A-Za-z])/g
      : kind === 'parent'
        ? /(?<![0-9a-z])(?:ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|r-[0-9a-z]{4,32})(?![0-9a-z])/g
        : /(?<![0-9a-z])(?:ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|r-[0-9a-z]{4,32}|\d{12})(?![0-9a-z])/g;
  return [...new Set(base.match(pattern) ?? [])];
}
