import { describe, expect, it } from 'vitest';
import { childPath, formatJsonPath } from './jsonPath';

describe('JSON paths', () => {
  it('writes identifiers with a dot, other keys in brackets and indices as numbers', () => {
    expect(formatJsonPath(['Statement', 1, 'Condition', 'StringEquals', 'aws:username'])).toBe(
      '$.Statement[1].Condition.StringEquals["aws:username"]',
    );
    expect(childPath('$', 'a "b"')).toBe('$["a \\"b\\""]');
    expect(childPath('$', '__proto__')).toBe('$.__proto__');
    expect(formatJsonPath([])).toBe('$');
  });
});
