/**
 * ARNs and ARN patterns.
 *
 * An ARN is `arn:partition:service:region:account-id:resource`; the resource (everything
 * after the fifth colon) may itself contain `:` and `/` ("Identify AWS resources with
 * Amazon Resource Names (ARNs)", IAM User Guide).
 *
 * An ARN pattern is matched segment by segment: each of the first five segments is a glob
 * that cannot cross a colon, and the resource is a glob over the rest of the ARN (where
 * `*` may match `:` and `/`). Two modes differ in one rule:
 *
 * - `resource` — the Resource / NotResource element. "If the `*` wildcard is the last
 *   character of a resource ARN segment, it can expand to match beyond the colon
 *   boundaries" ("IAM JSON policy elements: Resource"): a segment ending in `*` may also
 *   swallow the whole segments that follow it, so `arn:aws:ec2:*` matches every EC2 ARN.
 * - `condition` — the Arn* condition operators. "Each of the six colon-delimited
 *   components of the ARN is checked separately" ("Condition operators", ARN condition
 *   operators; its example shows `arn:aws:someservice:*:111122223333:finance/*` *not*
 *   matching when the `*` would have to cross a colon). Only a pattern with fewer than six
 *   components whose last one ends in `*` lets that `*` take the remaining components
 *   (so `*` alone matches any ARN).
 *
 * Patterns are compiled once; a subject ARN is split at most once per request
 * ({@link ArnSubject} caches it).
 */
import {
  compileGlobChunks,
  matchGlob,
  type GlobChunk,
  type GlobProgram,
} from './wildcard';
import { templateChunks, type Template, type TemplatePart } from './variables';

/** The parts of an ARN. */
export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/** Parses `arn:partition:service:region:account:resource`; `undefined` when `text` is not an ARN. */
export function parseArn(text: string): Arn | undefined {
  const segments = splitArn(text);
  if (!segments || segments[0] !== 'arn') return undefined;
  const [, partition, service, region, account, resource] = segments as [string, string, string, string, string, string];
  return { partition, service, region, account, resource };
}

/**
 * Splits `text` at its first five colons into six segments (the last is the resource and
 * keeps any further colons); `undefined` when there are fewer than five colons.
 */
export function splitArn(text: string): string[] | undefined {
  const out: string[] = [];
  let from = 0;
  for (let n = 0; n < 5; n++) {
    const colon = text.indexOf(':', from);
    if (colon < 0) return undefined;
    out.push(text.slice(from, colon));
    from = colon + 1;
  }
  out.push(text.slice(from));
  return out;
}

/**
 * A string to match ARN patterns against, split lazily and at most once. Create one per
 * request resource (or context value) and pass it to every pattern.
 */
export interface ArnSubject {
  readonly text: string;
  /** @internal the six segments, `null` when not an ARN, `undefined` before splitting. */
  segments: string[] | null | undefined;
  /** @internal offset of the resource segment in `text`. */
  resourceOffset: number;
}

/** Wraps `text` for matching. */
export function arnSubject(text: string): ArnSubject {
  return { text, segments: undefined, resourceOffset: -1 };
}

/** The six segments of the subject, or `null` when it is not an ARN (fewer than five colons). */
export function subjectSegments(subject: ArnSubject): string[] | null {
  if (subject.segments === undefined) {
    const segments = splitArn(subject.text) ?? null;
    subject.segments = segments;
    if (segments) {
      let offset = 0;
      for (let i = 0; i < 5; i++) offset += (segments[i] as string).length + 1;
      subject.resourceOffset = offset;
    }
  }
  return subject.segments;
}

export type ArnMatchMode = 'resource' | 'condition';

/** A compiled ARN pattern. */
export interface ArnPattern {
  readonly source: string;
  readonly mode: ArnMatchMode;
  /** How many colon-separated segments the pattern has (1 to 6). */
  readonly segmentCount: number;
  /**
   * Whether the ARN `subject` matches. `slots` holds the values of the template's
   * variables (see `fillSlots`); unused when the pattern has none.
   */
  test(subject: ArnSubject, slots: readonly string[]): boolean;
  /** The whole pattern as one glob, for a subject that is not an ARN. */
  readonly whole: GlobProgram;
}

/** Splits template parts at the first five colons of their text (never inside a variable). */
function splitTemplate(parts: readonly TemplatePart[]): TemplatePart[][] {
  const segments: TemplatePart[][] = [[]];
  for (const part of parts) {
    if (part.kind !== 'text' || segments.length === 6) {
      (segments[segments.length - 1] as TemplatePart[]).push(part);
      continue;
    }
    let text = part.text;
    let colon = text.indexOf(':');
    while (colon >= 0 && segments.length < 6) {
      const before = text.slice(0, colon);
      if (before !== '') (segments[segments.length - 1] as TemplatePart[]).push({ kind: 'text', text: before });
      segments.push([]);
      text = text.slice(colon + 1);
      colon = text.indexOf(':');
    }
    if (text !== '') (segments[segments.length - 1] as TemplatePart[]).push({ kind: 'text', text });
  }
  return segments;
}

const COLON: GlobChunk = { text: ':', wild: false };

/** Compiles an ARN pattern from its template (see `parseTemplate`). */
export function compileArnPattern(template: Template, mode: ArnMatchMode): ArnPattern {
  const segParts = splitTemplate(template.parts);
  const k = segParts.length;
  const segs = segParts.map((p) => compileGlobChunks(templateChunks(p)));
  // suffix[i]: segments i … k-1 joined by ':' — what must match a subject's resource
  // segment once the subject has reached it.
  const suffix: GlobProgram[] = [];
  for (let i = 0; i < k; i++) {
    const chunks: GlobChunk[] = [];
    for (let s = i; s < k; s++) {
      if (s > i) chunks.push(COLON);
      chunks.push(...templateChunks(segParts[s] as TemplatePart[]));
    }
    suffix.push(compileGlobChunks(chunks));
  }
  const expand = segs.map((g, i) =>
    mode === 'resource' ? i < 5 && g.endsWithStar : i === k - 1 && k < 6 && g.endsWithStar,
  );
  const whole = compileGlobChunks(templateChunks(template.parts));

  // Fast path: six segments and the first five plain text → compare the prefix, then the
  // resource glob from the offset (no splitting of the subject at all).
  const headStatic = k === 6 && segs.slice(0, 5).every((g) => !g.hasWildcard && !g.hasSlots);
  let test: ArnPattern['test'];
  if (headStatic) {
    const prefix = segs
      .slice(0, 5)
      .map((g) => (g.pieces[0] as readonly (string | number)[]).join(''))
      .join(':') + ':';
    const resource = segs[5] as GlobProgram;
    if (!resource.hasWildcard && !resource.hasSlots) {
      const full = prefix + (resource.pieces[0] as readonly (string | number)[]).join('');
      test = (subject) => subject.text === full;
    } else {
      test = (subject, slots) =>
        subject.text.startsWith(prefix) && matchGlob(resource, subject.text, slots, prefix.length);
    }
  } else {
    test = (subject, slots) => {
      const segments = subjectSegments(subject);
      if (!segments) return false;
      return matchFrom(segs, suffix, expand, segments, subject, slots, 0, 0);
    };
  }
  return { source: template.source, mode, segmentCount: k, test, whole };
}

/**
 * Whether pattern segments `i…` match subject segments `j…`. At most six levels deep and
 * six-way branching, so bounded by a small constant.
 */
function matchFrom(
  segs: readonly GlobProgram[],
  suffix: readonly GlobProgram[],
  expand: readonly boolean[],
  segments: readonly string[],
  subject: ArnSubject,
  slots: readonly string[],
  i: number,
  j: number,
): boolean {
  const k = segs.length;
  if (i === k) return j === 6;
  if (j === 6) return false;
  // The subject's resource segment: the rest of the pattern must match all of it.
  if (j === 5) return matchGlob(suffix[i] as GlobProgram, subject.text, slots, subject.resourceOffset);
  if (!matchGlob(segs[i] as GlobProgram, segments[j] as string, slots)) return false;
  if (matchFrom(segs, suffix, expand, segments, subject, slots, i + 1, j + 1)) return true;
  if (expand[i]) {
    // The trailing `*` also takes the whole segments j+1 … m.
    for (let m = j + 1; m <= 5; m++) {
      if (matchFrom(segs, suffix, expand, segments, subject, slots, i + 1, m + 1)) return true;
    }
  }
  return false;
}
