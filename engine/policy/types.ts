/**
 * The typed form of an IAM policy document, with the source span of every element so
 * that the UI can highlight exactly the text a decision depended on.
 */

/** A half-open range of UTF-16 offsets `[start, end)` into the policy's source text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A value with the span of the JSON value it came from. */
export interface Located<T> {
  readonly value: T;
  readonly span: Span;
}

/** The policy language versions AWS knows; anything else is a validation error. */
export type PolicyVersion = '2012-10-17' | '2008-10-17';

/** Where a policy is used: decides which elements are required or forbidden, and size limits. */
export type PolicyKind =
  | 'identity' // managed or inline policy of a user, group or role
  | 'resource' // resource-based policy (bucket policy, key policy, …)
  | 'trust' // a role's trust policy (a resource-based policy on the role)
  | 'scp'
  | 'rcp'
  | 'boundary' // permissions boundary (an identity policy used as a limit)
  | 'session'; // session policy passed to AssumeRole* / GetFederationToken

export type Effect = 'Allow' | 'Deny';

/** The principal types of the Principal element. */
export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';

/** One value of a Principal / NotPrincipal element, e.g. `{"AWS": "arn:…"}` → type AWS. */
export interface PrincipalEntry {
  readonly type: PrincipalType;
  readonly value: string;
  readonly span: Span;
}

/** A Principal or NotPrincipal element. `"Principal": "*"` has `anyone: true` and no entries. */
export interface PrincipalBlock {
  readonly anyone: boolean;
  readonly entries: readonly PrincipalEntry[];
  readonly span: Span;
}

/** Action, NotAction, Resource or NotResource: one or several strings. */
export interface StringListElement {
  readonly values: readonly Located<string>[];
  readonly span: Span;
}

/** The set operator prefix of a condition operator. */
export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

/**
 * One condition key test: `"StringEquals": {"aws:username": ["a", "b"]}` gives one
 * clause with operator `StringEquals`, key `aws:username`, two values. Several clauses of
 * a statement are ANDed; several values of one clause are ORed (for negated operators,
 * NORed), as AWS documents.
 */
export interface ConditionClause {
  /** The operator exactly as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operatorText: string;
  /** The base operator without qualifier and IfExists, e.g. `StringLike`. */
  readonly operator: string;
  readonly qualifier: SetQualifier | undefined;
  readonly ifExists: boolean;
  /** The key exactly as written; comparisons use it lower-cased. */
  readonly key: string;
  /** Values as strings: JSON numbers and booleans are kept in their source spelling. */
  readonly values: readonly Located<string>[];
  readonly operatorSpan: Span;
  readonly keySpan: Span;
  /** The span of the key and its value(s). */
  readonly span: Span;
}

export interface Statement {
  /** Position in the Statement array (0 when Statement is a single object). */
  readonly index: number;
  readonly sid: Located<string> | undefined;
  readonly effect: Located<Effect>;
  readonly principal: PrincipalBlock | undefined;
  readonly notPrincipal: PrincipalBlock | undefined;
  readonly action: StringListElement | undefined;
  readonly notAction: StringListElement | undefined;
  readonly resource: StringListElement | undefined;
  readonly notResource: StringListElement | undefined;
  readonly condition: readonly ConditionClause[];
  /** The span of the Condition element, when there is one. */
  readonly conditionSpan: Span | undefined;
  readonly span: Span;
}

export interface Policy {
  /** The source text every span refers to. */
  readonly text: string;
  /** The declared version; `undefined` when the Version element is absent (AWS then uses 2008-10-17). */
  readonly version: PolicyVersion | undefined;
  /** The span of the Version element's value when there is one (valid or not). */
  readonly versionSpan?: Span;
  readonly id: Located<string> | undefined;
  readonly statements: readonly Statement[];
  readonly span: Span;
  /**
   * Where `text` came from: `text` when the author wrote it (its whitespace is theirs), `value`
   * when it is the canonical text of an already-parsed JSON value (a scenario file). Size
   * quotas that count whitespace count the minified text of a `value`. Absent means `text`.
   */
  readonly source?: 'text' | 'value';
  /** Whether Statement was a single object or an array (for JSON paths). Absent means `array`. */
  readonly statementForm?: 'object' | 'array';
}

/** The four finding classes of AWS IAM Access Analyzer policy validation. */
export type FindingSeverity = 'error' | 'securityWarning' | 'warning' | 'suggestion';

/** A validation finding: a code the UI translates, its parameters, and where it is. */
export interface PolicyFinding {
  readonly severity: FindingSeverity;
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  /** Where in the policy text; for a fault that has no place (empty text), `{start: 0, end: 0}`. */
  readonly span: Span;
  /** A JSON path such as `$.Statement[1].Condition`, for messages outside the editor. */
  readonly path: string;
  /** An English sentence, for the command line and logs; the UI uses `code` + `params`. */
  readonly message: string;
}

/** Parsing either gives a policy (maybe with findings) or fails with at least one error. */
export type PolicyParseResult =
  | { readonly ok: true; readonly policy: Policy; readonly findings: readonly PolicyFinding[] }
  | { readonly ok: false; readonly findings: readonly PolicyFinding[] };
