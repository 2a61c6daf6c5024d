import { describe, expect, it } from 'vitest';
import { hasPolicyVariable, scanPolicyVariables } from './variables';

describe('policy variables (IAM policy elements: Variables and tags)', () => {
  it('finds variables, default values and the special ${*}, ${?}, ${$}', () => {
    const s = "arn:aws:s3:::b/${aws:username}/${aws:PrincipalTag/team, 'none'}/${*}${?}${$}";
    expect(scanPolicyVariables(s).variables.map((v) => [v.name, v.defaultValue, s.slice(v.start, v.end)])).toEqual([
      ['aws:username', undefined, '${aws:username}'],
      ['aws:PrincipalTag/team', 'none', "${aws:PrincipalTag/team, 'none'}"],
      ['*', undefined, '${*}'],
      ['?', undefined, '${?}'],
      ['$', undefined, '${$}'],
    ]);
    expect(scanPolicyVariables(s).problem).toBeUndefined();
  });

  it.each([
    ['${aws:username', 'closing brace'],
    ['${}', 'no name'],
    ["${aws:username, none}", 'single quotes'],
    ['${aws user}', 'not allowed'],
  ])('%s is malformed (%s)', (text, problem) => {
    expect(scanPolicyVariables(text).problem).toContain(problem);
  });

  it('a $ without a brace is plain text', () => {
    expect(hasPolicyVariable('cost$100')).toBe(false);
    expect(scanPolicyVariables('cost$100')).toEqual({ variables: [], problem: undefined });
  });
});
