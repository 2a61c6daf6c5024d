/**
 * `npx tsx engine/cli/lint.ts FILE.json [FILE2.json …] [--json]`: validates every policy of
 * a scenario or pack the way IAM Access Analyzer's policy validation does: the grammar
 * findings of `parsePolicy` and the service-data findings of `serviceFindings`, each with
 * the JSON path of its policy in the file, its class, its code and its message.
 *
 * The policies: accounts[].policies[].document (identity), the inlinePolicies of users,
 * groups and roles (identity, with their entity's aggregate size quota),
 * roles[].trustPolicy (trust), resources[].policy (resource), organization.policies[]
 * (SCP or RCP by type) and session policies of requests and goals (session); the same in
 * an exercise's reference solution, and in every exercise of a pack.
 *
 * Exit status: 0 when no finding is an error, 1 when one is, 2 when a file cannot be read or
 * is not a valid scenario or pack (or the command line is wrong).
 */
import { parseFileArgs } from './args';
import { readFileSync } from 'node:fs';
import { nodeServiceCatalogue } from '../data/nodeServiceData';
import type { ServiceCatalogue } from '../data/serviceData';
import { childPath } from '../policy/jsonPath';
import { parsePolicy } from '../policy/parse';
import { loadServicesFor, serviceFindings } from '../policy/serviceFindings';
import { checkAggregatePolicySize, type PolicySizeLimitName } from '../policy/sizeLimits';
import type { FindingSeverity, Policy, PolicyFinding, PolicyKind } from '../policy/types';
import { parseDocumentText } from '../scenario/load';
import type { AccountJson, GoalJson, OrganizationJson, RequestJson, ScenarioJson } from '../scenario/types';

const USAGE = 'Usage: npx tsx engine/cli/lint.ts FILE.json [FILE2.json …] [--json]';

/** Where a policy is in the file, and how it is used. */
interface PolicySite {
  /** The JSON path of the policy document in the file. */
  readonly path: string;
  readonly kind: PolicyKind;
  readonly document: unknown;
  /** For a resource-based policy: the ARN of its resource. */
  readonly resourceArn?: string;
  /** For an inline policy: the path of its entity's inlinePolicies and their aggregate quota. */
  readonly inline?: { readonly entity: string; readonly limit: PolicySizeLimitName };
}

/** One finding of one policy, as printed. */
interface LintRow {
  readonly file: string;
  /** The JSON path of the policy in the file. */
  readonly policy: string;
  readonly kind: PolicyKind;
  /** Where in the file: the policy's path followed by the path in the policy (for a policy given as text, the two with a space). */
  readonly path: string;
  readonly severity: FindingSeverity;
  readonly code: string;
  readonly message: string;
  readonly params: PolicyFinding['params'];
}

function inlineSites(base: string, policies: Readonly<Record<string, unknown>> | undefined, limit: PolicySizeLimitName, out: PolicySite[]): void {
  if (policies === undefined) return;
  const entity = childPath(base, 'inlinePolicies');
  for (const [name, document] of Object.entries(policies)) {
    out.push({ path: childPath(entity, name), kind: 'identity', document, inline: { entity, limit } });
  }
}

function worldSites(base: string, world: { readonly accounts?: readonly AccountJson[]; readonly organization?: OrganizationJson }, out: PolicySite[]): void {
  world.organization?.policies?.forEach((p, i) => {
    out.push({ path: `${base}.organization.policies[${i}].document`, kind: p.type === 'RCP' ? 'rcp' : 'scp', document: p.document });
  });
  world.accounts?.forEach((account, a) => {
    const at = `${base}.accounts[${a}]`;
    account.policies?.forEach((p, i) => out.push({ path: `${at}.policies[${i}].document`, kind: 'identity', document: p.document }));
    account.users?.forEach((u, i) => inlineSites(`${at}.users[${i}]`, u.inlinePolicies, 'userInlinePolicies', out));
    account.groups?.forEach((g, i) => inlineSites(`${at}.groups[${i}]`, g.inlinePolicies, 'groupInlinePolicies', out));
    account.roles?.forEach((r, i) => {
      out.push({ path: `${at}.roles[${i}].trustPolicy`, kind: 'trust', document: r.trustPolicy });
      inlineSites(`${at}.roles[${i}]`, r.inlinePolicies, 'roleInlinePolicies', out);
    });
    account.resources?.forEach((r, i) => {
      if (r.policy !== undefined) out.push({ path: `${at}.resources[${i}].policy`, kind: 'resource', document: r.policy, resourceArn: r.arn });
    });
  });
}

function sessionSite(path: string, request: RequestJson, out: PolicySite[]): void {
  if (request.session?.policy !== undefined) out.push({ path: `${path}.session.policy`, kind: 'session', document: request.session.policy });
}

function scenarioSites(base: string, scenario: ScenarioJson, out: PolicySite[]): void {
  worldSites(base, scenario, out);
  scenario.requests?.forEach((r, i) => sessionSite(`${base}.requests[${i}]`, r, out));
  const exercise = scenario.exercise;
  if (exercise === undefined) return;
  exercise.goals.forEach((g: GoalJson, i) => {
    if ('request' in g) sessionSite(`${base}.exercise.goals[${i}].request`, g.request, out);
  });
  if (exercise.solution !== undefined) worldSites(`${base}.exercise.solution`, exercise.solution, out);
}

function rowsOf(file: string, site: PolicySite, findings: readonly PolicyFinding[]): LintRow[] {
  return findings.map((f) => ({
    file,
    policy: site.path,
    kind: site.kind,
    path: typeof site.document === 'string' ? `${site.path} ${f.path}` : site.path + f.path.slice(1),
    severity: f.severity,
    code: f.code,
    message: f.message,
    params: f.params,
  }));
}

/** Every finding of every policy of one parsed file. */
async function lintSites(file: string, sites: readonly PolicySite[], catalogue: ServiceCatalogue): Promise<LintRow[]> {
  const rows: LintRow[] = [];
  const inline = new Map<string, { site: PolicySite; policies: Policy[] }>();
  for (const site of sites) {
    const parsed = parsePolicy(site.document, site.kind, site.inline ? { sizeLimit: null } : {});
    const findings = [...parsed.findings];
    if (parsed.ok) {
      await loadServicesFor(parsed.policy, catalogue);
      findings.push(...serviceFindings(parsed.policy, site.kind, catalogue, { resourceArn: site.resourceArn }));
      findings.sort((a, b) => a.span.start - b.span.start);
      if (site.inline) {
        const group = inline.get(site.inline.entity) ?? { site, policies: [] };
        group.policies.push(parsed.policy);
        inline.set(site.inline.entity, group);
      }
    }
    rows.push(...rowsOf(file, site, findings));
  }
  // Inline policies share their entity's quota (IAM and AWS STS quotas).
  for (const [entity, { site, policies }] of inline) {
    const limit = site.inline?.limit;
    const finding = limit === undefined ? undefined : checkAggregatePolicySize(policies, limit);
    if (finding) rows.push(...rowsOf(file, { ...site, path: entity, document: {} }, [finding]));
  }
  return rows;
}

interface Report {
  rows: LintRow[];
  policies: number;
  invalid: boolean;
}

async function lintFile(file: string, json: boolean, report: Report, catalogue: ServiceCatalogue): Promise<void> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    report.invalid = true;
    process.stderr.write(`${file}: $: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
    return;
  }
  const loaded = parseDocumentText(text);
  for (const w of loaded.warnings) process.stderr.write(`${file}: warning: ${w.path}: ${w.message}\n`);
  if (!loaded.ok) {
    report.invalid = true;
    const lines = loaded.errors.map((e) => `${file}: ${e.path}: ${e.message}\n`).join('');
    if (json) process.stderr.write(lines);
    else process.stdout.write(`${file}\n${lines.replace(/^/gm, '  ')}`);
    return;
  }
  const sites: PolicySite[] = [];
  if (loaded.kind === 'pack') loaded.pack.exercises.forEach((s, i) => scenarioSites(`$.exercises[${i}]`, s, sites));
  else scenarioSites('$', loaded.scenario, sites);
  const rows = await lintSites(file, sites, catalogue);
  report.rows.push(...rows);
  report.policies += sites.length;
  if (!json) {
    const width = Math.max(0, ...rows.map((r) => r.severity.length));
    const lines = rows.map((r) => `  ${r.severity.padEnd(width)}  ${r.path}\n  ${' '.repeat(width)}  ${r.code}: ${r.message}\n`);
    process.stdout.write(`${file}: ${sites.length} ${sites.length === 1 ? 'policy' : 'policies'}\n${lines.join('')}`);
  }
}

const LABELS: readonly [FindingSeverity, string][] = [
  ['error', 'error'],
  ['securityWarning', 'security warning'],
  ['warning', 'warning'],
  ['suggestion', 'suggestion'],
];

function summary(report: Report): string {
  const counts = LABELS.map(([severity, label]) => {
    const n = report.rows.filter((r) => r.severity === severity).length;
    return `${n} ${label}${n === 1 ? '' : 's'}`;
  });
  return `${report.policies} ${report.policies === 1 ? 'policy' : 'policies'}: ${counts.join(', ')}${report.invalid ? '; some files are not valid scenarios' : ''}.`;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseFileArgs(argv, USAGE);
  if (!args.ok) return 2;
  const { json, files } = args;
  const catalogue = nodeServiceCatalogue();
  const report: Report = { rows: [], policies: 0, invalid: false };
  for (const file of files) await lintFile(file, json, report, catalogue);
  if (json) process.stdout.write(`${JSON.stringify(report.rows, null, 2)}\n`);
  else process.stdout.write(`\n${summary(report)}\n`);
  return report.invalid ? 2 : report.rows.some((r) => r.severity === 'error') ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
