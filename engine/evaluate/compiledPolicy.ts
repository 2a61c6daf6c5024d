/**
 * A policy compiled for evaluation: parsed once (with spans and findings), each statement
 * turned into matchers that decide quickly without allocating, and explain themselves
 * element by element when a trace is asked for.
 */
import type { PrincipalFacts } from '../model/principal';
import type { RequestContext } from '../context/types';
import type { Effect, Policy, PolicyFinding, PolicyKind, Span } from '../policy/types';
import type { PolicyRef, TraceOutcome, TraceParams } from './types';
import type { ReasonCode } from './reasons';
import { compileStatement } from './compileStatement';
import { parsePolicy } from '../policy/parse';
import type { PolicySizeLimitName } from '../policy/sizeLimits';
import { arnSubject, type ArnSubject } from '../match/arn';
import { preparePrincipal, type PreparedPrincipal } from '../match/principal';

/**
 * How a statement's Principal named the caller, which decides what a resource-based Allow
 * is worth within one account (IAM User Guide, "Policy evaluation logic"):
 * - `direct`: the caller itself (its user, session or federated user ARN, its unique id, a service);
 * - `anyone`: `*`;
 * - `role`: the role of a role session (or the IAM user that issued a federated user session):
 *   the Allow counts like an identity-based one, still limited by boundaries and session policies;
 * - `account`: the caller's account: a delegation to the account's own IAM policies.
 */
export type PrincipalMatchKind = 'direct' | 'anyone' | 'role' | 'account';

/** What a statement is matched against: prepared once per request, shared by every statement. */
export interface MatchInput {
  /** The action as the request names it, e.g. `s3:GetObject`. */
  readonly action: string;
  readonly actionLower: string;
  readonly resource: string;
  readonly subject: ArnSubject;
  readonly context: RequestContext;
  readonly principal: PreparedPrincipal;
}

const prepared = new WeakMap<PrincipalFacts, PreparedPrincipal>();

export function prepareMatchInput(action: string, resource: string, context: RequestContext, facts: PrincipalFacts, actionLower = action.toLowerCase()): MatchInput {
  let principal = prepared.get(facts);
  if (!principal) prepared.set(facts, (principal = preparePrincipal(facts)));
  return { action, actionLower, resource, subject: arnSubject(resource), context, principal };
}

/** One element's verdict, for the trace. */
export interface ElementExplanation {
  readonly element: 'Principal' | 'NotPrincipal' | 'Action' | 'NotAction' | 'Resource' | 'NotResource' | 'Condition';
  readonly outcome: 'match' | 'noMatch';
  readonly reason: ReasonCode;
  readonly params: TraceParams;
  readonly span: Span | undefined;
}

export interface CompiledStatement {
  readonly index: number;
  readonly sid: string | undefined;
  /** `{ index, sid }` for trace events, made once. */
  readonly ref: { readonly index: number; readonly sid?: string };
  readonly effect: Effect;
  readonly span: Span;
  /** Whether the statement applies: `null` when not; else how the principal matched (`direct` for statements without a Principal). */
  match(input: MatchInput): PrincipalMatchKind | null;
  /** Every element's verdict, in policy order (for the trace). */
  explain(input: MatchInput): readonly ElementExplanation[];
}

export interface CompiledPolicy {
  readonly ref: PolicyRef;
  readonly kind: PolicyKind;
  /** The source text spans refer to. */
  readonly text: string;
  readonly policy: Policy | undefined;
  readonly findings: readonly PolicyFinding[];
  /** Faults that make AWS reject the policy; such a policy takes no part in decisions. */
  readonly errors: readonly string[];
  readonly statements: readonly CompiledStatement[];
}

/** Parses remembered by text within one world compile: identical documents (trust policies, copies) are parsed once. */
export type ParseCache = Map<string, ReturnType<typeof parsePolicy>>;

/**
 * `sizeLimit` overrides the quota checked for this one policy; `null` checks none (inline
 * policies, whose quota is their owner's total, checked by the world compiler).
 *
 * Statements are compiled on first use: a large world compiles fast, and a policy no
 * request reaches costs only its parse and validation.
 */
export function compilePolicy(document: unknown, kind: PolicyKind, ref: PolicyRef, sizeLimit?: PolicySizeLimitName | null, cache?: ParseCache): CompiledPolicy {
  const options = sizeLimit === undefined ? {} : { sizeLimit };
  let parsed: ReturnType<typeof parsePolicy>;
  if (cache) {
    const text = typeof document === 'string' ? document : safeStringify(document);
    const key = `${kind}|${String(sizeLimit)}|${text}`;
    parsed = cache.get(key) ?? parsePolicy(document, kind, options);
    cache.set(key, parsed);
  } else {
    parsed = parsePolicy(document, kind, options);
  }
  if (!parsed.ok) {
    const text = typeof document === 'string' ? document : safeStringify(document);
    return {
      ref, kind, text, policy: undefined, findings: parsed.findings,
      errors: parsed.findings.filter((f) => f.severity === 'error').map((f) => `${f.message} (at ${f.path})`),
      statements: [],
    };
  }
  const policy = parsed.policy;
  // AWS refuses a policy with an error finding (MalformedPolicyDocument, LimitExceeded): it takes no part in
  // decisions. AWS managed policies are AWS's own, accepted as they are.
  const errors = ref.kind === 'awsManaged' ? [] : parsed.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    return { ref, kind, text: policy.text, policy, findings: parsed.findings, errors: errors.map((f) => `${f.message} (at ${f.path})`), statements: [] };
  }
  return lazyPolicy({ ref, kind, text: policy.text, policy, findings: parsed.findings, errors: [] }, compiledStatementsOf(policy));
}

const statementCache = new WeakMap<Policy, () => readonly CompiledStatement[]>();

/** One lazily compiled statement list per parsed policy, shared by every policy object made from it. */
function compiledStatementsOf(policy: Policy): () => readonly CompiledStatement[] {
  let get = statementCache.get(policy);
  if (!get) {
    let list: readonly CompiledStatement[] | undefined;
    get = () => (list ??= policy.statements.map((s) => compileStatement(s, policy.version)));
    statementCache.set(policy, get);
  }
  return get;
}

/**
 * A policy whose `statements` are compiled when first read. A class with a prototype
 * getter keeps one object shape (fast property access in the evaluator). Copy it with
 * `withRef`, not with a spread: a spread does not carry a prototype getter.
 */
class LazyPolicy implements CompiledPolicy {
  readonly ref: PolicyRef;
  readonly kind: PolicyKind;
  readonly text: string;
  readonly policy: Policy | undefined;
  readonly findings: readonly PolicyFinding[];
  readonly errors: readonly string[];
  private readonly compile: () => readonly CompiledStatement[];
  private list: readonly CompiledStatement[] | undefined;

  constructor(fields: Omit<CompiledPolicy, 'statements'>, statements: () => readonly CompiledStatement[]) {
    this.ref = fields.ref;
    this.kind = fields.kind;
    this.text = fields.text;
    this.policy = fields.policy;
    this.findings = fields.findings;
    this.errors = fields.errors;
    this.compile = statements;
  }

  get statements(): readonly CompiledStatement[] {
    return (this.list ??= this.compile());
  }
}

function lazyPolicy(fields: Omit<CompiledPolicy, 'statements'>, statements: () => readonly CompiledStatement[]): CompiledPolicy {
  return new LazyPolicy(fields, statements);
}

/** The same policy under another name or role (a boundary, an SCP attachment, a session policy): statements stay lazy and shared. */
export function withRef(policy: CompiledPolicy, ref: PolicyRef): CompiledPolicy {
  if (!policy.policy || policy.errors.length > 0) {
    return { ref, kind: policy.kind, text: policy.text, policy: policy.policy, findings: policy.findings, errors: policy.errors, statements: policy.statements };
  }
  return lazyPolicy(
    { ref, kind: policy.kind, text: policy.text, policy: policy.policy, findings: policy.findings, errors: policy.errors },
    compiledStatementsOf(policy.policy),
  );
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? '';
  } catch {
    return '';
  }
}

export type { TraceOutcome };
