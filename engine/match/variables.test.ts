import { describe, expect, it } from 'vitest';
import { contextFrom } from '../context/types';
import { parseTemplate, renderTemplate } from './variables';

const ctx = contextFrom([
  ['aws:username', 'alice'],
  ['aws:PrincipalTag/team', 'blue'],
  ['aws:userid', 'AIDAEXAMPLE'],
  ['aws:TagKeys', ['a', 'b']],
  ['aws:empty', ''],
]);

// "IAM policy elements: Variables and tags"
const cases: [rule: string, text: string, expected: string | undefined][] = [
  ['${key} is replaced by the request value', 'home/${aws:username}/', 'home/alice/'],
  ['key names are case-insensitive', '${AWS:UserName}', 'alice'],
  ['tag keys as variables (Tags as policy variables)', 'x/${aws:PrincipalTag/team}', 'x/blue'],
  ['aws:userid', '${aws:userid}', 'AIDAEXAMPLE'],
  ['a missing key does not resolve', '${aws:SourceVpc}', undefined],
  ["a default value is used when the key is missing (Specifying default values)", "${aws:SourceVpc, 'none'}", 'none'],
  ["a default value is ignored when the key is present", "${aws:username, 'anonymous'}", 'alice'],
  ['a multivalued key cannot be a variable', '${aws:TagKeys}', undefined],
  ["a multivalued key falls back to the default", "${aws:TagKeys, 'd'}", 'd'],
  ['an empty single value substitutes the empty string', '[${aws:empty}]', '[]'],
  ['${*} is a literal * (Special characters)', 'a${*}b', 'a*b'],
  ['${?} is a literal ?', 'a${?}b', 'a?b'],
  ['${$} is a literal $', 'a${$}b', 'a$b'],
  ['an unclosed ${ is literal text', 'a${aws:username', 'a${aws:username'],
  ['an empty ${} is literal text', 'a${}b', 'a${}b'],
  ['a default must be quoted', '${aws:SourceVpc, none}', '${aws:SourceVpc, none}'],
  ["a default may contain a quote", "${aws:x, 'it's'}", "it's"],
  ['several variables', '${aws:username}-${aws:PrincipalTag/team}', 'alice-blue'],
];

describe('policy variables (Version 2012-10-17)', () => {
  it.each(cases)('%s: %s', (_rule, text, expected) => {
    expect(renderTemplate(parseTemplate(text, '2012-10-17'), ctx, undefined)).toBe(expected);
  });

  it('are literal text with Version 2008-10-17 or no Version ("Earlier versions … treated as literal strings")', () => {
    for (const version of ['2008-10-17', undefined] as const) {
      const t = parseTemplate('home/${aws:username}/${*}', version);
      expect(t.variables).toHaveLength(0);
      expect(renderTemplate(t, ctx, undefined)).toBe('home/${aws:username}/${*}');
    }
  });

  it('uses a lookup when one is given', () => {
    const t = parseTemplate('${aws:username}', '2012-10-17');
    expect(renderTemplate(t, ctx, (k) => (k === 'aws:username' ? 'bob' : undefined))).toBe('bob');
  });

  it('keeps the source of each variable and numbers the slots', () => {
    const t = parseTemplate("a${aws:username, 'anonymous'}b${aws:userid}", '2012-10-17');
    expect(t.variables.map((v) => [v.source, v.keyLower, v.defaultValue, v.slot])).toEqual([
      ["${aws:username, 'anonymous'}", 'aws:username', 'anonymous', 0],
      ['${aws:userid}', 'aws:userid', undefined, 1],
    ]);
  });
});
