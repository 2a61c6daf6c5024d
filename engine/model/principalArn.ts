/**
 * Reading the principal of a request as the scenario names it.
 */

export type PrincipalName =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'service'; readonly service: string }
  | { readonly kind: 'root'; readonly partition: string; readonly account: string }
  | { readonly kind: 'user'; readonly partition: string; readonly account: string; readonly path: string; readonly name: string }
  | { readonly kind: 'assumedRole'; readonly partition: string; readonly account: string; readonly roleName: string; readonly sessionName: string }
  | { readonly kind: 'federatedUser'; readonly partition: string; readonly account: string; readonly name: string }
  /** `$NAME`: a session an earlier STS call of the same file created. */
  | { readonly kind: 'sessionRef'; readonly name: string };

const PARTITION = '(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b)';

const patterns: readonly [RegExp, (m: RegExpExecArray) => PrincipalName][] = [
  [new RegExp(`^arn:${PARTITION}:iam::(\\d{12}):root$`), (m) => ({ kind: 'root', partition: m[1]!, account: m[2]! })],
  [
    new RegExp(`^arn:${PARTITION}:iam::(\\d{12}):user(/(?:[\\x21-\\x7e]*/)?)([\\w+=,.@-]{1,64})$`),
    (m) => ({ kind: 'user', partition: m[1]!, account: m[2]!, path: m[3]!, name: m[4]! }),
  ],
  [
    new RegExp(`^arn:${PARTITION}:sts::(\\d{12}):assumed-role/([\\w+=,.@-]{1,64})/([\\w+=,.@-]{2,64})$`),
    (m) => ({ kind: 'assumedRole', partition: m[1]!, account: m[2]!, roleName: m[3]!, sessionName: m[4]! }),
  ],
  [
    new RegExp(`^arn:${PARTITION}:sts::(\\d{12}):federated-user/([\\w+=,.@-]{2,32})$`),
    (m) => ({ kind: 'federatedUser', partition: m[1]!, account: m[2]!, name: m[3]! }),
  ],
];

/** Parses a request's `principal`; `undefined` when it is none of the forms the format allows. */
const parsed = new Map<string, PrincipalName | undefined>();

export function parsePrincipalName(text: string): PrincipalName | undefined {
  // Files name the same few principals over and over: each text is parsed once.
  if (parsed.has(text)) return parsed.get(text);
  const name = parseName(text);
  if (parsed.size < 10_000) parsed.set(text, name);
  return name;
}

function parseName(text: string): PrincipalName | undefined {
  if (text === 'anonymous') return { kind: 'anonymous' };
  if (text.startsWith('$') && /^\$[A-Za-z0-9_.-]+$/.test(text)) return { kind: 'sessionRef', name: text.slice(1) };
  if (/^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/.test(text)) return { kind: 'service', service: text };
  for (const [pattern, build] of patterns) {
    const match = pattern.exec(text);
    if (match) return build(match);
  }
  return undefined;
}

export const PRINCIPAL_FORMS =
  'an IAM user ARN (arn:aws:iam::ACCOUNT:user/NAME), a root user ARN (arn:aws:iam::ACCOUNT:root), a role session ' +
  '(arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION), a federated user (arn:aws:sts::ACCOUNT:federated-user/NAME), ' +
  'a service principal (e.g. cloudtrail.amazonaws.com), `anonymous`, or `$NAME` for a session an earlier request created';
