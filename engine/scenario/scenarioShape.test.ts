import { Validator } from '@cfworker/json-schema';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED, scenarioShapeSource } from '../../scripts/scenario-shape';
import schema from './scenario.schema.json';
import { isScenarioShape } from './scenarioShape.generated';

/** The schema validator that gives the messages (./validate.ts), for its verdict. */
const messages = new Validator({ ...schema, oneOf: undefined, $ref: '#/$defs/scenario' } as object, '2020-12', false);
const schemaSays = (value: unknown) => messages.validate(value).valid;

const root = new URL('../../', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as unknown;
const fixtures = readdirSync(new URL('tests/fixtures/', root)).filter((f) => f.endsWith('.json'));
/** Every scenario the project ships or tests with: fixtures, the sample, the exercises of the packs. */
const scenarios: unknown[] = [
  ...fixtures.map((f) => read(`tests/fixtures/${f}`)),
  read('public/samples/starter.json'),
  ...(read('public/packs/iam-foundations.json') as { exercises: unknown[] }).exercises,
].filter((s) => (s as { format?: string }).format === 'iam-playground/scenario');

/** Every place in a JSON value: the path of keys and indices to it. */
function places(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const here = [path];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => places(v, [...path, i])));
  if (typeof value === 'object' && value !== null) return here.concat(...Object.entries(value).map(([k, v]) => places(v, [...path, k])));
  return here;
}

type Container = Record<string | number, unknown>;

/** Values that break, or happen to satisfy, what the schema asks of a place. */
const REPLACEMENTS: unknown[] = [
  '', 'x', 'Allow', 'Deny', 'Active', 'Inactive', 'SCP', 'RCP', '*', '123456789012', '12345678901', 'o-abcdefghij', 'ou-ab12-cdefgh34',
  'AKIAIOSFODNN7EXAMPLE', 'akia', '2026-01-02T03:04:05Z', '2026-13-02T03:04:05Z', 'arn:aws:iam::123456789012:user/a', 'é'.repeat(130),
  0, 1, -1, 1.5, 3600, 43200, 99999, true, false, null, [], [1], ['x'], {}, { en: 'x' }, { en: 1 },
];

type Mutation = { kind: 'replace'; place: number; with: number } | { kind: 'delete'; place: number } | { kind: 'add'; place: number; with: number };

function mutate(scenario: unknown, mutation: Mutation): unknown {
  const copy = structuredClone(scenario);
  const all = places(copy);
  const path = all[mutation.place % all.length] as (string | number)[];
  const replacement = structuredClone(REPLACEMENTS[(mutation.kind === 'delete' ? 0 : mutation.with) % REPLACEMENTS.length]);
  if (path.length === 0) return mutation.kind === 'replace' ? replacement : copy;
  const parent = path.slice(0, -1).reduce<unknown>((at, key) => (at as Container)[key], copy) as Container;
  const key = path[path.length - 1] as string | number;
  if (mutation.kind === 'replace') parent[key] = replacement;
  else if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else {
    const target = parent[key];
    if (Array.isArray(target)) target.push(replacement);
    else if (typeof target === 'object' && target !== null) (target as Container)['extra'] = replacement;
  }
  return copy;
}

describe('isScenarioShape: the schema compiled ahead of time', () => {
  it('is up to date with the schema (regenerate: npx tsx scripts/scenario-shape.ts)', () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(scenarioShapeSource());
  });

  it('accepts every scenario the project ships and tests with, as the schema validator does', () => {
    expect(scenarios.length).toBeGreaterThan(30);
    for (const scenario of scenarios) expect([isScenarioShape(scenario), schemaSays(scenario)]).toEqual([true, true]);
  });

  it('gives the schema validator\'s verdict on thousands of broken variants of them', () => {
    const mutation: fc.Arbitrary<Mutation> = fc.oneof(
      fc.record({ kind: fc.constant('replace' as const), place: fc.nat(), with: fc.nat() }),
      fc.record({ kind: fc.constant('delete' as const), place: fc.nat() }),
      fc.record({ kind: fc.constant('add' as const), place: fc.nat(), with: fc.nat() }),
    );
    let rejected = 0;
    fc.assert(
      fc.property(fc.nat(scenarios.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (index, mutations) => {
        const variant = mutations.reduce((value, m) => mutate(value, m), scenarios[index]);
        const verdict = schemaSays(variant);
        if (!verdict) rejected++;
        expect(isScenarioShape(variant)).toBe(verdict);
      }),
      { numRuns: 3000, seed: 20261124 },
    );
    // The variants must exercise both verdicts, or the comparison proves little.
    expect(rejected).toBeGreaterThan(500);
    expect(rejected).toBeLessThan(2900);
  });
});
