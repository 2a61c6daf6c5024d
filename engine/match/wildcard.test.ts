import { describe, expect, it } from 'vitest';
import { compileGlob, compileGlobChunks, globMatches, matchGlob } from './wildcard';

// "IAM JSON policy elements: Resource" / "Condition operators" (StringLike): `*` is any
// combination of characters, `?` any single character.
const cases: [name: string, pattern: string, subject: string, expected: boolean][] = [
  ['literal matches itself', 'abc', 'abc', true],
  ['literal differs', 'abc', 'abd', false],
  ['literal is whole-string', 'abc', 'abcd', false],
  ['* alone matches everything', '*', 'anything at all', true],
  ['* alone matches the empty string', '*', '', true],
  ['* matches an empty sequence', 'a*b', 'ab', true],
  ['* matches any sequence', 'a*b', 'a-x/y:z-b', true],
  ['trailing * is a prefix', 'home/*', 'home/alice/notes.txt', true],
  ['trailing * needs the prefix', 'home/*', 'hom', false],
  ['leading * is a suffix', '*.jpg', 'x/y.jpg', true],
  ['? is exactly one character', 'a?c', 'abc', true],
  ['? does not match nothing', 'a?c', 'ac', false],
  ['? does not match two', 'a?c', 'abbc', false],
  ['several stars in order', 'a*b*c', 'a1b2c', true],
  ['pieces must be in order', 'a*b*c', 'a1c2b', false],
  ['last piece anchored at the end', '*ab', 'abxab', true],
  ['first and last may not overlap', 'ab*ba', 'aba', false],
  ['mixed ? and *', 'a?*?z', 'abz', false],
  ['mixed ? and * (long)', 'a?*?z', 'ab-cdz', true],
  ['consecutive stars act as one', 'a**b', 'axxb', true],
  ['empty pattern matches only empty', '', '', true],
  ['empty pattern, non-empty subject', '', 'x', false],
  ['case-sensitive by default', 'ABC', 'abc', false],
  ['middle piece with ?', '*a?c*', 'xxabcxx', true],
  ['middle piece with ? not found', '*a?c*', 'xxacxx', false],
];

describe('glob matching (IAM wildcards * and ?)', () => {
  it.each(cases)('%s: %s vs %s', (_name, pattern, subject, expected) => {
    expect(globMatches(pattern, subject)).toBe(expected);
    // The generic matcher agrees with the fast paths.
    expect(matchGlob(compileGlob(pattern).program, subject)).toBe(expected);
  });

  it('ignores case when asked (Action names are case-insensitive)', () => {
    expect(globMatches('S3:Get*', 's3:getobject', { ignoreCase: true })).toBe(true);
    expect(globMatches('s3:get?bject', 'S3:GETOBJECT', { ignoreCase: true })).toBe(true);
    expect(compileGlob('IAM:*AccessKey*', { ignoreCase: true }).testNormalized('iam:createaccesskey')).toBe(true);
  });

  it('agrees with a reference regex on random patterns', () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = ['a', 'b', '*', '?'];
    for (let t = 0; t < 2000; t++) {
      const pattern = Array.from({ length: rand(7) }, () => alphabet[rand(4)]).join('');
      const subject = Array.from({ length: rand(9) }, () => alphabet[rand(2)]).join('');
      const re = new RegExp(`^${pattern.replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');
      expect(globMatches(pattern, subject), `${pattern} vs ${subject}`).toBe(re.test(subject));
    }
  });

  it('matches the pathological *a*a*a*a*a*a*a*a*b against 100 KB in linear time', () => {
    const subject = 'a'.repeat(100_000);
    const glob = compileGlob('*a*a*a*a*a*a*a*a*b');
    const t0 = performance.now();
    expect(glob.test(subject)).toBe(false);
    expect(glob.test(subject + 'b')).toBe(true);
    expect(compileGlob('*a?a*a?a*a?a*a?a*b').test(subject)).toBe(false);
    expect(compileGlob('*aaaaaaaaaaaaaaaaaaaaaaaaaaaaaab*').test(subject)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it('treats slot text as literal: a substituted * is not a wildcard', () => {
    const program = compileGlobChunks([{ text: 'home/', wild: true }, { slot: 0 }, { text: '/*', wild: true }]);
    expect(matchGlob(program, 'home/alice/x', ['alice'])).toBe(true);
    expect(matchGlob(program, 'home/bob/x', ['alice'])).toBe(false);
    expect(matchGlob(program, 'home/*/x', ['*'])).toBe(true);
    expect(matchGlob(program, 'home/bob/x', ['*'])).toBe(false);
    // Literal (non-wild) text: ${*} and ${?}
    const literal = compileGlobChunks([{ text: 'a', wild: true }, { text: '*?', wild: false }]);
    expect(matchGlob(literal, 'a*?')).toBe(true);
    expect(matchGlob(literal, 'abc')).toBe(false);
  });

  it('matches from an offset without slicing', () => {
    const program = compileGlob('bucket/*').program;
    expect(matchGlob(program, 'arn:aws:s3:::bucket/key', [], 'arn:aws:s3:::'.length)).toBe(true);
    expect(matchGlob(program, 'arn:aws:s3:::other/key', [], 'arn:aws:s3:::'.length)).toBe(false);
  });
});
