import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineColumnAt, parseJson, parseJsonValue, toPlainValue, type JsonErrorCode, type JsonNode } from './json';

function parseOk(text: string): JsonNode {
  const r = parseJson(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function errorOf(text: string, maxDepth?: number) {
  const r = parseJson(text, { maxDepth });
  if (r.ok) throw new Error(`expected an error for ${text.slice(0, 40)}`);
  return r.error;
}

describe('RFC 8259 values parse like JSON.parse', () => {
  const samples = [
    '0', '-0', '1', '-1', '1.5', '-1.5e10', '1E+2', '1e-2', '123456789012345678901234567890', '1e400',
    '""', '"abc"', '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '"\\u00e9\\u4E2D"', '"\\ud83d\\ude00"', '"😀 é 中"',
    'true', 'false', 'null', '[]', '{}', '[1,[2,[3]]]', '{"a":{"b":{"c":[true,false,null]}}}',
    ' \t\r\n{ "a" : 1 , "b" : [ ] } \n', '{"":""}', '["a","b"]', '{"a":1,"a":2}',
  ];
  it.each(samples)('%s', (text) => {
    expect(toPlainValue(parseOk(text))).toEqual(JSON.parse(text));
    const plain = parseJsonValue(text);
    expect(plain.ok && plain.value).toEqual(JSON.parse(text));
  });

  it('agrees with JSON.parse on generated documents (property)', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(toPlainValue(parseOk(text))).toEqual(JSON.parse(text));
        const plain = parseJsonValue(text);
        expect(plain.ok).toBe(true);
        if (plain.ok) expect(plain.value).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects what JSON.parse rejects and never throws (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        let native = true;
        try {
          JSON.parse(text);
        } catch {
          native = false;
        }
        const strippedBom = text.charCodeAt(0) === 0xfeff;
        if (!strippedBom) expect(parseJson(text).ok).toBe(native);
        expect(parseJsonValue(text).ok).toBe(parseJson(text).ok);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('short strings read again are reused, never confused', () => {
  it('gives the right string for 20,000 short keys and values, colliding or not', () => {
    const words = Array.from({ length: 20_000 }, (_, i) => (i * 7919).toString(36));
    const doc = Object.fromEntries(words.map((w, i) => [w, [w, words[(i * 31) % words.length], 'Allow', 'Allow']]));
    const text = JSON.stringify(doc);
    expect(toPlainValue(parseOk(text))).toEqual(doc);
    const plain = parseJsonValue(text);
    expect(plain.ok && plain.value).toEqual(doc);
  });

  it('does not reuse a string across an escape, a surrogate or a longer text', () => {
    const text = '["a\\"b", "a\\"b", "😀", "😀", "' + 'x'.repeat(40) + '", "' + 'x'.repeat(40) + '", "x"]';
    expect(toPlainValue(parseOk(text))).toEqual(JSON.parse(text));
  });
});

describe('RFC 8259 grammar violations are errors with a code', () => {
  const cases: [string, string, JsonErrorCode][] = [
    ['an empty text', '', 'emptyDocument'],
    ['only white space', ' \n\t ', 'emptyDocument'],
    ['a trailing comma in an object', '{"a":1,}', 'expectedPropertyName'],
    ['a trailing comma in an array', '[1,]', 'expectedValue'],
    ['single quotes', "{'a':1}", 'expectedPropertyName'],
    ['an unquoted key', '{a:1}', 'expectedPropertyName'],
    ['a missing colon', '{"a" 1}', 'expectedColon'],
    ['a missing comma between members', '{"a":1 "b":2}', 'expectedCommaOrBrace'],
    ['a missing comma between elements', '[1 2]', 'expectedCommaOrBracket'],
    ['an unclosed object', '{"a":1', 'expectedCommaOrBrace'],
    ['an unclosed array', '[1', 'expectedCommaOrBracket'],
    ['a leading zero', '01', 'invalidNumber'],
    ['a leading plus', '+1', 'expectedValue'],
    ['a bare minus', '-', 'invalidNumber'],
    ['a decimal point without digits', '1.', 'invalidNumber'],
    ['a leading decimal point', '.5', 'expectedValue'],
    ['an exponent without digits', '1e', 'invalidNumber'],
    ['NaN', 'NaN', 'expectedValue'],
    ['Infinity', 'Infinity', 'expectedValue'],
    ['a truncated literal', 'tru', 'invalidLiteral'],
    ['a capitalised literal', 'True', 'expectedValue'],
    ['a comment', '// x\n1', 'expectedValue'],
    ['an unterminated string', '"abc', 'unterminatedString'],
    ['a raw line feed in a string', '"a\nb"', 'controlCharacter'],
    ['a raw NUL in a string', '"a\u0000b"', 'controlCharacter'],
    ['an unknown escape', '"\\x41"', 'invalidEscape'],
    ['a short \\u escape', '"\\u12"', 'invalidUnicodeEscape'],
    ['a non-hex \\u escape', '"\\u12G4"', 'invalidUnicodeEscape'],
    ['content after the value', '{} {}', 'trailingContent'],
    ['two values', '1 2', 'trailingContent'],
  ];
  it.each(cases)('%s', (_name, text, code) => {
    expect(errorOf(text).code).toBe(code);
    const plain = parseJsonValue(text);
    expect(plain.ok ? undefined : plain.error.code).toBe(code);
  });

  it('reports the position as line and column in the message', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [] "x"\n}';
    const e = errorOf(text);
    expect(e.message).toBe("Expected ',' or '}' after a property value at line 3, column 19");
    expect(e.detail).toBe("Expected ',' or '}' after a property value");
    expect([e.line, e.column, e.offset]).toEqual([3, 19, text.indexOf('"x"')]);
  });

  it('counts CRLF and lone CR as one line break each', () => {
    expect(lineColumnAt('a\r\nb\rc\nd', 7)).toEqual({ line: 4, column: 1 });
    expect(lineColumnAt('abc', 99)).toEqual({ line: 1, column: 4 });
  });

  it('names an unprintable character by its code point', () => {
    expect(errorOf('[1,\u00a0]').message).toContain('U+00A0');
  });
});

describe('spans', () => {
  it('give each value, key and container its exact source range', () => {
    const text = '{ "a" : [ 1.50 , "x\\ny" , true , null ] , "b" : { } }';
    const root = parseOk(text);
    expect(root.kind).toBe('object');
    if (root.kind !== 'object') return;
    expect(root.span).toEqual({ start: 0, end: text.length });
    const [a, b] = root.members;
    expect(text.slice(a!.keySpan.start, a!.keySpan.end)).toBe('"a"');
    const arr = a!.value;
    if (arr.kind !== 'array') throw new Error('array expected');
    expect(arr.items.map((n) => text.slice(n.span.start, n.span.end))).toEqual(['1.50', '"x\\ny"', 'true', 'null']);
    expect(text.slice(b!.value.span.start, b!.value.span.end)).toBe('{ }');
  });

  it('keep the raw spelling of numbers', () => {
    const n = parseOk('[1.50, 1e3, -0, 100000000000000000000001]');
    if (n.kind !== 'array') throw new Error();
    expect(n.items.map((i) => (i.kind === 'number' ? [i.raw, i.value] : null))).toEqual([
      ['1.50', 1.5], ['1e3', 1000], ['-0', -0], ['100000000000000000000001', Number('100000000000000000000001')],
    ]);
  });

  it('count UTF-16 code units', () => {
    const text = '["😀", "x"]';
    const n = parseOk(text);
    if (n.kind !== 'array') throw new Error();
    expect(n.items[1]!.span).toEqual({ start: 7, end: 10 }); // 😀 is two code units
  });

  it('skip a leading byte order mark (RFC 8259 §8.1) but keep offsets in the original text', () => {
    const n = parseOk('\ufeff[1]');
    expect(n.span).toEqual({ start: 1, end: 4 });
  });
});

describe('duplicate keys (RFC 8259 §4: names SHOULD be unique) are warnings, not errors', () => {
  it('reports each repetition with both spans and the path of its object', () => {
    const text = '{"x":[{"k":1,"k":2,"k":3}]}';
    const r = parseJson(text);
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([
      { kind: 'duplicateKey', key: 'k', span: { start: 13, end: 16 }, firstSpan: { start: 7, end: 10 }, path: ['x', 0] },
      { kind: 'duplicateKey', key: 'k', span: { start: 19, end: 22 }, firstSpan: { start: 7, end: 10 }, path: ['x', 0] },
    ]);
    if (r.ok) expect(toPlainValue(r.value)).toEqual({ x: [{ k: 3 }] });
  });

  it('finds repetitions in objects with many members', () => {
    const members = Array.from({ length: 50 }, (_, i) => `"k${i}":${i}`).join(',');
    const r = parseJson(`{${members},"k7":0,"k49":0}`);
    expect(r.warnings.map((w) => (w.kind === 'duplicateKey' ? w.key : ''))).toEqual(['k7', 'k49']);
    const v = parseJsonValue(`{${members},"k7":0}`);
    expect(v.warnings).toHaveLength(1);
    expect(v.ok && (v.value as Record<string, number>).k7).toBe(0);
  });
});

describe('hostile input', () => {
  it('keeps __proto__ and constructor as plain keys and never touches Object.prototype', () => {
    const text = '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"a":{"__proto__":[1]}}';
    for (const value of [toPlainValue(parseOk(text)), (parseJsonValue(text) as { value: unknown }).value]) {
      const v = value as Record<string, unknown>;
      expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
      expect(Object.prototype.hasOwnProperty.call(v, '__proto__')).toBe(true);
      expect(Object.getOwnPropertyDescriptor(v, '__proto__')?.value).toEqual({ polluted: true });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.keys(v)).toEqual(['__proto__', 'constructor', 'a']);
      expect(JSON.stringify(v)).toBe(text);
    }
  });

  it('refuses 10,000 levels of nesting with an error, not a stack overflow', () => {
    for (const text of ['['.repeat(10_000) + ']'.repeat(10_000), '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)]) {
      const e = errorOf(text);
      expect(e.code).toBe('tooDeep');
      expect(e.message).toContain('more than 256 levels');
      const plain = parseJsonValue(text);
      expect(plain.ok ? '' : plain.error.code).toBe('tooDeep');
    }
  });

  it('accepts exactly maxDepth levels and refuses one more', () => {
    expect(parseJson('[[[1]]]', { maxDepth: 3 }).ok).toBe(true);
    expect(errorOf('[[[[1]]]]', 3).code).toBe('tooDeep');
    expect(errorOf('[]', 0).code).toBe('tooDeep');
    expect(parseJson('1', { maxDepth: 0 }).ok).toBe(true);
  });

  it('treats a nonsensical maxDepth as the default 256, never as unlimited', () => {
    const text = '['.repeat(300) + ']'.repeat(300);
    for (const maxDepth of [NaN, -1, Infinity]) expect(errorOf(text, maxDepth).message).toContain('256');
  });

  it('handles 100,000 levels when allowed, without recursion', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    const r = parseJson(text, { maxDepth: 200_000 });
    expect(r.ok).toBe(true);
    if (r.ok) expect(Array.isArray(toPlainValue(r.value))).toBe(true);
    expect(parseJsonValue(text, { maxDepth: 200_000 }).ok).toBe(true);
  });

  it('parses a 100 KB string and a 100 KB run of escapes', () => {
    const big = 'x'.repeat(100_000);
    expect(toPlainValue(parseOk(`"${big}"`))).toBe(big);
    expect(toPlainValue(parseOk(`"${'\\n'.repeat(50_000)}"`))).toBe('\n'.repeat(50_000));
  });

  it('accepts lone surrogates (RFC 8259 §8.2) and warns about them', () => {
    for (const text of ['"\\ud800"', '"\\udc00x"', '"a\ud800"', '"\udfff"', '"\\ud800\\u0041"']) {
      const r = parseJson(text);
      expect(r.ok).toBe(true);
      expect(r.warnings.map((w) => w.kind)).toEqual(['loneSurrogate']);
    }
    expect(parseJson('"\\ud83d\\ude00 😀"').warnings).toEqual([]);
  });

  it('parses a 5 MB document in bounded time', () => {
    const statements = Array.from({ length: 13_000 }, (_, i) => ({
      Sid: `S${i}`, Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `arn:aws:s3:::bucket-${i}/*`,
      Condition: { StringEquals: { 'aws:PrincipalTag/team': ['blue', 'red'] }, NumericLessThan: { 's3:max-keys': 10 } },
    }));
    const text = JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
    expect(text.length).toBeGreaterThan(5_000_000);
    const t0 = performance.now();
    expect(parseJson(text).ok).toBe(true);
    const t1 = performance.now();
    expect(parseJsonValue(text).ok).toBe(true);
    const t2 = performance.now();
    expect(t1 - t0).toBeLessThan(5_000);
    expect(t2 - t1).toBeLessThan(5_000);
  });
});
