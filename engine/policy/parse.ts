/**
 * Parses an IAM policy document into the typed `Policy` of ./types.ts, following AWS's
 * grammar (IAM User Guide, "Grammar of the IAM JSON policy language" and "IAM JSON policy
 * element reference"), then validates it for its kind (./validate.ts).
 *
 * Parsing is total: any input gives a policy with findings, or `ok: false` with at least
 * one error when the policy cannot be evaluated at all (not JSON, not an object, no
 * Statement, a statement that is not an object, a missing or invalid Effect).
 */
import { makeFinding } from './findingCodes';
import type { FindingParams, PolicyFindingCode } from './findingCodes';
import { parseJson } from './json';
import type { JsonMember, JsonNode, JsonObjectNode } from './json';
import { childPath, formatJsonPath } from './jsonPath';
import {
  buildCondition,
  buildPrincipal,
  buildStringList,
  describeJsonType,
  uniqueMembers,
  type FindingSink,
} from './parseElements';
import type { PolicySizeLimitName } from './sizeLimits';
import type {
  ConditionClause,
  Effect,
  Located,
  Policy,
  PolicyFinding,
  PolicyKind,
  PolicyParseResult,
  PolicyVersion,
  PrincipalBlock,
  Span,
  Statement,
  StringListElement,
} from './types';
import { validatePolicy } from './validate';

export interface ParsePolicyOptions {
  /** The deepest JSON nesting accepted (default 256; a real policy needs 6). */
  readonly maxDepth?: number;
  /** Which size quota to check; see `validatePolicy`. */
  readonly sizeLimit?: PolicySizeLimitName | null;
}

const POLICY_ELEMENTS = ['Version', 'Id', 'Statement'] as const;
const STATEMENT_ELEMENTS = [
  'Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition',
] as const;
const VERSIONS: readonly PolicyVersion[] = ['2012-10-17', '2008-10-17'];

/**
 * The text a policy given as a JSON value is shown and parsed as: `JSON.stringify(value,
 * null, 2)`. `undefined` when the value has no JSON text (a function, `undefined`, a cycle,
 * a BigInt, …).
 */
export function canonicalPolicyText(value: unknown): string | undefined {
  try {
    const text: unknown = JSON.stringify(value, null, 2);
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Parses and validates a policy. A string is parsed as written (spans refer to it); any
 * other value is first written as its canonical text (`canonicalPolicyText`) and spans
 * refer to that text. Never throws.
 */
export function parsePolicy(source: unknown, kind: PolicyKind, options: ParsePolicyOptions = {}): PolicyParseResult {
  const origin: 'text' | 'value' = typeof source === 'string' ? 'text' : 'value';
  const text = typeof source === 'string' ? source : canonicalPolicyText(source);
  const noPlace: Span = { start: 0, end: 0 };
  if (text === undefined) {
    const reason =
      source === undefined ? 'it is undefined'
      : typeof source === 'object' ? 'it is cyclic, holds a BigInt or cannot be read'
      : `it is a ${typeof source}`;
    return { ok: false, findings: [makeFinding('policyNotSerializable', { reason }, noPlace, '$')] };
  }
  const json = parseJson(text, { maxDepth: options.maxDepth });
  const builder = new PolicyBuilder(text);
  for (const w of json.warnings) {
    if (w.kind === 'duplicateKey') {
      builder.report('duplicateKey', { key: w.key }, w.span, childPath(formatJsonPath(w.path), w.key));
    }
  }
  if (!json.ok) {
    const e = json.error;
    const span = { start: e.offset, end: Math.min(e.offset + 1, text.length) };
    if (e.code === 'tooDeep') builder.report('jsonTooDeep', { maxDepth: options.maxDepth ?? 256 }, span, '$');
    else builder.report('jsonSyntaxError', { detail: e.detail, line: e.line, column: e.column }, span, '$');
    return { ok: false, findings: sortFindings(builder.findings) };
  }
  const policy = builder.build(json.value, origin);
  if (policy === undefined) return { ok: false, findings: sortFindings(builder.findings) };
  const findings = builder.findings.concat(validatePolicy(policy, kind, { sizeLimit: options.sizeLimit }));
  return { ok: true, policy, findings: sortFindings(findings) };
}

/** In text order; a stable sort keeps the order of findings at the same place. */
function sortFindings(findings: PolicyFinding[]): PolicyFinding[] {
  return findings.sort((a, b) => a.span.start - b.span.start);
}

class PolicyBuilder implements FindingSink {
  readonly findings: PolicyFinding[] = [];
  /** Set when the policy cannot be evaluated; building goes on to report every fault. */
  private fatal = false;

  constructor(private readonly text: string) {}

  report(code: PolicyFindingCode, params: FindingParams, span: Span, path: string): void {
    this.findings.push(makeFinding(code, params, span, path));
  }

  private fail(code: PolicyFindingCode, params: FindingParams, span: Span, path: string): void {
    this.fatal = true;
    this.report(code, params, span, path);
  }

  build(root: JsonNode, source: 'text' | 'value'): Policy | undefined {
    if (root.kind !== 'object') {
      this.fail('policyNotObject', { actual: describeJsonType(root) }, root.span, '$');
      return undefined;
    }
    let version: PolicyVersion | undefined;
    let versionSpan: Span | undefined;
    let id: Located<string> | undefined;
    let statementNode: JsonNode | undefined;
    for (const m of uniqueMembers(root)) {
      const path = childPath('$', m.key);
      switch (m.key) {
        case 'Version': {
          const v = m.value;
          versionSpan = v.span;
          const found = v.kind === 'string' ? VERSIONS.find((x) => x === v.value) : undefined;
          if (found !== undefined) version = found;
          else this.report('invalidVersion', { value: this.sourceOf(v) }, v.span, path);
          break;
        }
        case 'Id':
          if (m.value.kind === 'string') id = { value: m.value.value, span: m.value.span };
          else this.report('invalidElementType', { element: 'Id', expected: 'a string', actual: describeJsonType(m.value) }, m.value.span, path);
          break;
        case 'Statement':
          statementNode = m.value;
          break;
        default:
          this.unknownElement(m, POLICY_ELEMENTS, path);
      }
    }
    const statements: Statement[] = [];
    let statementForm: 'object' | 'array' = 'array';
    if (statementNode === undefined) {
      this.fail('missingStatement', {}, { start: root.span.start, end: root.span.start + 1 }, '$');
    } else if (statementNode.kind === 'object') {
      statementForm = 'object';
      this.statement(statementNode, 0, '$.Statement', statements);
    } else if (statementNode.kind === 'array') {
      if (statementNode.items.length === 0) this.report('missingStatement', {}, statementNode.span, '$.Statement');
      statementNode.items.forEach((item, i) => {
        const path = `$.Statement[${i}]`;
        if (item.kind === 'object') this.statement(item, i, path, statements);
        else this.fail('statementNotObject', { actual: describeJsonType(item) }, item.span, path);
      });
    } else {
      this.fail(
        'invalidElementType',
        { element: 'Statement', expected: 'an object or an array of objects', actual: describeJsonType(statementNode) },
        statementNode.span,
        '$.Statement',
      );
    }
    if (this.fatal) return undefined;
    return { text: this.text, version, versionSpan, id, statements, span: root.span, source, statementForm };
  }

  private statement(node: JsonObjectNode, index: number, path: string, out: Statement[]): void {
    let sid: Located<string> | undefined;
    let effect: Located<Effect> | undefined;
    let effectReported = false;
    let principal: PrincipalBlock | undefined;
    let notPrincipal: PrincipalBlock | undefined;
    const lists: Partial<Record<'Action' | 'NotAction' | 'Resource' | 'NotResource', StringListElement>> = {};
    let condition: ConditionClause[] = [];
    let conditionSpan: Span | undefined;
    for (const m of uniqueMembers(node)) {
      const p = childPath(path, m.key);
      const v = m.value;
      switch (m.key) {
        case 'Sid':
          if (v.kind === 'string') sid = { value: v.value, span: v.span };
          else this.report('invalidElementType', { element: 'Sid', expected: 'a string', actual: describeJsonType(v) }, v.span, p);
          break;
        case 'Effect':
          // The Effect value is case-sensitive (IAM User Guide, "IAM JSON policy elements: Effect").
          if (v.kind === 'string' && (v.value === 'Allow' || v.value === 'Deny')) effect = { value: v.value, span: v.span };
          else {
            this.fail('invalidEffect', { value: this.sourceOf(v) }, v.span, p);
            effectReported = true;
          }
          break;
        case 'Principal':
          principal = buildPrincipal(v, 'Principal', p, this);
          break;
        case 'NotPrincipal':
          notPrincipal = buildPrincipal(v, 'NotPrincipal', p, this);
          break;
        case 'Action':
        case 'NotAction':
        case 'Resource':
        case 'NotResource':
          lists[m.key] = buildStringList(v, m.key, p, this);
          break;
        case 'Condition':
          condition = buildCondition(v, p, this);
          conditionSpan = v.span;
          break;
        default:
          this.unknownElement(m, STATEMENT_ELEMENTS, p);
      }
    }
    if (effect === undefined) {
      if (!effectReported) this.fail('missingEffect', {}, { start: node.span.start, end: node.span.start + 1 }, path);
      return;
    }
    out.push({
      index,
      sid,
      effect,
      principal,
      notPrincipal,
      action: lists.Action,
      notAction: lists.NotAction,
      resource: lists.Resource,
      notResource: lists.NotResource,
      condition,
      conditionSpan,
      span: node.span,
    });
  }

  /** Element names are case-sensitive literals of the grammar; a near miss gets a hint. */
  private unknownElement(m: JsonMember, known: readonly string[], path: string): void {
    const lower = m.key.toLowerCase();
    const suggestion = known.find((k) => k.toLowerCase() === lower);
    if (suggestion !== undefined) this.report('unknownElementCase', { element: m.key, suggestion }, m.keySpan, path);
    else this.report('unknownElement', { element: m.key }, m.keySpan, path);
  }

  /** A value as written, for messages (long values cut). */
  private sourceOf(node: JsonNode): string {
    const raw = node.kind === 'string' ? node.value : this.text.slice(node.span.start, node.span.end);
    return raw.length > 80 ? `${raw.slice(0, 77)}...` : raw;
  }
}
