/**
 * Principal / NotPrincipal matching, per "AWS JSON policy elements: Principal" and
 * "AWS JSON policy elements: NotPrincipal" (IAM User Guide).
 *
 * A caller is seen as a *chain of identities*, outermost first:
 *
 * | caller                 | chain                                             |
 * |------------------------|---------------------------------------------------|
 * | account root user      | account                                           |
 * | IAM user               | account → user                                    |
 * | role session           | account → role → session                          |
 * | federated user (STS)   | account → federated user                          |
 * | AWS service            | service                                           |
 * | web identity / SAML    | (its chain) → identity provider                   |
 *
 * (The identity provider is in the chain whenever `facts.federatedProvider` is set: set it
 * for the caller of AssumeRoleWithWebIdentity / AssumeRoleWithSAML, whose trust policy
 * names the provider, not for the role session that results.)
 * | anonymous              | anonymous                                         |
 *
 * An entry *names* an identity when it is, for the
 *
 * - account: the 12-digit id or `arn:PARTITION:iam::ID:root` ("AWS account principals":
 *   the account and every principal in it);
 * - user: the user ARN, or the user's unique id (AIDA…);
 * - role: the role ARN, or the role's unique id (AROA…) — "role principals": it matches
 *   the role's sessions;
 * - session: the assumed-role session ARN `arn:…:sts::ID:assumed-role/ROLE/SESSION`, or
 *   `AROA…:SESSION` — that session only;
 * - federated user: `arn:…:sts::ID:federated-user/NAME`;
 * - service: a `Service` entry equal to the service principal name (any case);
 * - identity provider: a `Federated` entry equal to the provider (e.g.
 *   `cognito-identity.amazonaws.com` or a `saml-provider` ARN);
 * - anything: `"Principal": "*"` or `{"AWS": "*"}` ("everyone", anonymous included).
 *
 * Wildcards inside a principal value are not supported: `arn:aws:iam::111122223333:role/*`
 * names nothing ("you cannot use a wildcard to match part of a principal name or ARN"),
 * and the validator reports it.
 *
 * **Principal** matches when any identity of the chain is named.
 *
 * **NotPrincipal** (with Deny) excludes a caller only when *every* identity of its chain is
 * named: "AWS might validate the account first, then the role, and then the assumed-role
 * user … we strongly recommend that you explicitly include the ARN for a user's account,
 * or include both the ARN for a role and the ARN for the account". So NotPrincipal matches
 * (the statement applies) when some identity of the chain is not named; the trace reports
 * which.
 */
import type { PrincipalBlock, PrincipalEntry, PrincipalType } from '../policy/types';
import type { PrincipalFacts } from '../model/principal';
import { parseArn } from './arn';

/** One identity of a caller's chain, with every string that names it. */
export interface PrincipalIdentity {
  readonly kind: 'account' | 'user' | 'role' | 'session' | 'federatedUser' | 'service' | 'provider' | 'anonymous';
  /** The entry type that can name it. */
  readonly type: PrincipalType;
  /** The strings an entry of that type may hold to name it (compared exactly, services in lower case). */
  readonly names: readonly string[];
  /** A display form, e.g. the ARN. */
  readonly display: string;
}

/** A caller prepared once per request for matching against every Principal element. */
export interface PreparedPrincipal {
  readonly facts: PrincipalFacts;
  readonly chain: readonly PrincipalIdentity[];
}

/** Builds the identity chain of a caller. */
export function preparePrincipal(facts: PrincipalFacts): PreparedPrincipal {
  const chain: PrincipalIdentity[] = [];
  const partition =
    parseArn(facts.callerArn)?.partition ?? parseArn(facts.principalArn)?.partition ?? 'aws';
  const account = facts.accountId;
  const accountIdentity = (): PrincipalIdentity | undefined =>
    account === undefined
      ? undefined
      : {
          kind: 'account',
          type: 'AWS',
          names: [account, `arn:${partition}:iam::${account}:root`],
          display: `arn:${partition}:iam::${account}:root`,
        };
  const uid = facts.uniqueId;
  const push = (x: PrincipalIdentity | undefined) => {
    if (x) chain.push(x);
  };
  switch (facts.kind) {
    case 'root':
      push(accountIdentity());
      break;
    case 'user':
      push(accountIdentity());
      push({ kind: 'user', type: 'AWS', names: withId([facts.principalArn], uid), display: facts.principalArn });
      break;
    case 'assumedRole': {
      push(accountIdentity());
      const roleArn = facts.roleArn ?? facts.principalArn;
      const roleId = uid !== undefined ? uid.split(':')[0] : undefined;
      push({ kind: 'role', type: 'AWS', names: withId([roleArn], roleId), display: roleArn });
      push({ kind: 'session', type: 'AWS', names: withId([facts.callerArn], uid), display: facts.callerArn });
      break;
    }
    case 'federatedUser':
      push(accountIdentity());
      push({ kind: 'federatedUser', type: 'AWS', names: withId([facts.callerArn], uid), display: facts.callerArn });
      break;
    case 'service': {
      const name = (facts.serviceName ?? facts.principalArn).toLowerCase();
      push({ kind: 'service', type: 'Service', names: [name], display: name });
      break;
    }
    case 'anonymous':
      push({ kind: 'anonymous', type: 'AWS', names: [], display: '*' });
      break;
  }
  if (facts.federatedProvider !== undefined) {
    push({
      kind: 'provider',
      type: 'Federated',
      names: [facts.federatedProvider],
      display: facts.federatedProvider,
    });
  }
  return { facts, chain };
}

function withId(names: string[], id: string | undefined): string[] {
  if (id !== undefined && id !== '' && !names.includes(id)) names.push(id);
  return names;
}

/** The result of matching a Principal element, for the trace. */
export interface PrincipalMatchExplanation {
  readonly matched: boolean;
  /** Whether the element is `"*"` / contains `{"AWS": "*"}`. */
  readonly anyone: boolean;
  /** Index into `block.entries` of the entry that named the caller, or -1. */
  readonly entryIndex: number;
  readonly entry: PrincipalEntry | undefined;
  /** Which identity of the caller's chain the entry named. */
  readonly identity: PrincipalIdentity | undefined;
}

/** The result of matching a NotPrincipal element, for the trace. */
export interface NotPrincipalMatchExplanation {
  /** Whether NotPrincipal matches, i.e. the statement applies to this caller. */
  readonly matched: boolean;
  readonly anyone: boolean;
  /** The first identity of the chain that no entry names (why it matched), if any. */
  readonly unnamed: PrincipalIdentity | undefined;
  /** For each identity of the chain, the index of the entry naming it, or -1. */
  readonly namedBy: readonly { readonly identity: PrincipalIdentity; readonly entryIndex: number }[];
}

/** A compiled Principal / NotPrincipal element. */
export interface CompiledPrincipalBlock {
  readonly block: PrincipalBlock;
  /** Whether it names everyone (`"*"` or `{"AWS": "*"}`). */
  readonly anyone: boolean;
  /** As a Principal element: whether it names the caller. */
  test(principal: PreparedPrincipal): boolean;
  explain(principal: PreparedPrincipal): PrincipalMatchExplanation;
  /** As a NotPrincipal element: whether the statement applies to the caller. */
  testNot(principal: PreparedPrincipal): boolean;
  explainNot(principal: PreparedPrincipal): NotPrincipalMatchExplanation;
}

/** Compiles a Principal or NotPrincipal element. */
export function compilePrincipalBlock(block: PrincipalBlock): CompiledPrincipalBlock {
  const anyone = block.anyone || block.entries.some((e) => e.type === 'AWS' && e.value === '*');
  const byType: Record<PrincipalType, Set<string>> = {
    AWS: new Set(),
    Service: new Set(),
    Federated: new Set(),
    CanonicalUser: new Set(),
  };
  for (const e of block.entries) byType[e.type].add(e.type === 'Service' ? e.value.toLowerCase() : e.value);

  const names = (id: PrincipalIdentity): boolean => {
    if (anyone) return true;
    const set = byType[id.type];
    for (let i = 0; i < id.names.length; i++) if (set.has(id.names[i] as string)) return true;
    return false;
  };
  const entryNaming = (id: PrincipalIdentity): number => {
    if (anyone) {
      const star = block.entries.findIndex((e) => e.type === 'AWS' && e.value === '*');
      return star;
    }
    return block.entries.findIndex(
      (e) => e.type === id.type && id.names.includes(e.type === 'Service' ? e.value.toLowerCase() : e.value),
    );
  };

  const test = (p: PreparedPrincipal): boolean => {
    const chain = p.chain;
    for (let i = 0; i < chain.length; i++) if (names(chain[i] as PrincipalIdentity)) return true;
    return false;
  };
  const testNot = (p: PreparedPrincipal): boolean => {
    const chain = p.chain;
    if (chain.length === 0) return true;
    for (let i = 0; i < chain.length; i++) if (!names(chain[i] as PrincipalIdentity)) return true;
    return false;
  };
  return {
    block,
    anyone,
    test,
    testNot,
    explain: (p) => {
      // Report the most specific identity named (the session before its role before the account).
      for (let i = p.chain.length - 1; i >= 0; i--) {
        const identity = p.chain[i] as PrincipalIdentity;
        if (!names(identity)) continue;
        const entryIndex = entryNaming(identity);
        return { matched: true, anyone, entryIndex, entry: block.entries[entryIndex], identity };
      }
      return { matched: false, anyone, entryIndex: -1, entry: undefined, identity: undefined };
    },
    explainNot: (p) => {
      const namedBy = p.chain.map((identity) => ({
        identity,
        entryIndex: names(identity) ? entryNaming(identity) : -1,
      }));
      const unnamed = p.chain.find((identity) => !names(identity));
      return { matched: testNot(p), anyone, unnamed, namedBy };
    },
  };
}
