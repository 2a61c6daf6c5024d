/**
 * Policy variables: `${aws:username}`, `${aws:PrincipalTag/team, 'none'}`, and the special
 * `${*}`, `${?}`, `${$}` (IAM User Guide, "IAM policy elements: Variables and tags").
 * Variables are replaced only with "Version": "2012-10-17"; otherwise they are literal text.
 */

export interface PolicyVariable {
  /** Offsets within the scanned string, from `$` to after `}`. */
  readonly start: number;
  readonly end: number;
  /** The key name, e.g. `aws:username`, or `*`, `?`, `$`. */
  readonly name: string;
  /** The default value of `${key, 'default'}`. */
  readonly defaultValue: string | undefined;
}

export interface VariableScan {
  readonly variables: readonly PolicyVariable[];
  /** What is wrong with the first malformed variable, in words, if any. */
  readonly problem: string | undefined;
}

const NAME = /^[A-Za-z0-9:/._-]+$/;

/** Whether a string contains the start of a policy variable. */
export function hasPolicyVariable(value: string): boolean {
  return value.includes('${');
}

/** Finds the policy variables of a string and the first malformed one. */
export function scanPolicyVariables(value: string): VariableScan {
  const variables: PolicyVariable[] = [];
  let from = 0;
  for (;;) {
    const start = value.indexOf('${', from);
    if (start < 0) return { variables, problem: undefined };
    const close = value.indexOf('}', start + 2);
    if (close < 0) return { variables, problem: 'the variable has no closing brace }' };
    const inner = value.slice(start + 2, close);
    const comma = inner.indexOf(',');
    const name = (comma < 0 ? inner : inner.slice(0, comma)).trim();
    let defaultValue: string | undefined;
    if (comma >= 0) {
      const d = inner.slice(comma + 1).trim();
      if (d.length < 2 || !d.startsWith("'") || !d.endsWith("'")) {
        return { variables, problem: "the default value must be enclosed in single quotes, as in ${aws:username, 'none'}" };
      }
      defaultValue = d.slice(1, -1);
    }
    if (name === '') return { variables, problem: 'the variable has no name' };
    if (name !== '*' && name !== '?' && name !== '$' && !NAME.test(name)) {
      return { variables, problem: `the name \`${name}\` has a symbol that is not allowed` };
    }
    variables.push({ start, end: close + 1, name, defaultValue });
    from = close + 1;
  }
}
