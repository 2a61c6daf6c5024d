import { describe, expect, it } from 'vitest';
import { EditRefusal } from './errors';
import { asDocument } from './documents';

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof EditRefusal) return error.error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('policy documents an edit brings', () => {
  it('accepts a JSON object as it is', () => {
    const doc = { Version: '2012-10-17', Statement: [] };
    expect(asDocument(doc, '$.x')).toBe(doc);
  });
  it('accepts JSON text of an object (the IAM API takes documents as text) and stores it parsed', () => {
    expect(asDocument('{"Version":"2012-10-17","Statement":[]}', '$.x')).toEqual({ Version: '2012-10-17', Statement: [] });
  });
  it.each([
    ['an array', []],
    ['null', null],
    ['a number', 3],
    ['JSON text of an array', '[1]'],
  ])('refuses %s with documentInvalid', (_what, value) => {
    const error = refusal(() => asDocument(value, '$.accounts[0].policies[1].document'));
    expect(error.code).toBe('documentInvalid');
    expect(error.path).toBe('$.accounts[0].policies[1].document');
    expect(error.field).toBe('document');
  });
  it('names the JSON syntax error of text that does not parse', () => {
    const error = refusal(() => asDocument('{"Version": ', '$.x'));
    expect(error.code).toBe('documentInvalid');
    expect(error.message).toMatch(/not valid JSON/);
  });
});
