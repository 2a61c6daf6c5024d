/**
 * Imports of worlds from outside: the scenario file, the output of
 * `aws iam get-account-authorization-details`, and the AWS Organizations CLI (list-roots,
 * list-organizational-units-for-parent, list-accounts(-for-parent), list-children,
 * list-policies(-for-target), list-targets-for-policy, describe-policy,
 * describe-organization, describe-organizational-unit, describe-account). Every file is
 * untrusted input: a file that cannot be read as one of these fails with where and what,
 * and nothing is imported.
 *
 * What each file is comes from its shape (detect.ts). A scenario file is opened alone.
 * IAM and Organizations outputs combine: the pages of one listing, several accounts, and an
 * organization around them. Listings that do not print what they list (the parent of
 * `list-organizational-units-for-parent`, the policy of `list-targets-for-policy`) take it
 * from a top-level key the learner adds or from the file name (organizations.ts).
 * The world built is checked by the scenario validator before it is returned.
 */
import { parseJsonValue } from '../policy/json';
import { MAX_SCENARIO_CHARS } from '../scenario/load';
import { validateDocument } from '../scenario/validate';
import type { ScenarioJson } from '../scenario/types';
import type { WorldFault } from '../worker/protocol';
import { AuthorizationDetailsReader, IamFacts, type IamReadOptions } from './authorizationDetails';
import { buildAccounts } from './buildAccounts';
import { buildOrganization } from './buildOrganization';
import { detectKind, PAGINATION_KEYS, type ImportKind } from './detect';
import { at, ImportFaults, type Origin } from './faults';
import { OrganizationsReader, OrgFacts } from './organizations';
import { childPath, type JsonRecord } from './read';

export type { ImportKind } from './detect';

export interface ImportFile {
  /** The file's name, for messages. */
  readonly name: string;
  readonly text: string;
}

export type ImportOptions = IamReadOptions;

export type ImportResult =
  | {
      readonly ok: true;
      readonly scenario: ScenarioJson;
      /** What each file was read as (`scenario`, `authorizationDetails`, `organizations:list-policies`, …), in the order given. */
      readonly kinds: readonly { readonly name: string; readonly kind: ImportKind }[];
      /** Things kept out or guessed (e.g. an AWS managed policy's non-default version), with JSON paths. */
      readonly warnings: readonly WorldFault[];
    }
  | { readonly ok: false; readonly errors: readonly WorldFault[] };

/** At most this many files in one import (an organization's listings come one per OU and policy). */
export const MAX_IMPORT_FILES = 1000;
/** One file is at most as large as a scenario file may be. */
export const MAX_IMPORT_FILE_CHARS = MAX_SCENARIO_CHARS;
/** All files together. */
export const MAX_IMPORT_TOTAL_CHARS = 2 * MAX_SCENARIO_CHARS;
/** Scenario files are read with this depth, as the scenario loader reads them. */
const MAX_FILE_DEPTH = 128;

/** Top-level keys each kind may have besides pagination: its main key and the parameter a learner may add. */
const KNOWN_KEYS: Record<Exclude<ImportKind, 'scenario'>, readonly string[]> = {
  authorizationDetails: ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'],
  'organizations:describe-organization': ['Organization'],
  'organizations:list-roots': ['Roots'],
  'organizations:list-organizational-units-for-parent': ['OrganizationalUnits', 'ParentId'],
  'organizations:describe-organizational-unit': ['OrganizationalUnit', 'ParentId'],
  'organizations:list-accounts': ['Accounts', 'ParentId'],
  'organizations:list-accounts-for-parent': ['Accounts', 'ParentId'],
  'organizations:describe-account': ['Account', 'ParentId'],
  'organizations:list-children': ['Children', 'ParentId'],
  'organizations:list-policies': ['Policies', 'TargetId'],
  'organizations:list-policies-for-target': ['Policies', 'TargetId'],
  'organizations:describe-policy': ['Policy'],
  'organizations:list-targets-for-policy': ['Targets', 'PolicyId'],
};

interface ReadFile {
  readonly name: string;
  readonly kind: ImportKind;
  readonly value: JsonRecord;
}

/** A file name fit for a message: no control characters or backticks, not endless. */
function displayName(name: string): string {
  const clean = [...name].map((c) => (c === '`' || c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f) ? '?' : c)).join('');
  const shortened = clean.length > 120 ? `${clean.slice(0, 117)}…` : clean;
  return shortened === '' ? '(unnamed file)' : shortened;
}

function prefixed(file: string, faults: readonly WorldFault[]): WorldFault[] {
  return faults.map((f) => ({ path: `${file}: ${f.path}`, message: f.message }));
}

/** Parses one file and tells what it is; problems go to `faults`. */
function readFile(file: ImportFile, faults: ImportFaults): ReadFile | undefined {
  const name = displayName(file.name);
  const whole: Origin = { file: name, path: '$' };
  if (file.text.length > MAX_IMPORT_FILE_CHARS) {
    faults.error(whole, `\`${name}\` has ${file.text.length} characters; at most ${MAX_IMPORT_FILE_CHARS} are read.`);
    return undefined;
  }
  if (file.text.slice(0, 1000).includes('\u0000')) {
    faults.error(whole, `\`${name}\` looks like UTF-16 text (Windows PowerShell saves \`>\` output that way): save it as UTF-8, e.g. \`aws … | Out-File -Encoding utf8 ${name}\`.`);
    return undefined;
  }
  const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
  const parsed = parseJsonValue(text, { maxDepth: MAX_FILE_DEPTH });
  if (!parsed.ok) {
    faults.error(whole, `\`${name}\` is not JSON: ${parsed.error.message}.`);
    return undefined;
  }
  for (const w of parsed.warnings) {
    if (w.kind !== 'duplicateKey') continue;
    const path = w.path.reduce<string>((p, key) => childPath(p, key), '$');
    faults.warn({ file: name, path }, `Key \`${w.key}\` appears twice; the last one is used.`);
  }
  const detected = detectKind(parsed.value, name);
  if (!detected.ok) {
    faults.error(whole, detected.message);
    return undefined;
  }
  const value = parsed.value as JsonRecord;
  const kind = detected.kind === 'scenario' ? 'scenario' : OrganizationsReader.refineKind(detected.kind, value, name);
  if (kind !== 'scenario') {
    const known = KNOWN_KEYS[kind];
    for (const key of Object.keys(value)) {
      if (!known.includes(key) && !PAGINATION_KEYS.has(key)) faults.warn({ file: name, path: childPath('$', key) }, `Unknown property \`${key}\` is ignored.`);
    }
  }
  return { name, kind, value };
}

/** A scenario file: validated as the scenario loader does, its faults at its own JSON paths. */
function importScenario(file: ReadFile, faults: ImportFaults): ImportResult {
  const result = validateDocument(file.value);
  const warnings = [...faults.allWarnings(), ...prefixed(file.name, result.warnings)];
  if (!result.ok) return { ok: false, errors: prefixed(file.name, result.errors) };
  if (result.kind !== 'scenario') return { ok: false, errors: [{ path: `${file.name}: $.format`, message: `\`${file.name}\` is a pack of exercises, not a scenario: open it from the exercises.` }] };
  return { ok: true, scenario: result.scenario, kinds: [{ name: file.name, kind: 'scenario' }], warnings };
}

/** A fault of the built world, told at the place in the files it comes from. */
function located(fault: WorldFault, origins: readonly (readonly [string, Origin])[]): WorldFault {
  let best: readonly [string, Origin] | undefined;
  for (const entry of origins) {
    const [path] = entry;
    const inside = fault.path === path || fault.path.startsWith(`${path}.`) || fault.path.startsWith(`${path}[`);
    if (inside && (!best || path.length > best[0].length)) best = entry;
  }
  return best ? { path: at(best[1]), message: `${fault.message} (in the imported world at \`${fault.path}\`)` } : { path: `imported world: ${fault.path}`, message: fault.message };
}

/** Reads the files together into one world: a scenario file alone, or any mix of IAM and Organizations outputs. */
export function importFiles(files: readonly ImportFile[], options: ImportOptions = {}): ImportResult {
  if (files.length === 0) return { ok: false, errors: [{ path: '$', message: 'No files to import: choose a scenario file or AWS CLI outputs.' }] };
  if (files.length > MAX_IMPORT_FILES) return { ok: false, errors: [{ path: '$', message: `${files.length} files were given; at most ${MAX_IMPORT_FILES} are imported at once.` }] };
  const total = files.reduce((sum, f) => sum + f.text.length, 0);
  if (total > MAX_IMPORT_TOTAL_CHARS) return { ok: false, errors: [{ path: '$', message: `The files have ${total} characters together; at most ${MAX_IMPORT_TOTAL_CHARS} are read.` }] };

  const faults = new ImportFaults();
  const read = files.flatMap((file) => readFile(file, faults) ?? []);
  const scenarios = read.filter((f) => f.kind === 'scenario');
  const onlyScenario = scenarios[0];
  if (onlyScenario && files.length === 1) return importScenario(onlyScenario, faults);
  const names = files.map((f) => displayName(f.name));
  for (const f of scenarios) {
    const others = names.filter((n) => n !== f.name).map((n) => `\`${n}\``);
    faults.error({ file: f.name, path: '$' }, `\`${f.name}\` is a scenario file: it is opened alone, not mixed with other files (${others.join(', ')}).`);
  }

  // Every file is read even when another failed, so one attempt reports every problem.
  const iam = new IamFacts();
  const org = new OrgFacts();
  for (const file of read) {
    if (file.kind === 'scenario') continue;
    if (file.kind === 'authorizationDetails') new AuthorizationDetailsReader(file.name, iam, faults, options).read(file.value);
    else new OrganizationsReader(file.name, org, faults).read(file.kind, file.value);
  }
  if (faults.failed) return { ok: false, errors: faults.errors };
  const organization = buildOrganization(org, faults);
  const built = buildAccounts(iam, organization?.accountIds ?? [], faults);
  if (faults.failed) return { ok: false, errors: faults.errors };
  if (built.accounts.length === 0) {
    return { ok: false, errors: [{ path: `${read[0]?.name ?? ''}: $`, message: 'The files hold no account: nothing to import.' }] };
  }

  const scenario = {
    format: 'iam-playground/scenario',
    version: 1,
    ...(organization ? { organization: organization.organization } : {}),
    accounts: built.accounts,
  };
  const validated = validateDocument(scenario);
  if (!validated.ok || validated.kind !== 'scenario') {
    const origins = [...built.origins, ...(organization?.origins ?? [])];
    return { ok: false, errors: validated.ok ? [{ path: '$', message: 'The imported world is not a scenario.' }] : validated.errors.map((f) => located(f, origins)) };
  }
  return { ok: true, scenario: validated.scenario, kinds: read.map((f) => ({ name: f.name, kind: f.kind })), warnings: faults.allWarnings() };
}
