/**
 * Policy variables, as the IAM User Guide describes them ("IAM policy elements: Variables
 * and tags", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html):
 *
 * - `${key}` is replaced by the value of the request-context key `key` (key names are
 *   case-insensitive). Only policies with `"Version": "2012-10-17"` have variables; with
 *   `2008-10-17` or no Version, `${aws:username}` is literal text.
 * - `${key, 'default'}` uses `default` when the key has no usable value ("Specifying
 *   default values": the default is in single quotes, after a comma and a space).
 * - `${*}`, `${?}`, `${$}` stand for the characters `*`, `?`, `$` ("Special characters"):
 *   literal characters, never wildcards.
 * - A key that is absent from the request, or multivalued ("you can't use multivalued
 *   context keys as policy variables", "Single-valued vs. multivalued context keys"),
 *   has no value: the variable does not resolve, and the element it is in matches nothing
 *   ("Policy variables with no value").
 * - A substituted value is literal text: a `*` in a user name does not become a wildcard.
 *
 * Templates are parsed once, when a policy is compiled; only substitution happens per
 * request.
 */
import type { PolicyVersion } from '../policy/types';
import type { ContextValue, RequestContext } from '../context/types';
import type { GlobChunk } from './wildcard';

/**
 * Looks up a (lower-cased) key to resolve a policy variable. When a matcher is given one,
 * it replaces the request context for variables (the condition keys themselves are still
 * read from the context).
 */
export type VariableLookup = (keyLower: string) => ContextValue | undefined;

export type TemplatePart =
  /** Policy text as written: `*` and `?` keep their wildcard meaning where wildcards apply. */
  | { readonly kind: 'text'; readonly text: string }
  /** `${*}`, `${?}` or `${$}`: the character itself, never a wildcard. */
  | { readonly kind: 'literal'; readonly text: string }
  /** `${key}` or `${key, 'default'}`. `slot` numbers the variables of the template from 0. */
  | {
      readonly kind: 'variable';
      /** The key as written (trimmed). */
      readonly key: string;
      readonly keyLower: string;
      readonly defaultValue: string | undefined;
      /** The variable as written, e.g. `${aws:username, 'anonymous'}`. */
      readonly source: string;
      readonly slot: number;
    };

export type VariablePart = Extract<TemplatePart, { kind: 'variable' }>;

/** A policy string split into text, special characters and variables. */
export interface Template {
  readonly source: string;
  readonly parts: readonly TemplatePart[];
  /** The variables, in order; `variables[i].slot === i`. */
  readonly variables: readonly VariablePart[];
}

/** Whether a policy of this Version has policy variables (only 2012-10-17 does). */
export function versionSupportsVariables(version: PolicyVersion | undefined): boolean {
  return version === '2012-10-17';
}

const SPECIALS: Readonly<Record<string, string>> = { '*': '*', '?': '?', $: '$' };

/**
 * Splits `text` into a template. With a Version that has no variables, the whole text is
 * one `text` part. Malformed variables (no closing brace, an empty key, a default not in
 * single quotes) are left as literal text.
 */
export function parseTemplate(text: string, version: PolicyVersion | undefined): Template {
  if (!versionSupportsVariables(version) || !text.includes('${')) {
    return { source: text, parts: text === '' ? [] : [{ kind: 'text', text }], variables: [] };
  }
  const parts: TemplatePart[] = [];
  const variables: VariablePart[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('${', i);
    if (open < 0) {
      plain += text.slice(i);
      break;
    }
    plain += text.slice(i, open);
    const parsed = parseVariableAt(text, open);
    if (!parsed) {
      // Not a variable: keep the `$` and go on after it.
      plain += '$';
      i = open + 1;
      continue;
    }
    if (plain !== '') parts.push({ kind: 'text', text: plain });
    plain = '';
    if (parsed.special !== undefined) {
      parts.push({ kind: 'literal', text: parsed.special });
    } else {
      const v: VariablePart = {
        kind: 'variable',
        key: parsed.key,
        keyLower: parsed.key.toLowerCase(),
        defaultValue: parsed.defaultValue,
        source: text.slice(open, parsed.end),
        slot: variables.length,
      };
      parts.push(v);
      variables.push(v);
    }
    i = parsed.end;
  }
  if (plain !== '') parts.push({ kind: 'text', text: plain });
  return { source: text, parts, variables };
}

interface ParsedVariable {
  readonly key: string;
  readonly defaultValue: string | undefined;
  readonly special: string | undefined;
  /** The offset just after the closing brace. */
  readonly end: number;
}

function parseVariableAt(text: string, open: number): ParsedVariable | undefined {
  const start = open + 2;
  // The key runs to the first `,` or `}`.
  let j = start;
  while (j < text.length && text[j] !== '}' && text[j] !== ',') j++;
  if (j >= text.length) return undefined;
  const key = text.slice(start, j).trim();
  if (text[j] === '}') {
    if (key === '') return undefined;
    const special = SPECIALS[key];
    return { key, defaultValue: undefined, special, end: j + 1 };
  }
  // `${key, 'default'}`: the default is quoted; it ends at the quote that is followed
  // (after optional spaces) by the closing brace.
  if (key === '' || SPECIALS[key] !== undefined) return undefined;
  let q = j + 1;
  while (q < text.length && text[q] === ' ') q++;
  if (text[q] !== "'") return undefined;
  const valueStart = q + 1;
  let close = text.indexOf("'", valueStart);
  while (close >= 0) {
    let b = close + 1;
    while (b < text.length && text[b] === ' ') b++;
    if (text[b] === '}') {
      return { key, defaultValue: text.slice(valueStart, close), special: undefined, end: b + 1 };
    }
    close = text.indexOf("'", close + 1);
  }
  return undefined;
}

/**
 * The value a variable stands for in this request: the key's value when it is a single
 * string, else the default, else `undefined` (unresolved).
 */
export function resolveVariable(
  variable: VariablePart,
  ctx: RequestContext,
  lookup: VariableLookup | undefined,
): string | undefined {
  const value = lookup ? lookup(variable.keyLower) : ctx.values.get(variable.keyLower);
  if (typeof value === 'string') return value;
  return variable.defaultValue;
}

/**
 * Resolves every variable of `template` into `slots` (indexed by slot). Returns the index
 * of the first variable that did not resolve, or -1 when all did.
 */
export function fillSlots(
  template: Template,
  ctx: RequestContext,
  lookup: VariableLookup | undefined,
  slots: string[],
): number {
  const vars = template.variables;
  for (let i = 0; i < vars.length; i++) {
    const value = resolveVariable(vars[i] as VariablePart, ctx, lookup);
    if (value === undefined) return i;
    slots[i] = value;
  }
  return -1;
}

/**
 * The template's text with its variables substituted (specials become their character),
 * or `undefined` when a variable does not resolve.
 */
export function renderTemplate(
  template: Template,
  ctx: RequestContext,
  lookup: VariableLookup | undefined,
): string | undefined {
  let out = '';
  for (const part of template.parts) {
    if (part.kind === 'variable') {
      const value = resolveVariable(part, ctx, lookup);
      if (value === undefined) return undefined;
      out += value;
    } else {
      out += part.text;
    }
  }
  return out;
}

/** The template's text when it has no variables (specials become their character). */
export function staticText(template: Template): string | undefined {
  if (template.variables.length > 0) return undefined;
  let out = '';
  for (const part of template.parts) if (part.kind !== 'variable') out += part.text;
  return out;
}

/** The template as glob chunks: policy text is wild, specials are literal, variables are slots. */
export function templateChunks(parts: readonly TemplatePart[]): GlobChunk[] {
  return parts.map((p): GlobChunk =>
    p.kind === 'variable' ? { slot: p.slot } : { text: p.text, wild: p.kind === 'text' },
  );
}
