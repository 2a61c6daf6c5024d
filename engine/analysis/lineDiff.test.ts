import { describe, expect, it } from 'vitest';
import { lineDiff, MAX_DIFF_CELLS } from './lineDiff';

describe('line diff', () => {
  it('keeps the longest common subsequence and marks the rest removed or added, in reading order', () => {
    expect(lineDiff('a\nb\nc\nd', 'a\nc\nx\nd')).toEqual([
      { op: 'same', line: 'a' }, { op: 'removed', line: 'b' }, { op: 'same', line: 'c' }, { op: 'added', line: 'x' }, { op: 'same', line: 'd' },
    ]);
    expect(lineDiff('', 'a')).toEqual([{ op: 'added', line: 'a' }]);
    expect(lineDiff('a', '')).toEqual([{ op: 'removed', line: 'a' }]);
  });

  it('beyond the table limit the middle is replaced whole — still a true diff', () => {
    const big = Math.ceil(Math.sqrt(MAX_DIFF_CELLS)) + 1;
    const a = ['head', ...Array.from({ length: big }, (_, i) => `a${i}`), 'tail'].join('\n');
    const b = ['head', ...Array.from({ length: big }, (_, i) => `b${i}`), 'tail'].join('\n');
    const diff = lineDiff(a, b);
    expect(diff.filter((d) => d.op !== 'added').map((d) => d.line).join('\n')).toBe(a);
    expect(diff.filter((d) => d.op !== 'removed').map((d) => d.line).join('\n')).toBe(b);
    expect(diff[0]).toEqual({ op: 'same', line: 'head' });
  });
});
