/**
 * A statement compiled into matchers. Element semantics (IAM JSON policy elements
 * reference): a statement applies when its Principal/NotPrincipal, Action/NotAction,
 * Resource/NotResource and every Condition clause match. NotAction and NotResource match
 * what they do not list; NotPrincipal matches every caller it does not fully name.
 */
import { compileConditionBlock, type CompiledConditionBlock } from '../conditions';
import { compileActionList, type CompiledActionList } from '../match/action';
import { compilePrincipalBlock, type CompiledPrincipalBlock, type PreparedPrincipal, type PrincipalIdentity } from '../match/principal';
import { compileResourceList, type CompiledResourceList } from '../match/resource';
import type { PolicyVersion, Span, Statement } from '../policy/types';
import type { CompiledStatement, ElementExplanation, MatchInput, PrincipalMatchKind } from './compiledPolicy';
import type { TraceParams } from './types';

const DIRECT_KINDS = new Set<PrincipalIdentity['kind']>(['user', 'session', 'federatedUser', 'service', 'provider']);

/** The caller's identities one by one (each as a one-identity chain), made once per prepared caller. */
interface SingleIdentities {
  readonly issuer: PreparedPrincipal | undefined;
  readonly each: readonly { readonly identity: PrincipalIdentity; readonly alone: PreparedPrincipal }[];
}
const singleIdentities = new WeakMap<PreparedPrincipal, SingleIdentities>();

function singlesOf(principal: PreparedPrincipal): SingleIdentities {
  let singles = singleIdentities.get(principal);
  if (!singles) {
    const issuer = principal.facts.issuerArn;
    singles = {
      issuer: issuer ? { facts: principal.facts, chain: [{ kind: 'user', type: 'AWS', names: [issuer], display: issuer }] } : undefined,
      each: principal.chain.map((identity) => ({ identity, alone: { facts: principal.facts, chain: [identity] } })),
    };
    singleIdentities.set(principal, singles);
  }
  return singles;
}

/** The strongest way a Principal element names the caller (see PrincipalMatchKind). */
function principalKind(block: CompiledPrincipalBlock, principal: PreparedPrincipal): PrincipalMatchKind | null {
  if (block.anyone) return 'anyone';
  // Most statements do not name the caller at all: one test says so (the issuer of a federated user is not in the chain).
  if (!principal.facts.issuerArn && !block.test(principal)) return null;
  const singles = singlesOf(principal);
  let best: PrincipalMatchKind | null = null;
  // A grant to the IAM user that issued a federated user session adds to that user's permissions before the
  // session is created: the session policy still limits it (IAM User Guide, "Session policies").
  if (singles.issuer && block.test(singles.issuer)) best = 'role';
  for (const { identity, alone } of singles.each) {
    if (!block.test(alone)) continue;
    if (DIRECT_KINDS.has(identity.kind)) return 'direct';
    if (identity.kind === 'role') best = 'role';
    else if (identity.kind === 'account' && best === null) best = 'account';
  }
  return best;
}

/**
 * Whether a NotPrincipal statement applies to the caller. Both readings err towards deny,
 * as AWS's NotPrincipal page advises against relying on it:
 * - Deny: "will always deny any IAM principal that has a permissions boundary policy
 *   attached" (Permissions boundaries page); otherwise the caller escapes only when every
 *   identity of its chain (account, user / role, session) is listed.
 * - Allow: "allows all principals except the one named": a caller any identity of which is
 *   listed is excluded.
 */
function notPrincipalApplies(block: CompiledPrincipalBlock, isDeny: boolean, principal: PreparedPrincipal): boolean {
  if (isDeny) return principal.facts.hasPermissionsBoundary === true || block.testNot(principal);
  return !block.test(principal);
}

/** Trace parameters: `base` plus each (key, value) pair whose value is defined (no object spreads on this path). */
function traceParams(base: Record<string, string | number | boolean>, ...pairs: (string | number | boolean | undefined)[]): TraceParams {
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const value = pairs[i + 1];
    if (value !== undefined && value !== '') base[pairs[i] as string] = value;
  }
  return base;
}

function accountOf(arn: string): string | undefined {
  return arn.split(':')[4];
}

/**
 * A compiled statement. A class rather than closures: every statement shares one `match`
 * method, so the evaluator's call site stays monomorphic.
 */
class CompiledStatementImpl implements CompiledStatement {
  readonly index: number;
  readonly sid: string | undefined;
  readonly ref: { readonly index: number; readonly sid?: string };
  readonly effect: 'Allow' | 'Deny';
  readonly span: Span;
  private readonly principal: CompiledPrincipalBlock | undefined;
  private readonly notPrincipal: CompiledPrincipalBlock | undefined;
  private readonly action: CompiledActionList | undefined;
  private readonly notAction: CompiledActionList | undefined;
  private readonly resource: CompiledResourceList | undefined;
  private readonly notResource: CompiledResourceList | undefined;
  private readonly conditions: CompiledConditionBlock;
  private readonly hasConditions: boolean;
  /** A statement without Resource/NotResource (a trust policy) applies to the resource it is attached to. */
  private readonly noResourceElement: boolean;
  private readonly isDeny: boolean;

  constructor(
    private readonly statement: Statement,
    version: PolicyVersion | undefined,
  ) {
    this.index = statement.index;
    this.sid = statement.sid?.value;
    this.ref = statement.sid ? { index: statement.index, sid: statement.sid.value } : { index: statement.index };
    this.effect = statement.effect.value;
    this.span = statement.span;
    this.principal = statement.principal ? compilePrincipalBlock(statement.principal) : undefined;
    this.notPrincipal = statement.notPrincipal ? compilePrincipalBlock(statement.notPrincipal) : undefined;
    this.action = statement.action ? compileActionList(statement.action.values) : undefined;
    this.notAction = statement.notAction ? compileActionList(statement.notAction.values) : undefined;
    this.resource = statement.resource ? compileResourceList(statement.resource.values, version) : undefined;
    this.notResource = statement.notResource ? compileResourceList(statement.notResource.values, version) : undefined;
    this.conditions = compileConditionBlock(statement.condition, version);
    this.hasConditions = statement.condition.length > 0;
    this.noResourceElement = !this.resource && !this.notResource;
    this.isDeny = this.effect === 'Deny';
  }

  private matchPrincipal(input: MatchInput): PrincipalMatchKind | null {
    if (this.principal) return principalKind(this.principal, input.principal);
    if (this.notPrincipal) return notPrincipalApplies(this.notPrincipal, this.isDeny, input.principal) ? 'anyone' : null;
    return 'direct';
  }

  match(input: MatchInput): PrincipalMatchKind | null {
    const action = this.action;
    if (action !== undefined) {
      if (!action.testLower(input.actionLower)) return null;
    } else if (this.notAction !== undefined && this.notAction.testLower(input.actionLower)) {
      return null;
    }
    if (!this.noResourceElement) {
      const resource = this.resource;
      if (resource !== undefined ? !resource.test(input.subject, input.context) : this.notResource!.test(input.subject, input.context)) return null;
    }
    const kind = this.matchPrincipal(input);
    if (kind === null) return null;
    if (this.hasConditions && !this.conditions.test(input.context)) return null;
    return kind;
  }

  explain(input: MatchInput): readonly ElementExplanation[] {
    const { principal, notPrincipal, action, notAction, resource, notResource, conditions, hasConditions, isDeny, statement } = this;
    const out: ElementExplanation[] = [];
    if (principal) {
      const e = principal.explain(input.principal);
      out.push({
        element: 'Principal', outcome: e.matched ? 'match' : 'noMatch', reason: e.matched ? 'principalMatched' : 'principalNotMatched',
        params: traceParams({ caller: input.principal.facts.callerArn }, 'entry', e.entry?.value, 'named', e.identity?.kind),
        span: e.entry?.span ?? statement.principal!.span,
      });
    } else if (notPrincipal) {
      const e = notPrincipal.explainNot(input.principal);
      const applies = notPrincipalApplies(notPrincipal, isDeny, input.principal);
      out.push({
        element: 'NotPrincipal', outcome: applies ? 'match' : 'noMatch', reason: applies ? 'notPrincipalMatched' : 'notPrincipalExcludes',
        params: traceParams(
          { caller: input.principal.facts.callerArn },
          'permissionsBoundary', isDeny && input.principal.facts.hasPermissionsBoundary ? true : undefined,
          'unnamed', applies ? e.unnamed?.display : undefined,
        ),
        span: statement.notPrincipal!.span,
      });
    }
    // A statement whose action does not match is no near miss: its other elements are not explained.
    const actionMatches = action ? action.testLower(input.actionLower) : notAction ? !notAction.testLower(input.actionLower) : true;
    if (action) {
      const e = action.explain(input.action);
      const located = e.index >= 0 ? statement.action!.values[e.index] : undefined;
      out.push({
        element: 'Action', outcome: e.matched ? 'match' : 'noMatch', reason: e.matched ? 'actionMatched' : 'actionNotMatched',
        params: traceParams({ action: input.action }, 'value', e.value), span: located?.span ?? statement.action!.span,
      });
    } else if (notAction) {
      const e = notAction.explain(input.action);
      const located = e.index >= 0 ? statement.notAction!.values[e.index] : undefined;
      out.push({
        element: 'NotAction', outcome: e.matched ? 'noMatch' : 'match', reason: e.matched ? 'notActionExcludes' : 'notActionMatched',
        params: traceParams({ action: input.action }, 'value', e.value), span: located?.span ?? statement.notAction!.span,
      });
    }
    if (!actionMatches) return out;
    if (resource) {
      const e = resource.explain(input.subject, input.context);
      const located = e.index >= 0 ? statement.resource!.values[e.index] : undefined;
      const reason = e.matched ? 'resourceMatched'
        : e.unresolved.length > 0 && e.unresolved.length === statement.resource!.values.length ? 'conditionVariableUnresolved'
          : statement.resource!.values.some((v) => v.value !== '*' && accountOf(v.value) !== undefined && accountOf(v.value) !== '' && !v.value.includes('*') && accountOf(v.value) !== accountOf(input.resource))
            ? 'resourceAccountDiffers' : 'resourceNotMatched';
      out.push({
        element: 'Resource', outcome: e.matched ? 'match' : 'noMatch', reason,
        params: traceParams({ resource: input.resource }, 'value', e.value, 'resolved', e.resolved !== e.value ? e.resolved : undefined),
        span: located?.span ?? statement.resource!.span,
      });
    } else if (notResource) {
      const e = notResource.explain(input.subject, input.context);
      const located = e.index >= 0 ? statement.notResource!.values[e.index] : undefined;
      out.push({
        element: 'NotResource', outcome: e.matched ? 'noMatch' : 'match', reason: e.matched ? 'notResourceExcludes' : 'notResourceMatched',
        params: traceParams({ resource: input.resource }, 'value', e.value), span: located?.span ?? statement.notResource!.span,
      });
    }
    if (hasConditions) {
      for (const c of conditions.explain(input.context).clauses) {
        out.push({
          element: 'Condition', outcome: c.result ? 'match' : 'noMatch', reason: c.reason,
          params: traceParams(
            { operator: c.operator, key: c.key },
            'actual', c.contextValues?.join(', '),
            'value', c.matched ? (c.matched.resolved ?? c.matched.value) : undefined,
            'failed', c.failedContextValue,
          ),
          span: c.span,
        });
      }
    }
    return out;
  }
}

export function compileStatement(statement: Statement, version: PolicyVersion | undefined): CompiledStatement {
  return new CompiledStatementImpl(statement, version);
}
