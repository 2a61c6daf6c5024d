/**
 * Every scenario and pack we have, judged by the engine: the decision fixtures (each
 * request named after the AWS rule it pins down), the shipped samples and packs, and the
 * shared examples. A request whose decision differs from its `expect` fails here by name.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../engine/check/checkScenario';
import { loadManagedPolicySourceNode } from '../engine/data/nodeManagedPolicies';
import { parseDocumentText } from '../engine/scenario/load';
import type { ScenarioJson } from '../engine/scenario/types';
import { fixtureFiles, repoRoot, sharedExampleFiles, shippedFiles } from './scenarioFiles';

const managed = loadManagedPolicySourceNode();

function scenariosOf(file: string): { label: string; scenario: ScenarioJson }[] {
  const loaded = parseDocumentText(readFileSync(file, 'utf8'));
  if (!loaded.ok) throw new Error(`${file} is not valid:\n${loaded.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  return loaded.kind === 'pack' ? loaded.pack.exercises.map((s, i) => ({ label: s.exercise?.id ?? `#${i}`, scenario: s })) : [{ label: '', scenario: loaded.scenario }];
}

const groups: [string, string[]][] = [
  ['decision fixtures', fixtureFiles()],
  ['shipped samples and packs', shippedFiles()],
  ['shared examples', sharedExampleFiles()],
];

// Judged up front (top-level await), so the tests below are declared synchronously.
const judged = await Promise.all(
  groups.map(async ([group, files]) => ({
    group,
    files: await Promise.all(
      files.map(async (file) => ({
        name: relative(repoRoot, file),
        parts: await Promise.all(scenariosOf(file).map(async ({ label, scenario }) => ({ label, check: await checkScenario(scenario, managed) }))),
      })),
    ),
  })),
);

for (const { group, files } of judged) {
  describe(group, () => {
    for (const { name, parts } of files) {
      for (const { label, check } of parts) {
        describe(`${name}${label ? ` › ${label}` : ''}`, () => {
          if (!check.ok) {
            it('compiles', () => expect.fail(check.faults.map((f) => `${f.path}: ${f.message}`).join('\n')));
            return;
          }
          for (const r of check.requests) {
            if (r.expected === undefined) continue;
            it(`${r.id}: ${r.expected}`, () => {
              expect(r.decision, r.reason).toBe(r.expected);
            });
          }
          for (const q of check.queries) {
            it(`query ${q.id}`, () => expect(q.ok, JSON.stringify(q.principals)).toBe(true));
          }
          if (check.exercise) {
            const ex = check.exercise;
            it(`exercise ${ex.id}: the starting world fails a goal and the solution meets all`, () => {
              expect(ex.start.met, 'the starting world must fail at least one goal').toBeLessThan(ex.start.of);
              expect(ex.solution?.goals.filter((g) => !g.met).map((g) => g.detail) ?? ['no solution']).toEqual([]);
            });
          }
        });
      }
    }
  });
}
