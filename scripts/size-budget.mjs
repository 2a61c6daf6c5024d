#!/usr/bin/env node
/**
 * The size budget of the built site (issue #9): the JavaScript needed for the first paint —
 * the page's entry script, every module it preloads and the larger language chunk (one is
 * loaded before the first render) — must stay within 150 kB gzip;
 * Monaco, the IAM data and the large views are loaded on demand. Sizes are deterministic, so
 * this is a check in `npm test` (times are not). Prints every chunk's size, marks the
 * first-paint ones, and exits 1 when the budget is exceeded.
 *
 * Usage: node scripts/size-budget.mjs [DIST]   (default: dist)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export const FIRST_PAINT_BUDGET_BYTES = 150 * 1000;

/** The scripts the page loads before anything is drawn: its module entry and its modulepreloads. */
export function firstPaintScripts(html) {
  const found = new Set();
  for (const match of html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)) found.add(match[1]);
  for (const match of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) found.add(match[1]);
  return [...found].map((src) => posix.normalize(src.replace(/^\.\//, '')));
}

function filesUnder(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, base) : [path.slice(base.length + 1).split('\\').join('/')];
  });
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

export function report(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const first = new Set(firstPaintScripts(html));
  const chunks = filesUnder(join(dist, 'assets'), dist)
    .filter((file) => /\.(js|css)$/.test(file))
    .map((file) => {
      const bytes = readFileSync(join(dist, file));
      return { file, raw: bytes.length, gzip: gzipSync(bytes).length, first: first.has(file) };
    })
    .sort((a, b) => Number(b.first) - Number(a.first) || b.gzip - a.gzip);
  // The learner's language is loaded before the first render (app/main.tsx): the larger of
  // the language chunks counts as first-paint JavaScript too.
  const languages = chunks.filter((c) => /(^|\/)catalog\.(en|ko)-[^/]*\.js$/.test(c.file));
  const language = languages.reduce((max, c) => (max === undefined || c.gzip > max.gzip ? c : max), undefined);
  if (language) language.first = true;
  const missing = [...first].filter((file) => !chunks.some((c) => c.file === file));
  const firstPaint = chunks.filter((c) => c.first && c.file.endsWith('.js')).reduce((sum, c) => sum + c.gzip, 0);
  return { chunks, firstPaint, missing, languages: languages.length };
}

if (process.argv[1]?.endsWith('size-budget.mjs')) {
  const dist = process.argv[2] ?? 'dist';
  const { chunks, firstPaint, missing, languages } = report(dist);
  console.log(`Chunks of ${dist} (gzip, raw); * = needed for the first paint`);
  for (const c of chunks) console.log(`${c.first ? '*' : ' '} ${kB(c.gzip).padStart(10)} ${kB(c.raw).padStart(11)}  ${c.file}`);
  const ok = firstPaint <= FIRST_PAINT_BUDGET_BYTES && missing.length === 0 && languages === 2;
  if (languages !== 2) console.log(`Expected the two language chunks (catalog.en, catalog.ko); found ${languages}.`);
  if (missing.length > 0) console.log(`The page loads ${missing.join(', ')}, which the build does not have.`);
  console.log(`${ok ? 'MET ' : 'MISS'}  first-paint JavaScript ${kB(firstPaint)} gzip   budget ≤ ${kB(FIRST_PAINT_BUDGET_BYTES)}`);
  process.exit(ok ? 0 : 1);
}
