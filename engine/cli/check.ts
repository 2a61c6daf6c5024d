/**
 * `npm run check -- FILE.json [FILE2.json …] [--json]`: judges every request of every
 * scenario, answers every query and checks every exercise of every pack, as
 * ../shared/scenario-format.md specifies. Exit status: 0 when every expectation holds,
 * 1 when any does not, 2 when a file is not a valid scenario or pack.
 */
import { parseFileArgs } from './args';
import { readFileSync } from 'node:fs';
import { checkScenario, type ScenarioCheck } from '../check/checkScenario';
import { loadManagedPolicySourceNode } from '../data/nodeManagedPolicies';
import { nodeServiceCatalogue } from '../data/nodeServiceData';
import { parseDocumentText } from '../scenario/load';
import type { ScenarioJson } from '../scenario/types';

type JsonRow = Record<string, unknown>;

interface Report {
  readonly json: boolean;
  rows: JsonRow[];
  lines: string[];
  invalid: boolean;
  failed: boolean;
}

const USAGE = 'Usage: npm run --silent check -- FILE.json [FILE2.json …] [--json]';

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function reportCheck(file: string, label: string, check: ScenarioCheck, report: Report): void {
  if (!check.ok) {
    report.invalid = true;
    for (const fault of check.faults) report.lines.push(`  ${file}: ${fault.path}: ${fault.message}`);
    if (report.json) process.stderr.write(check.faults.map((f) => `${file}: ${f.path}: ${f.message}\n`).join(''));
    return;
  }
  if (label) report.lines.push(`  ${label}`);
  for (const r of check.requests) {
    report.rows.push({ file, id: r.id, decision: r.decision, expected: r.expected ?? null, ok: r.ok, reason: r.reason });
    const mark = r.expected === undefined ? '  -  ' : r.ok ? '  ok ' : 'FAIL ';
    const expected = r.expected === undefined ? '' : r.ok ? '' : `  (expected ${r.expected})`;
    // An IAM write the simulated IAM API applied changed the world for the requests after it.
    const applied = r.applied ? `  applied: ${r.applied.action} (${r.applied.summary.code})` : '';
    report.lines.push(`  ${mark} ${pad(r.id, 34)} ${pad(r.decision, 14)}${expected}${applied}`);
    if (r.decision !== 'allowed' || !r.ok) report.lines.push(`         ${r.reason}`);
    if (!r.ok) report.failed = true;
  }
  for (const q of check.queries) {
    report.rows.push({ file, id: q.id, principals: q.principals.map((p) => ({ arn: p.arn, via: [...p.via] })), expected: q.expected ?? null, ok: q.ok });
    report.lines.push(`  ${q.ok ? '  ok ' : 'FAIL '} ${pad(q.id, 34)} who can: ${q.principals.length} principal(s)`);
    for (const p of q.principals) report.lines.push(`         ${p.arn}${p.via.length ? ` via ${p.via.join(' → ')}` : ''}`);
    if (!q.ok) {
      report.failed = true;
      report.lines.push(`         expected ${q.mode === 'within' ? 'within' : 'exactly'}: ${(q.expected ?? []).join(', ')}`);
    }
  }
  const ex = check.exercise;
  if (ex) {
    report.rows.push({ file, exercise: ex.id, start: { met: ex.start.met, of: ex.start.of }, solution: ex.solution ? { met: ex.solution.met, of: ex.solution.of } : null, ok: ex.ok });
    const solution = ex.solution ? `${ex.solution.met}/${ex.solution.of}` : 'none';
    report.lines.push(`  ${ex.ok ? '  ok ' : 'FAIL '} exercise ${pad(ex.id, 25)} start meets ${ex.start.met}/${ex.start.of} goals, solution meets ${solution}`);
    if (!ex.ok) {
      report.failed = true;
      if (ex.start.met === ex.start.of) report.lines.push('         the starting world already meets every goal');
      for (const g of ex.solution?.goals ?? []) if (!g.met) report.lines.push(`         solution misses goal ${g.index + 1}: ${g.detail}`);
      if (!ex.solution) report.lines.push('         the exercise has no reference solution');
    }
  }
}

async function checkFile(path: string, report: Report): Promise<void> {
  const file = path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    report.invalid = true;
    const message = `${file}: $: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    report.lines.push(`  ${message}`);
    if (report.json) process.stderr.write(`${message}\n`);
    return;
  }
  const loaded = parseDocumentText(text);
  for (const w of loaded.warnings) process.stderr.write(`${file}: warning: ${w.path}: ${w.message}\n`);
  if (!loaded.ok) {
    report.invalid = true;
    for (const e of loaded.errors) report.lines.push(`  ${file}: ${e.path}: ${e.message}`);
    if (report.json) process.stderr.write(loaded.errors.map((e) => `${file}: ${e.path}: ${e.message}\n`).join(''));
    return;
  }
  const managed = loadManagedPolicySourceNode();
  const scenarios: { scenario: ScenarioJson; label: string; base: string }[] =
    loaded.kind === 'pack'
      ? loaded.pack.exercises.map((scenario, i) => ({ scenario, label: `exercise ${i + 1}`, base: `$.exercises[${i}]` }))
      : [{ scenario: loaded.scenario, label: '', base: '$' }];
  // A file with any fault is judged not at all: check every part before printing results.
  const checks: { check: ScenarioCheck; label: string }[] = [];
  for (const { scenario, label, base } of scenarios) {
    const check = await checkScenario(scenario, managed, { actions: nodeServiceCatalogue() });
    checks.push({ check: check.ok ? check : { ok: false, faults: check.faults.map((f) => ({ ...f, path: base + f.path.slice(1) })) }, label });
  }
  const faulty = checks.filter((c) => !c.check.ok);
  if (faulty.length > 0) {
    for (const c of faulty) reportCheck(file, '', c.check, report);
    return;
  }
  for (const c of checks) reportCheck(file, loaded.kind === 'pack' ? '' : c.label, c.check, report);
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseFileArgs(argv, USAGE);
  if (!args.ok) return 2;
  const { json, files } = args;
  const report: Report = { json, rows: [], lines: [], invalid: false, failed: false };
  for (const file of files) {
    const before = report.lines.length;
    await checkFile(file, report);
    if (!json) {
      process.stdout.write(`${file}\n${report.lines.slice(before).join('\n')}\n`);
    }
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(report.rows, null, 2)}\n`);
  } else {
    const requests = report.rows.length;
    const failed = report.rows.filter((r) => r['ok'] === false).length;
    process.stdout.write(`\n${requests - failed} of ${requests} expectations hold${report.invalid ? '; some files are not valid scenarios' : ''}.\n`);
  }
  return report.invalid ? 2 : report.failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`check: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
