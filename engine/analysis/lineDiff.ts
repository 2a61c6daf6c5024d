/**
 * A line diff (longest common subsequence), as `diff` prints it: lines kept, removed from
 * the old text, added in the new one, in reading order. Policies are small; the common head
 * and tail are trimmed first, and a pair too large for the table (a huge AWS managed policy
 * against a huge generated one) falls back to "all removed, all added" — still a true diff,
 * only not the shortest.
 */

export interface DiffLine {
  readonly op: 'same' | 'added' | 'removed';
  readonly line: string;
}

/** The largest LCS table built (cells); beyond it the middle is reported as replaced. */
export const MAX_DIFF_CELLS = 4_000_000;

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const out: DiffLine[] = a.slice(0, head).map((line) => ({ op: 'same', line }));
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  out.push(...middle(midA, midB));
  out.push(...a.slice(a.length - tail).map((line): DiffLine => ({ op: 'same', line })));
  return out;
}

function middle(a: readonly string[], b: readonly string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > MAX_DIFF_CELLS) {
    return [...a.map((line): DiffLine => ({ op: 'removed', line })), ...b.map((line): DiffLine => ({ op: 'added', line }))];
  }
  // lcs[i][j] = LCS length of a[i..] and b[j..], row-major in one array.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', line: a[i]! });
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      out.push({ op: 'removed', line: a[i++]! });
    } else {
      out.push({ op: 'added', line: b[j++]! });
    }
  }
  while (i < n) out.push({ op: 'removed', line: a[i++]! });
  while (j < m) out.push({ op: 'added', line: b[j++]! });
  return out;
}
