#!/usr/bin/env node
/**
 * `npm test`: every check, in order — type check, lint, unit tests (Vitest), the shipped
 * packs, production build, the first-paint size budget, end-to-end tests (Playwright
 * against that build). Each step is printed; every step runs even after a failure (except
 * those that need the build), so one run shows everything that is wrong. The last line is
 * exactly `N passed, N failed`, summed from Vitest's and Playwright's JSON reports (CI
 * reads it); the exit status is non-zero if any step failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';

const REPORTS = 'reports';
const VITEST_REPORT = `${REPORTS}/vitest.json`;
const PLAYWRIGHT_REPORT = `${REPORTS}/playwright.json`;

rmSync(VITEST_REPORT, { force: true });
rmSync(PLAYWRIGHT_REPORT, { force: true });
mkdirSync(REPORTS, { recursive: true });

const failedSteps = [];

function step(name, command, args) {
  const started = Date.now();
  console.log(`\n━━ ${name} ━━ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`━━ ${name}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds} s`);
  if (!ok) failedSteps.push(name);
  return ok;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

step('type check', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npm', ['run', '--silent', 'lint']);
step('unit tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_REPORT}`]);
// The shipped packs through the command teachers use (issue #7: "passes `npm run check` in CI").
const packs = readdirSync('public/packs').filter((name) => name.endsWith('.json')).map((name) => `public/packs/${name}`);
step('shipped packs', 'npm', ['run', '--silent', 'check', '--', ...packs]);
const built = step('build', npx, ['vite', 'build']);
// Sizes are deterministic: the first-paint budget (issue 9) is a check, not a benchmark.
if (built) step('size budget', process.execPath, ['scripts/size-budget.mjs', 'dist']);
if (built) step('end-to-end tests', npx, ['playwright', 'test']);
else {
  console.log('━━ end-to-end tests: skipped (the build failed)');
  failedSteps.push('end-to-end tests');
}

function readJson(file) {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

let passed = 0;
let failed = 0;

const vitest = readJson(VITEST_REPORT);
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  // A test file that fails to load has no failed test in it, but is a failure.
  if (!vitest.numFailedTests && vitest.numFailedTestSuites) failed += vitest.numFailedTestSuites;
} else if (!failedSteps.includes('unit tests')) {
  failedSteps.push('unit tests (no report)');
}

const playwright = readJson(PLAYWRIGHT_REPORT);
if (playwright?.stats) {
  // A flaky test passed on a retry: counted as passed, and named so it gets looked at.
  passed += (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0);
  failed += playwright.stats.unexpected ?? 0;
  if (playwright.stats.flaky) console.log(`note: ${playwright.stats.flaky} end-to-end test(s) passed only on a retry`);
} else if (built) {
  failedSteps.push('end-to-end tests (no report)');
}

// A failed step that has no tests of its own (type check, lint, build, a missing report) counts as one failure.
const testSteps = new Set(['unit tests', 'end-to-end tests']);
failed += failedSteps.filter((name) => !testSteps.has(name)).length;
if (failedSteps.length > 0) console.log(`\nfailed steps: ${failedSteps.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
