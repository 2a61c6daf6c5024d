/**
 * ARN condition operators ("Condition operators" → Amazon Resource Name (ARN) condition
 * operators): ArnEquals and ArnLike behave identically, as do ArnNotEquals and
 * ArnNotLike. "Each of the six colon-delimited components of the ARN is checked
 * separately and each can include multi-character match wildcards (*) or single-character
 * match wildcards (?)", case-sensitively; a `*` does not cross a colon (the guide's
 * `arn:aws:someservice:*:111122223333:finance/*` example). Policy variables are supported.
 * A context value that is not an ARN never matches, for ArnNotLike too.
 */
import { arnSubject, compileArnPattern, subjectSegments, type ArnSubject } from '../match/arn';
import { fillSlots, type VariableLookup } from '../match/variables';
import type { RequestContext } from '../context/types';
import { cachedParser, templatesOf, valueSet, type Family, type ValueTest } from './family';

function parseArnSubject(text: string): ArnSubject | undefined {
  const subject = arnSubject(text);
  const segments = subjectSegments(subject);
  return segments && segments[0] === 'arn' ? subject : undefined;
}

const parseContextArn = cachedParser(parseArnSubject);

export const arnFamily: Family = {
  name: 'ArnLike',
  variables: true,
  compile(values, version) {
    const templates = templatesOf(values, true, version);
    const tests = templates.map((t): ValueTest<ArnSubject> => {
      const pattern = compileArnPattern(t, 'condition');
      if (t.variables.length === 0) {
        const none: readonly string[] = [];
        return (subject) => (pattern.test(subject, none) ? 1 : 0);
      }
      // INVARIANT: synchronous and not re-entrant, so one scratch array per value suffices.
      const slots = new Array<string>(t.variables.length).fill('');
      return (subject: ArnSubject, ctx: RequestContext, lookup: VariableLookup | undefined) => {
        if (fillSlots(t, ctx, lookup, slots) >= 0) return 2;
        return pattern.test(subject, slots) ? 1 : 0;
      };
    });
    return valueSet(templates, parseContextArn, tests);
  },
};
