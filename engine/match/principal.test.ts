import { describe, expect, it } from 'vitest';
import type { PrincipalBlock, PrincipalEntry, PrincipalType } from '../policy/types';
import type { PrincipalFacts } from '../model/principal';
import { compilePrincipalBlock, preparePrincipal } from './principal';

const S = { start: 0, end: 0 };
const block = (entries: [PrincipalType, string][], anyone = false): PrincipalBlock => ({
  anyone,
  entries: entries.map(([type, value]): PrincipalEntry => ({ type, value, span: S })),
  span: S,
});

const A = '111122223333';
const B = '444455556666';
const callers: Record<string, PrincipalFacts> = {
  root: { kind: 'root', principalArn: `arn:aws:iam::${A}:root`, callerArn: `arn:aws:iam::${A}:root`, accountId: A },
  bob: {
    kind: 'user',
    principalArn: `arn:aws:iam::${A}:user/division/Bob`,
    callerArn: `arn:aws:iam::${A}:user/division/Bob`,
    accountId: A,
    uniqueId: 'AIDABOBEXAMPLE',
  },
  alice: {
    kind: 'user',
    principalArn: `arn:aws:iam::${A}:user/Alice`,
    callerArn: `arn:aws:iam::${A}:user/Alice`,
    accountId: A,
    uniqueId: 'AIDAALICEEXAMPLE',
  },
  session: {
    kind: 'assumedRole',
    principalArn: `arn:aws:iam::${A}:role/app/Reader`,
    callerArn: `arn:aws:sts::${A}:assumed-role/Reader/audit`,
    accountId: A,
    roleArn: `arn:aws:iam::${A}:role/app/Reader`,
    uniqueId: 'AROAREADEREXAMPLE:audit',
  },
  otherSession: {
    kind: 'assumedRole',
    principalArn: `arn:aws:iam::${A}:role/app/Reader`,
    callerArn: `arn:aws:sts::${A}:assumed-role/Reader/other`,
    accountId: A,
    roleArn: `arn:aws:iam::${A}:role/app/Reader`,
    uniqueId: 'AROAREADEREXAMPLE:other',
  },
  fed: {
    kind: 'federatedUser',
    principalArn: `arn:aws:sts::${A}:federated-user/carol`,
    callerArn: `arn:aws:sts::${A}:federated-user/carol`,
    accountId: A,
  },
  foreign: {
    kind: 'user',
    principalArn: `arn:aws:iam::${B}:user/Bob`,
    callerArn: `arn:aws:iam::${B}:user/Bob`,
    accountId: B,
  },
  lambda: {
    kind: 'service',
    principalArn: 'lambda.amazonaws.com',
    callerArn: 'lambda.amazonaws.com',
    accountId: undefined,
    serviceName: 'lambda.amazonaws.com',
  },
  anonymous: { kind: 'anonymous', principalArn: '*', callerArn: '*', accountId: undefined },
  webIdentity: {
    kind: 'anonymous',
    principalArn: '*',
    callerArn: '*',
    accountId: undefined,
    federatedProvider: 'cognito-identity.amazonaws.com',
  },
};

type Case = [rule: string, principal: PrincipalBlock, caller: keyof typeof callers, expected: boolean];

// "AWS JSON policy elements: Principal"
const principalCases: Case[] = [
  ['"*" matches everyone', block([], true), 'bob', true],
  ['"*" matches anonymous users', block([], true), 'anonymous', true],
  ['{"AWS": "*"} matches anonymous users', block([['AWS', '*']]), 'anonymous', true],
  ['{"AWS": "*"} matches service principals', block([['AWS', '*']]), 'lambda', true],
  ['an account id matches the root user', block([['AWS', A]]), 'root', true],
  ['an account id matches the users of the account', block([['AWS', A]]), 'bob', true],
  ['an account id matches role sessions of the account', block([['AWS', A]]), 'session', true],
  ['an account id matches federated users of the account', block([['AWS', A]]), 'fed', true],
  ['an account root ARN means the whole account', block([['AWS', `arn:aws:iam::${A}:root`]]), 'alice', true],
  ['an account does not match other accounts', block([['AWS', A]]), 'foreign', false],
  ['an account does not match anonymous users', block([['AWS', A]]), 'anonymous', false],
  ['an account does not match service principals', block([['AWS', A]]), 'lambda', false],
  ['a user ARN (with its path) matches the user', block([['AWS', `arn:aws:iam::${A}:user/division/Bob`]]), 'bob', true],
  ['a user ARN does not match another user', block([['AWS', `arn:aws:iam::${A}:user/division/Bob`]]), 'alice', false],
  ['a user ARN does not match the account root', block([['AWS', `arn:aws:iam::${A}:user/division/Bob`]]), 'root', false],
  ['a user unique id (AIDA…) matches the user', block([['AWS', 'AIDABOBEXAMPLE']]), 'bob', true],
  ['a role ARN matches every session of the role', block([['AWS', `arn:aws:iam::${A}:role/app/Reader`]]), 'otherSession', true],
  ['a role unique id (AROA…) matches its sessions', block([['AWS', 'AROAREADEREXAMPLE']]), 'session', true],
  ['a session ARN matches that session', block([['AWS', `arn:aws:sts::${A}:assumed-role/Reader/audit`]]), 'session', true],
  ['a session ARN does not match another session', block([['AWS', `arn:aws:sts::${A}:assumed-role/Reader/audit`]]), 'otherSession', false],
  ['a federated-user ARN matches that federated user', block([['AWS', `arn:aws:sts::${A}:federated-user/carol`]]), 'fed', true],
  ['Service matches the service principal', block([['Service', 'lambda.amazonaws.com']]), 'lambda', true],
  ['Service names are not case-sensitive', block([['Service', 'Lambda.AmazonAWS.com']]), 'lambda', true],
  ['Service does not match IAM users', block([['Service', 'lambda.amazonaws.com']]), 'bob', false],
  ['an AWS entry naming the service does not match it', block([['AWS', 'lambda.amazonaws.com']]), 'lambda', false],
  ['Federated matches the web identity provider', block([['Federated', 'cognito-identity.amazonaws.com']]), 'webIdentity', true],
  ['Federated does not match other callers', block([['Federated', 'cognito-identity.amazonaws.com']]), 'bob', false],
  ['wildcards inside a principal ARN are not supported', block([['AWS', `arn:aws:iam::${A}:role/*`]]), 'session', false],
  ['wildcards inside a user ARN are not supported', block([['AWS', `arn:aws:iam::${A}:user/*`]]), 'alice', false],
  ['a wildcard account is not supported', block([['AWS', 'arn:aws:iam::*:root']]), 'root', false],
  ['CanonicalUser does not name IAM principals', block([['CanonicalUser', '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be']]), 'bob', false],
];

// "AWS JSON policy elements: NotPrincipal": with Deny, name the account too; AWS "might
// validate the account first, then the role, and then the assumed-role user".
const notPrincipalCases: Case[] = [
  ['NotPrincipal with the user and its account excludes the user', block([['AWS', `arn:aws:iam::${A}:user/division/Bob`], ['AWS', `arn:aws:iam::${A}:root`]]), 'bob', false],
  ['… and applies to other users of that account', block([['AWS', `arn:aws:iam::${A}:user/division/Bob`], ['AWS', `arn:aws:iam::${A}:root`]]), 'alice', true],
  ['… and applies to other accounts', block([['AWS', `arn:aws:iam::${A}:user/division/Bob`], ['AWS', `arn:aws:iam::${A}:root`]]), 'foreign', true],
  ['NotPrincipal with only the user ARN applies to the user (the account is not excluded)', block([['AWS', `arn:aws:iam::${A}:user/division/Bob`]]), 'bob', true],
  ['NotPrincipal with session, role and account excludes the session', block([['AWS', `arn:aws:sts::${A}:assumed-role/Reader/audit`], ['AWS', `arn:aws:iam::${A}:role/app/Reader`], ['AWS', `arn:aws:iam::${A}:root`]]), 'session', false],
  ['… but not the role’s other sessions', block([['AWS', `arn:aws:sts::${A}:assumed-role/Reader/audit`], ['AWS', `arn:aws:iam::${A}:role/app/Reader`], ['AWS', `arn:aws:iam::${A}:root`]]), 'otherSession', true],
  ['NotPrincipal without the role ARN applies to the session', block([['AWS', `arn:aws:sts::${A}:assumed-role/Reader/audit`], ['AWS', `arn:aws:iam::${A}:root`]]), 'session', true],
  ['NotPrincipal naming the account excludes the root user', block([['AWS', A]]), 'root', false],
  ['NotPrincipal applies to anonymous users', block([['AWS', `arn:aws:iam::${A}:root`]]), 'anonymous', true],
  ['NotPrincipal {"AWS": "*"} excludes everyone', block([['AWS', '*']]), 'anonymous', false],
  ['NotPrincipal Service excludes that service', block([['Service', 'lambda.amazonaws.com']]), 'lambda', false],
];

describe('Principal matching', () => {
  it.each(principalCases)('%s', (_rule, principal, caller, expected) => {
    const compiled = compilePrincipalBlock(principal);
    const p = preparePrincipal(callers[caller] as PrincipalFacts);
    expect(compiled.test(p)).toBe(expected);
    expect(compiled.explain(p).matched).toBe(expected);
  });

  it('explains which entry matched and which identity it named', () => {
    const principal = block([
      ['Service', 'ec2.amazonaws.com'],
      ['AWS', `arn:aws:iam::${A}:role/app/Reader`],
      ['AWS', A],
    ]);
    const e = compilePrincipalBlock(principal).explain(preparePrincipal(callers.session as PrincipalFacts));
    // The most specific identity named is reported: the role, not the account.
    expect(e).toMatchObject({ matched: true, entryIndex: 1, identity: { kind: 'role' } });
    const account = compilePrincipalBlock(block([['AWS', A]])).explain(preparePrincipal(callers.session as PrincipalFacts));
    expect(account).toMatchObject({ matched: true, entryIndex: 0, identity: { kind: 'account' } });
    const role = compilePrincipalBlock(block([['AWS', `arn:aws:iam::${A}:role/app/Reader`]])).explain(
      preparePrincipal(callers.session as PrincipalFacts),
    );
    expect(role).toMatchObject({ matched: true, entryIndex: 0, identity: { kind: 'role' } });
  });
});

describe('NotPrincipal matching', () => {
  it.each(notPrincipalCases)('%s', (_rule, principal, caller, expected) => {
    const compiled = compilePrincipalBlock(principal);
    const p = preparePrincipal(callers[caller] as PrincipalFacts);
    expect(compiled.testNot(p)).toBe(expected);
    expect(compiled.explainNot(p).matched).toBe(expected);
  });

  it('explains which identity of the chain was not named', () => {
    const e = compilePrincipalBlock(
      block([['AWS', `arn:aws:sts::${A}:assumed-role/Reader/audit`], ['AWS', `arn:aws:iam::${A}:root`]]),
    ).explainNot(preparePrincipal(callers.session as PrincipalFacts));
    expect(e.matched).toBe(true);
    expect(e.unnamed?.kind).toBe('role');
    expect(e.namedBy.map((n) => [n.identity.kind, n.entryIndex])).toEqual([
      ['account', 1],
      ['role', -1],
      ['session', 0],
    ]);
  });
});
