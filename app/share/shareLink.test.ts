import fc from 'fast-check';
import { Deflate, deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import {
  BROWSER_URL_LIMIT,
  decodeShareFragment,
  encodeShareFragment,
  MAX_FRAGMENT_CHARS,
  MAX_INFLATED_BYTES,
  PORTABLE_URL_LENGTH,
  SHARE_LINK_VERSION,
  shareUrl,
  shareUrlLength,
  shareUrlReach,
  type DecodeResult,
  type SharedWorld,
} from './shareLink';

const scenario = {
  format: 'iam-playground/scenario',
  version: 1,
  accounts: [{ id: '111122223333', users: [{ name: 'alice', managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }] }],
};

/** A fragment of any version, packed as that version packed it. */
function packed(version: number | string, payload: unknown): string {
  return `w=${version}.${encodeBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(payload))))}`;
}

function failure(result: DecodeResult): { reason: string; message: string } {
  if (result.ok) throw new Error('expected the link to be refused');
  return { reason: result.reason, message: result.message };
}

describe('base64url', () => {
  it('round-trips any bytes, without padding, in the URL-safe alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encodeBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(decodeBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it('agrees with Node\'s base64url', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(encodeBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
      }),
    );
  });

  it('refuses characters outside the alphabet and impossible lengths', () => {
    for (const bad of ['ab+c', 'ab/c', 'abc=', 'a b', 'é', 'abcde']) expect(decodeBase64Url(bad), bad).toBeUndefined();
  });
});

describe('round trips', () => {
  it('a world, its positions and its name come back as they went', async () => {
    const shared: SharedWorld = { scenario, positions: { 'user:111122223333/alice': { x: 12.5, y: -40 } }, name: 'Cross-account read' };
    const fragment = await encodeShareFragment(shared);
    expect(fragment).toMatch(new RegExp(`^w=${SHARE_LINK_VERSION}\\.[A-Za-z0-9_-]+$`));
    expect(await decodeShareFragment(fragment)).toEqual({ ok: true, shared, version: SHARE_LINK_VERSION });
    expect(await decodeShareFragment(`#${fragment}`)).toEqual({ ok: true, shared, version: SHARE_LINK_VERSION });
  });

  it('without a name, none comes back', async () => {
    const result = await decodeShareFragment(await encodeShareFragment({ scenario, positions: {} }));
    expect(result.ok && 'name' in result.shared).toBe(false);
  });

  it('only the three fields travel, whatever else the object holds', async () => {
    const extra = { scenario, positions: {}, secret: 'do not share' } as SharedWorld;
    const result = await decodeShareFragment(await encodeShareFragment(extra));
    expect(result.ok && Object.keys(result.shared)).toEqual(['scenario', 'positions']);
  });

  it('any JSON world, any positions, any name (property)', async () => {
    const world = fc.record({
      scenario: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })),
      positions: fc.dictionary(fc.string(), fc.record({ x: fc.double({ noNaN: true, noDefaultInfinity: true }), y: fc.integer() })),
      name: fc.option(fc.string({ unit: 'grapheme' }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const shared: SharedWorld = { scenario: w.scenario, positions: w.positions, ...(w.name !== undefined ? { name: w.name } : {}) };
        const result = await decodeShareFragment(await encodeShareFragment(shared));
        // JSON is the medium: what comes back is what JSON carries (-0 becomes 0).
        expect(result).toEqual({ ok: true, shared: JSON.parse(JSON.stringify(shared)) as unknown, version: SHARE_LINK_VERSION });
      }),
      { numRuns: 200 },
    );
  });

  it('a 2,000-entity world with a position for each', async () => {
    const users = Array.from({ length: 1000 }, (_, i) => ({ name: `user-${i}`, groups: [`group-${i % 50}`], tags: { team: `team-${i % 7}` } }));
    const roles = Array.from({ length: 950 }, (_, i) => ({
      name: `role-${i}`,
      trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::111122223333:user/user-${i}` }, Action: 'sts:AssumeRole' }] },
    }));
    const groups = Array.from({ length: 50 }, (_, i) => ({ name: `group-${i}` }));
    const big = { format: 'iam-playground/scenario', version: 1, accounts: [{ id: '111122223333', users, groups, roles }] };
    const positions = Object.fromEntries([...users, ...groups, ...roles].map((e, i) => [`node:${e.name}`, { x: (i % 40) * 180, y: Math.floor(i / 40) * 90 }]));
    const shared: SharedWorld = { scenario: big, positions, name: 'Big' };
    const fragment = await encodeShareFragment(shared);
    expect(await decodeShareFragment(fragment)).toEqual({ ok: true, shared, version: SHARE_LINK_VERSION });
    // Far smaller than the JSON, and within what Chromium opens.
    expect(fragment.length).toBeLessThan(JSON.stringify(shared).length / 5);
    expect(shareUrlReach(shareUrlLength('https://example.org/iam-playground/', fragment))).toBe('browsersOnly');
  });
});

describe('versions', () => {
  it('a version 1 link (the bare scenario) opens as version 2, with no positions and no name', async () => {
    expect(await decodeShareFragment(packed(1, scenario))).toEqual({ ok: true, shared: { scenario, positions: {} }, version: 1 });
  });

  it('a version 1 link holding something other than a scenario object is damaged', async () => {
    expect(failure(await decodeShareFragment(packed(1, [1, 2]))).reason).toBe('damaged');
  });

  it('a link of a future version is unknownVersion, with what to do', async () => {
    const result = failure(await decodeShareFragment(packed(SHARE_LINK_VERSION + 1, { anything: true })));
    expect(result.reason).toBe('unknownVersion');
    expect(result.message).toMatch(/newer version of the site .* reload the page/);
  });

  it('version 0 does not exist', async () => {
    expect(failure(await decodeShareFragment(packed(0, scenario))).reason).toBe('unknownVersion');
  });
});

describe('every way a link is refused', () => {
  it('notAShareLink: another fragment, or none', async () => {
    for (const fragment of ['', '#', '#section-2', 'x=2.abc', '#W=2.abc']) expect(failure(await decodeShareFragment(fragment)).reason, fragment).toBe('notAShareLink');
  });

  it('damaged: no version, or not the form w=<version>.<data>', async () => {
    for (const fragment of ['w=', 'w=abc', 'w=2', 'w=2abc', 'w=-1.abc', 'w=two.abc']) expect(failure(await decodeShareFragment(fragment)).reason, fragment).toBe('damaged');
  });

  it('damaged: characters base64url never has', async () => {
    const good = await encodeShareFragment({ scenario, positions: {} });
    const result = failure(await decodeShareFragment(`${good.slice(0, 10)}+/${good.slice(12)}`));
    expect(result).toEqual({ reason: 'damaged', message: expect.stringMatching(/characters a share link never has/) as unknown as string });
  });

  it('damaged: a link cut short (as some chat apps cut long links)', async () => {
    const good = await encodeShareFragment({ scenario, positions: {} });
    for (const cut of [good.length - 1, good.length - 3, 12]) {
      expect(failure(await decodeShareFragment(good.slice(0, cut))).reason, String(cut)).toBe('damaged');
    }
  });

  it('damaged: data that is not DEFLATE', async () => {
    const result = failure(await decodeShareFragment(`w=2.${encodeBase64Url(new TextEncoder().encode('plain text, never deflated'))}`));
    expect(result.reason).toBe('damaged');
    expect(result.message).toMatch(/does not unpack/);
  });

  it('damaged: corrupted bytes in the middle', async () => {
    const good = await encodeShareFragment({ scenario, positions: { a: { x: 1, y: 2 } }, name: 'n' });
    const bytes = decodeBase64Url(good.slice(4));
    if (!bytes) throw new Error('unreadable');
    let refused = 0;
    for (let i = 0; i < bytes.length; i++) {
      const copy = bytes.slice();
      copy[i] = (copy[i] ?? 0) ^ 0xff;
      const result = await decodeShareFragment(`w=2.${encodeBase64Url(copy)}`);
      // Flipped bits either break the stream (damaged) or give another valid world: never an exception.
      if (!result.ok) {
        expect(['damaged', 'tooLarge']).toContain(result.reason);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(0);
  });

  it('damaged: not UTF-8', async () => {
    expect(failure(await decodeShareFragment(`w=2.${encodeBase64Url(deflateSync(new Uint8Array([0xff, 0xfe, 0x7b])))}`)).message).toMatch(/not UTF-8/);
  });

  it('damaged: not JSON, or JSON nested deeper than a scenario file may be', async () => {
    expect(failure(await decodeShareFragment(`w=2.${encodeBase64Url(deflateSync(new TextEncoder().encode('{"scenario": ')))}`)).message).toMatch(/not JSON/);
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(failure(await decodeShareFragment(`w=2.${encodeBase64Url(deflateSync(new TextEncoder().encode(deep)))}`)).reason).toBe('damaged');
  });

  it('damaged: JSON of the wrong shape', async () => {
    const cases: unknown[] = [
      'a string',
      { positions: {} },
      { scenario: [], positions: {} },
      { scenario, positions: [] },
      { scenario, positions: { a: { x: '1', y: 2 } } },
      { scenario, positions: { a: { x: 1 } } },
      { scenario, positions: {}, name: 42 },
    ];
    for (const payload of cases) expect(failure(await decodeShareFragment(packed(2, payload))).reason, JSON.stringify(payload)).toBe('damaged');
  });

  it('tooLarge: a decompression bomb stops at the ceiling', async () => {
    const bomb = deflateSync(new Uint8Array(MAX_INFLATED_BYTES + 1024).fill(0x20), { level: 9 });
    const fragment = `w=2.${encodeBase64Url(bomb)}`;
    expect(fragment.length).toBeLessThan(40_000);
    const result = failure(await decodeShareFragment(fragment));
    expect(result.reason).toBe('tooLarge');
    expect(result.message).toMatch(new RegExp(`more than ${MAX_INFLATED_BYTES} bytes`));
  });

  it('tooLarge: a 64 MB bomb in many DEFLATE blocks stops at the ceiling too', async () => {
    const parts: Uint8Array[] = [];
    const deflater = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
    const megabyte = new Uint8Array(1024 * 1024);
    for (let i = 0; i < 64; i++) deflater.push(megabyte, i === 63);
    const bomb = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((offset, p) => (bomb.set(p, offset), offset + p.length), 0);
    expect(failure(await decodeShareFragment(`w=2.${encodeBase64Url(bomb)}`)).reason).toBe('tooLarge');
  });

  it('tooLarge: a fragment longer than any browser opens is not even read', async () => {
    const result = failure(await decodeShareFragment(`w=2.${'A'.repeat(MAX_FRAGMENT_CHARS)}`));
    expect(result.reason).toBe('tooLarge');
  });

  it('whitespace a mail client wraps into a long link is ignored', async () => {
    const good = await encodeShareFragment({ scenario, positions: {} });
    const wrapped = `${good.slice(0, 20)}\r\n ${good.slice(20)}`;
    expect((await decodeShareFragment(wrapped)).ok).toBe(true);
  });
});

describe('keys that could reach Object.prototype', () => {
  it('a node id `__proto__` is a plain position; nothing is polluted', async () => {
    const text = `{"scenario": {"format": "iam-playground/scenario", "__proto__": {"polluted": 1}}, "positions": {"__proto__": {"x": 1, "y": 2}}, "__proto__": {"polluted": 2}}`;
    const result = await decodeShareFragment(`w=2.${encodeBase64Url(deflateSync(new TextEncoder().encode(text)))}`);
    if (!result.ok) throw new Error(result.message);
    expect(Object.getPrototypeOf(result.shared.positions)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(result.shared.positions, '__proto__')?.value).toEqual({ x: 1, y: 2 });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(result.shared)).toEqual(['scenario', 'positions']);
  });
});

describe('the length of the address to share', () => {
  it('is the page address without its fragment, `#`, and the fragment', () => {
    expect(shareUrl('https://example.org/app/#w=1.old', 'w=2.abc')).toBe('https://example.org/app/#w=2.abc');
    expect(shareUrlLength('https://example.org/app/#w=1.old', 'w=2.abc')).toBe('https://example.org/app/#w=2.abc'.length);
    expect(shareUrlLength('https://example.org/app/', 'w=2.abc')).toBe(shareUrl('https://example.org/app/', 'w=2.abc').length);
  });

  it('tells where a link of that length gets through', () => {
    expect(shareUrlReach(PORTABLE_URL_LENGTH)).toBe('anywhere');
    expect(shareUrlReach(PORTABLE_URL_LENGTH + 1)).toBe('browsersOnly');
    expect(shareUrlReach(BROWSER_URL_LIMIT)).toBe('browsersOnly');
    expect(shareUrlReach(BROWSER_URL_LIMIT + 1)).toBe('tooLong');
  });

  it('a small world fits anywhere', async () => {
    expect(shareUrlReach(shareUrlLength('https://example.org/', await encodeShareFragment({ scenario, positions: {} })))).toBe('anywhere');
  });
});
