/**
 * Validation of a policy as the learner types it in the editor: the findings of the
 * parser, the grammar and Access Analyzer-class checks, the size quota, and the IAM
 * service data (unknown actions, condition keys), each with its span for a marker and,
 * where Access Analyzer suggests one, a quick fix.
 *
 * A quick fix is a list of text edits on the very text that was validated; applying one
 * gives text that parses, without the finding it fixes (a unit test holds every fix to it).
 */
import { fetchServiceCatalogue, type ServiceCatalogue } from '../data/serviceData';
import { parseConditionOperator } from './conditionOperators';
import { parsePolicy } from './parse';
import { loadServicesFor, serviceFindings } from './serviceFindings';
import type { PolicySizeLimitName } from './sizeLimits';
import type { ConditionClause, Policy, PolicyFinding, PolicyKind, PrincipalType, Span } from './types';

/** Replace `[start, end)` of the validated text with `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** What a quick fix does, for the UI to say in the learner's language (with `params`). */
export const QUICK_FIX_CODES = {
  replaceWith: 'Change to `{text}`',
  removeValue: 'Remove `{value}`',
  removeElement: 'Remove the {element} element',
  addVersion: 'Add "Version": "2012-10-17"',
} as const;

export type QuickFixCode = keyof typeof QUICK_FIX_CODES;

export interface QuickFix {
  readonly code: QuickFixCode;
  readonly params: Readonly<Record<string, string>>;
  /** The English title (command line, logs); the UI translates `code`. */
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface EditorFinding extends PolicyFinding {
  /** Text edits that fix the finding, when there is an obvious fix (a misspelt element, a did-you-mean). */
  readonly fixes?: readonly QuickFix[];
}

export interface ValidateTextOptions {
  /** The URL of the site's `data/` folder (IAM service data per service); without it, service checks are skipped. */
  readonly baseUrl?: string;
  /** A catalogue to use instead of one fetched from `baseUrl` (the command line and tests read the package's data). */
  readonly catalogue?: ServiceCatalogue;
  /** The size quota to check (see `validatePolicy`); absent: the kind's default. */
  readonly sizeLimit?: PolicySizeLimitName | null;
  /** For a resource-based policy, the ARN of its resource (Access Analyzer's resource-type checks). */
  readonly resourceArn?: string;
}

/** One catalogue per data URL, so each service's files are fetched once per page. */
const catalogues = new Map<string, ServiceCatalogue>();

function catalogueFor(options: ValidateTextOptions): ServiceCatalogue | undefined {
  if (options.catalogue) return options.catalogue;
  if (options.baseUrl === undefined) return undefined;
  let catalogue = catalogues.get(options.baseUrl);
  if (!catalogue) {
    catalogue = fetchServiceCatalogue(options.baseUrl);
    catalogues.set(options.baseUrl, catalogue);
  }
  return catalogue;
}

/** Every finding of `text` as a policy of `kind`, in text order, with quick fixes where there is an obvious one. */
export async function validatePolicyText(text: string, kind: PolicyKind, options: ValidateTextOptions = {}): Promise<readonly EditorFinding[]> {
  const parsed = parsePolicy(text, kind, options.sizeLimit === undefined ? {} : { sizeLimit: options.sizeLimit });
  let findings: readonly PolicyFinding[] = parsed.findings;
  const catalogue = catalogueFor(options);
  if (parsed.ok && catalogue) {
    try {
      await loadServicesFor(parsed.policy, catalogue);
      findings = findings.concat(serviceFindings(parsed.policy, kind, catalogue, { resourceArn: options.resourceArn }));
    } catch {
      // The service data could not be fetched (offline on a first visit): the checks that
      // need it are skipped, never guessed; the next validation tries again.
    }
  }
  const policy = parsed.ok ? parsed.policy : undefined;
  return [...findings]
    .sort((a, b) => a.span.start - b.span.start)
    .map((finding) => {
      const fixes = fixesFor(finding, text, policy);
      return fixes.length > 0 ? { ...finding, fixes } : finding;
    });
}

// ── quick fixes ──

const VERSION = '2012-10-17';
const PRINCIPAL_TYPES: readonly PrincipalType[] = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

function fix(code: QuickFixCode, params: Readonly<Record<string, string>>, edits: readonly TextEdit[]): QuickFix {
  const title = QUICK_FIX_CODES[code].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
  return { code, params, title, edits };
}

/** Replaces the JSON string (or value) at `span` with the string `value`. */
function replaceWith(span: Span, value: string): QuickFix {
  return fix('replaceWith', { text: value }, [{ start: span.start, end: span.end, text: JSON.stringify(value) }]);
}

/** The string value of the JSON at `span`, or `undefined` when it is not a string. */
function stringAt(text: string, span: Span): string | undefined {
  try {
    const value: unknown = JSON.parse(text.slice(span.start, span.end));
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\n' || c === '\r' || c === '\t';
}

function skipBack(text: string, from: number): number {
  let i = from;
  while (i > 0 && isSpace(text[i - 1])) i--;
  return i;
}

function skipForward(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text[i])) i++;
  return i;
}

/**
 * Removes an array item or an object member spanning `[start, end)` together with the comma
 * that separates it from its neighbour: the one before it, or for a first entry the one
 * after it. `undefined` when the entry is not in a list (nothing separates it).
 */
function removeEntry(text: string, start: number, end: number): TextEdit | undefined {
  const before = skipBack(text, start);
  if (text[before - 1] === ',') return { start: before - 1, end, text: '' };
  const after = skipForward(text, end);
  if (text[after] === ',') return { start, end: skipForward(text, after + 1), text: '' };
  if (text[before - 1] === '[' || text[before - 1] === '{') return { start, end, text: '' };
  return undefined;
}

/** The start of the key of the member whose value begins at `valueStart` (`"Sid": ""` → its `"`). */
function memberStart(text: string, valueStart: number): number | undefined {
  let i = skipBack(text, valueStart);
  if (text[i - 1] !== ':') return undefined;
  i = skipBack(text, i - 1);
  if (text[i - 1] !== '"') return undefined;
  for (let j = i - 2; j >= 0; j--) {
    if (text[j] === '"' && text[j - 1] !== '\\') return j;
  }
  return undefined;
}

/** Inserts `"Version": "2012-10-17"` as the first member of the policy object opening at `open`. */
function addVersion(text: string, open: number): QuickFix | undefined {
  if (text[open] !== '{') return undefined;
  const next = skipForward(text, open + 1);
  const member = `"Version": "${VERSION}"`;
  if (text[next] === '}') return fix('addVersion', {}, [{ start: open + 1, end: open + 1, text: member }]);
  const gap = text.slice(open + 1, next);
  const newline = gap.lastIndexOf('\n');
  // Written as the policy is written: on its own line with the next member's indentation, or inline.
  const insert = newline >= 0 ? `\n${gap.slice(newline + 1)}${member},` : `${member}, `;
  return fix('addVersion', {}, [{ start: open + 1, end: open + 1, text: insert }]);
}

/** The clause whose condition key is at `span`, when it is the only key of its operator block. */
function soleClauseAt(policy: Policy | undefined, span: Span): ConditionClause | undefined {
  for (const st of policy?.statements ?? []) {
    const clause = st.condition.find((c) => c.keySpan.start === span.start);
    if (clause === undefined) continue;
    const sameBlock = st.condition.filter((c) => c.operatorSpan.start === clause.operatorSpan.start);
    return sameBlock.length === 1 ? clause : undefined;
  }
  return undefined;
}

const str = (v: string | number | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

/** The quick fixes of one finding (Access Analyzer's suggestions, and the obvious edits of a case slip). */
function fixesFor(finding: PolicyFinding, text: string, policy: Policy | undefined): QuickFix[] {
  const { span, params } = finding;
  const one = (f: QuickFix | undefined): QuickFix[] => (f === undefined ? [] : [f]);
  switch (finding.code) {
    case 'unknownElementCase':
    case 'unknownConditionOperatorCase': {
      const suggestion = str(params.suggestion);
      return one(suggestion === undefined ? undefined : replaceWith(span, suggestion));
    }
    case 'invalidActionDidYouMean': {
      const suggestion = str(params.suggestion);
      return one(suggestion === undefined ? undefined : replaceWith(span, suggestion));
    }
    case 'invalidServiceInActionDidYouMean': {
      const suggestion = str(params.suggestion);
      const action = str(params.action);
      if (suggestion === undefined || action === undefined) return [];
      return [replaceWith(span, `${suggestion}:${action.slice(action.indexOf(':') + 1)}`)];
    }
    case 'invalidEffect': {
      const value = stringAt(text, span)?.toLowerCase();
      return one(value === 'allow' ? replaceWith(span, 'Allow') : value === 'deny' ? replaceWith(span, 'Deny') : undefined);
    }
    case 'invalidPrincipalKey': {
      const key = str(params.key)?.toLowerCase();
      const type = PRINCIPAL_TYPES.find((t) => t.toLowerCase() === key);
      return one(type === undefined ? undefined : replaceWith(span, type));
    }
    case 'invalidVersion':
    case 'outdatedVersion':
      return [replaceWith(span, VERSION)];
    case 'missingVersion':
      return one(addVersion(text, span.start));
    case 'versionRequired':
      return one(policy?.versionSpan !== undefined ? replaceWith(policy.versionSpan, VERSION) : addVersion(text, span.start));
    case 'unsupportedSid': {
      const sid = (stringAt(text, span) ?? '').replace(/[^A-Za-z0-9]/g, '');
      return one(sid === '' ? undefined : replaceWith(span, sid));
    }
    case 'emptySid': {
      const start = memberStart(text, span.start);
      const edit = start === undefined ? undefined : removeEntry(text, start, span.end);
      return one(edit === undefined ? undefined : fix('removeElement', { element: 'Sid' }, [edit]));
    }
    case 'duplicateValue':
    case 'redundantValue': {
      const value = str(params.value) ?? text.slice(span.start, span.end);
      const edit = removeEntry(text, span.start, span.end);
      return one(edit === undefined ? undefined : fix('removeValue', { value }, [edit]));
    }
    case 'invalidArnServiceCase': {
      const value = str(params.value);
      if (value === undefined) return [];
      const parts = value.split(':');
      parts[2] = (parts[2] ?? '').toLowerCase();
      return [replaceWith(span, parts.join(':'))];
    }
    case 'nullWithIfExists': {
      const operator = str(params.operator);
      return one(operator?.endsWith('IfExists') ? replaceWith(span, operator.slice(0, -'IfExists'.length)) : undefined);
    }
    case 'forAllValuesWithSingleValuedKey': {
      // The operator applies to every key of its block: changed only when this key is alone in it.
      const clause = soleClauseAt(policy, span);
      return one(clause === undefined ? undefined : replaceWith(clause.operatorSpan, clause.operatorText.replace(/^ForAllValues:/, '')));
    }
    case 'stringLikeWithArnKey': {
      const clause = soleClauseAt(policy, span);
      if (clause === undefined) return [];
      const operator = clause.operatorText.replace('StringLike', 'ArnLike');
      return parseConditionOperator(operator).problem === undefined ? [replaceWith(clause.operatorSpan, operator)] : [];
    }
    case 'rcpPrincipalMustBeStar':
      return [replaceWith(span, '*')];
    default:
      return [];
  }
}
