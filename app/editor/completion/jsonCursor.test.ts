import { describe, expect, it } from 'vitest';
import { cursorContext, inStatement, locatedStrings, stringAt } from './jsonCursor';

/** The text with `|` removed, and the offset where it was. */
function at(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

describe('cursorContext', () => {
  it('inside a value string: its path and the string', () => {
    const [text, offset] = at('{"Statement": [{"Effect": "Allow", "Action": ["s3:Get|"]}]}');
    const ctx = cursorContext(text, offset);
    expect(ctx.position).toBe('value');
    expect(ctx.path).toEqual(['Statement', 0, 'Action', 0]);
    expect(ctx.string?.value).toBe('s3:Get');
    expect(ctx.string?.closed).toBe(true);
  });

  it('inside a key string: the path of its object', () => {
    const [text, offset] = at('{"Statement": {"Condition": {"StringEquals": {"aws:Sou|": "x"}}}}');
    const ctx = cursorContext(text, offset);
    expect(ctx.position).toBe('key');
    expect(ctx.container).toEqual(['Statement', 'Condition', 'StringEquals']);
  });

  it('in text being typed that is not JSON yet (an unclosed string, open containers)', () => {
    const [text, offset] = at('{\n  "Statement": [\n    {\n      "Action": "iam:Cre|\n');
    const ctx = cursorContext(text, offset);
    expect(ctx.path).toEqual(['Statement', 0, 'Action']);
    expect(ctx.string?.closed).toBe(false);
  });

  it('between tokens: a key position after a comma, a value position after a colon', () => {
    const [keyText, keyOffset] = at('{"Statement": {"Effect": "Allow", |}}');
    expect(cursorContext(keyText, keyOffset)).toMatchObject({ position: 'key', container: ['Statement'], string: undefined });
    const [valueText, valueOffset] = at('{"Statement": {"Resource": |}}');
    expect(cursorContext(valueText, valueOffset)).toMatchObject({ position: 'value', path: ['Statement', 'Resource'] });
  });

  it('counts array items (the second action is index 1)', () => {
    const [text, offset] = at('{"Statement": [{"Action": ["a", "b|"]}, {}]}');
    expect(cursorContext(text, offset).path).toEqual(['Statement', 0, 'Action', 1]);
  });

  it('right after a closed string is not inside it', () => {
    const [text, offset] = at('{"Version": "2012-10-17"|}');
    expect(cursorContext(text, offset).string).toBeUndefined();
  });

  it('escaped quotes do not end a string', () => {
    const [text, offset] = at('{"Sid": "a\\"b|"}');
    expect(cursorContext(text, offset).string?.value).toBe('a"b');
  });
});

describe('locatedStrings and stringAt', () => {
  it('give every string with its role and path', () => {
    const strings = locatedStrings('{"Statement": {"Action": ["s3:GetObject", "s3:PutObject"]}}');
    expect(strings.map((s) => [s.role, s.value, s.path])).toEqual([
      ['key', 'Statement', ['Statement']],
      ['key', 'Action', ['Statement', 'Action']],
      ['value', 's3:GetObject', ['Statement', 'Action', 0]],
      ['value', 's3:PutObject', ['Statement', 'Action', 1]],
    ]);
  });

  it('finds the string under a position, quotes included', () => {
    const text = '{"Effect": "Deny"}';
    expect(stringAt(text, text.indexOf('Deny'))?.value).toBe('Deny');
    expect(stringAt(text, text.indexOf('"Deny"'))?.value).toBe('Deny');
    expect(stringAt(text, text.indexOf(':'))).toBeUndefined();
  });
});

describe('inStatement', () => {
  it('splits a path into the statement and the rest, for both forms of Statement', () => {
    expect(inStatement(['Statement', 2, 'Condition', 'Bool'])).toEqual({ statement: ['Statement', 2], rest: ['Condition', 'Bool'] });
    expect(inStatement(['Statement', 'Action', 0])).toEqual({ statement: ['Statement'], rest: ['Action', 0] });
    expect(inStatement(['Version'])).toBeUndefined();
  });
});
