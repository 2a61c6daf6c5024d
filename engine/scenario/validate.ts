/**
 * Validation of a scenario or pack value against the JSON Schema, then the rules a
 * schema cannot say (unique ids, references that must resolve). Every fault names the
 * JSON path where it is. Unknown properties are warnings, not faults, so a file written
 * for a newer version of the format still opens.
 */
import { Validator, type OutputUnit } from '@cfworker/json-schema';
import schema from './scenario.schema.json';
import { checkReferences } from './references';
import { findUnknownProperties } from './unknownProperties';
import { isScenarioShape } from './scenarioShape.generated';
import type { PackJson, ScenarioJson } from './types';

export interface ScenarioFault {
  /** JSON path, e.g. `$.accounts[0].users[1].groups[0]`. */
  readonly path: string;
  readonly message: string;
}

export type ValidationResult =
  | { readonly ok: true; readonly kind: 'scenario'; readonly scenario: ScenarioJson; readonly warnings: readonly ScenarioFault[] }
  | { readonly ok: true; readonly kind: 'pack'; readonly pack: PackJson; readonly warnings: readonly ScenarioFault[] }
  | { readonly ok: false; readonly errors: readonly ScenarioFault[]; readonly warnings: readonly ScenarioFault[] };

type SchemaDef = 'scenario' | 'pack' | 'request';
const validators = new Map<SchemaDef, Validator>();

function validatorFor(def: SchemaDef): Validator {
  let validator = validators.get(def);
  if (!validator) {
    const rooted = { ...schema, oneOf: undefined, $ref: `#/$defs/${def}` };
    validator = new Validator(rooted as object, '2020-12', false);
    validators.set(def, validator);
  }
  return validator;
}

/** `#/accounts/0/id` → `$.accounts[0].id` */
export function pointerToPath(pointer: string): string {
  const parts = pointer.replace(/^#\/?/, '').split('/').filter((p) => p !== '');
  let path = '$';
  for (const raw of parts) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(part) ? `[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`;
  }
  return path;
}

/** What a pattern of the schema expects, in words. */
const PATTERN_HINTS: Record<string, string> = {
  '^[0-9]{12}$': 'an AWS account id is 12 digits',
  '^arn:': 'an ARN starts with `arn:`',
  '^o-[a-z0-9]{10,32}$': 'an organization id is `o-` and 10 to 32 lower-case letters or digits',
  '^[A-Z0-9]+$': 'an access key id is upper-case letters and digits',
  '^[A-Z2-7]+=*$': 'a TOTP seed is base32 (A–Z, 2–7)',
  '^[A-Za-z0-9_.-]+$': 'a session name is letters, digits, `_`, `.` and `-`',
};

function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const raw of pointer.replace(/^#\/?/, '').split('/').filter((p) => p !== '')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    value = typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

/** Follows a keyword location such as `#/$ref/properties/id/pattern` through the schema's `$ref`s. */
function schemaAt(def: SchemaDef, pointer: string): unknown {
  let node: unknown = { $ref: `#/$defs/${def}` };
  for (const raw of pointer.replace(/^#\/?/, '').split('/').filter((p) => p !== '')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null) return undefined;
    const here = node as Record<string, unknown>;
    node = key === '$ref' && typeof here['$ref'] === 'string' ? valueAt(schema, here['$ref']) : here[key];
  }
  return node;
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return `\`${text.length > 60 ? `${text.slice(0, 57)}…` : text}\``;
}

/** The schema library reports every failing subschema; keep the most specific, readable ones. */
function schemaFaults(units: readonly OutputUnit[], root: unknown, def: SchemaDef): ScenarioFault[] {
  const seen = new Set<string>();
  const faults: ScenarioFault[] = [];
  // Container keywords only repeat what their children say.
  const summaries = new Set(['properties', 'items', '$ref', 'allOf', 'additionalProperties', 'prefixItems']);
  const specific = units.filter((u) => !summaries.has(u.keyword));
  for (const unit of specific.length > 0 ? specific : units) {
    const path = pointerToPath(unit.instanceLocation);
    const value = valueAt(root, unit.instanceLocation);
    const patternAt = schemaAt(def, unit.keywordLocation);
    const pattern = typeof patternAt === 'string' ? patternAt : undefined;
    const message =
      unit.keyword === 'pattern'
        ? `${describeValue(value)} is not valid here${PATTERN_HINTS[pattern ?? ''] ? `: ${PATTERN_HINTS[pattern ?? '']}` : ` (expected the pattern ${pattern ?? ''})`}.`
        : unit.keyword === 'type' || unit.keyword === 'minimum' || unit.keyword === 'maximum' || unit.keyword === 'minLength' || unit.keyword === 'maxLength' || unit.keyword === 'enum' || unit.keyword === 'const'
          ? `${describeValue(value)}: ${unit.error.replace(/^Instance /, 'value ')}`
          : unit.error.replace(/^Instance /, 'The value ');
    const key = `${path} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    faults.push({ path, message });
  }
  // A fault at the same place or deeper explains a failed anyOf/oneOf better than the combinator does.
  const combinator = /any subschemas|any of|one of/;
  const kept = faults.filter((f) => !(combinator.test(f.message) && faults.some((g) => g !== f && !combinator.test(g.message) && g.path.startsWith(f.path))));
  // Several "type is invalid" faults at one place (the alternatives of an anyOf) become one.
  const merged: ScenarioFault[] = [];
  for (const fault of kept) {
    const type = /^(`.*`): value type "(\w+)" is invalid\. Expected "(\w+)"\.$/.exec(fault.message);
    const previous = merged[merged.length - 1];
    const previousType = previous && previous.path === fault.path ? /^(`.*`): value type "(\w+)" is invalid\. Expected (.*)\.$/.exec(previous.message) : null;
    if (type && previousType) {
      merged[merged.length - 1] = { path: fault.path, message: `${type[1]}: value type "${type[2]}" is invalid. Expected ${previousType[3]} or "${type[3]}".` };
    } else {
      merged.push(fault);
    }
  }
  return merged;
}

function schemaCheck(value: unknown, def: SchemaDef, base = ''): ScenarioFault[] {
  const result = validatorFor(def).validate(value);
  if (result.valid) return [];
  return schemaFaults(result.errors, value, def).map((f) => ({ ...f, path: base ? base + f.path.slice(1) : f.path }));
}

const SIMPLE_REQUEST_KEYS = new Set(['id', 'principal', 'action', 'resource', 'context', 'expect']);

/**
 * A request of the most common shape, checked by hand: every field it has is one the
 * schema allows with the type it requires. INVARIANT: anything this accepts, the schema's
 * `request` definition accepts too; anything else goes to the schema, which gives the message.
 */
function isSimpleValidRequest(value: unknown): boolean {
  if (!isRecord(value)) return false;
  for (const key in value) if (!SIMPLE_REQUEST_KEYS.has(key)) return false;
  const { id, principal, action, resource, context, expect } = value;
  if (typeof principal !== 'string' || principal.length === 0) return false;
  if (typeof action !== 'string' || action.length === 0 || typeof resource !== 'string' || resource.length === 0) return false;
  if (id !== undefined && (typeof id !== 'string' || id.length === 0)) return false;
  if (expect !== undefined && (typeof expect !== 'string' || expect.length === 0)) return false;
  if (context !== undefined) {
    if (!isRecord(context)) return false;
    for (const key in context) {
      const v = context[key];
      if (typeof v !== 'string' && !(Array.isArray(v) && v.every((x) => typeof x === 'string'))) return false;
    }
  }
  return true;
}

/**
 * A valid scenario is recognised by the schema compiled ahead of time
 * (./scenarioShape.generated.ts, same verdicts, several times faster). An invalid one is
 * checked by the schema validator that gives the messages: its requests one by one (most
 * by hand, the rest by the schema), the rest of the file at once, so that a file of 50,000
 * requests is judged in a fraction of the time the generic validator takes alone.
 */
function validateScenarioValue(value: Record<string, unknown>): ScenarioFault[] {
  if (isScenarioShape(value)) return [];
  const requests = value['requests'];
  if (!Array.isArray(requests)) return schemaCheck(value, 'scenario');
  const errors = schemaCheck({ ...value, requests: [] }, 'scenario');
  requests.forEach((request, i) => {
    if (!isSimpleValidRequest(request)) errors.push(...schemaCheck(request, 'request', `$.requests[${i}]`));
  });
  return errors;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates a parsed JSON value as a scenario or a pack. */
export function validateDocument(value: unknown): ValidationResult {
  if (!isRecord(value)) {
    return { ok: false, errors: [{ path: '$', message: 'A scenario file must be a JSON object with "format": "iam-playground/scenario" (or a pack, "iam-playground/pack").' }], warnings: [] };
  }
  const format = value['format'];
  const def: SchemaDef | undefined = format === 'iam-playground/scenario' ? 'scenario' : format === 'iam-playground/pack' ? 'pack' : undefined;
  if (!def) {
    return {
      ok: false,
      errors: [{ path: '$.format', message: `\`format\` must be "iam-playground/scenario" or "iam-playground/pack", not ${JSON.stringify(format) ?? 'missing'}.` }],
      warnings: [],
    };
  }
  const warnings = findUnknownProperties(value, def);
  const shapeErrors = def === 'scenario' ? validateScenarioValue(value) : schemaCheck(value, def);
  if (shapeErrors.length > 0) return { ok: false, errors: shapeErrors, warnings };
  if (def === 'pack') {
    const pack = value as unknown as PackJson;
    const errors: ScenarioFault[] = [];
    const ids = new Set<string>();
    pack.exercises.forEach((exercise, i) => {
      const path = `$.exercises[${i}]`;
      if (!exercise.exercise) errors.push({ path, message: 'Every scenario of a pack must be an exercise (have an `exercise` field).' });
      else if (ids.has(exercise.exercise.id)) errors.push({ path: `${path}.exercise.id`, message: `Exercise id \`${exercise.exercise.id}\` is used twice in this pack.` });
      else ids.add(exercise.exercise.id);
      errors.push(...checkReferences(exercise, path));
    });
    return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, kind: 'pack', pack, warnings };
  }
  const scenario = value as unknown as ScenarioJson;
  const errors = checkReferences(scenario, '$');
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, kind: 'scenario', scenario, warnings };
}
