/**
 * The shipped curriculum (issue #7): written one exercise per file under curriculum/, served
 * as one pack in public/. Whether each exercise's starting world fails and its solution
 * meets its goals is judged with every other shipped pack in scenarios.test.ts; here, what
 * makes it a course: the pack is up to date, every text is in Korean and English, the
 * course covers its outline in order, and every privilege-escalation path is there to
 * exploit and then to fix.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../engine/scenario/load';
import type { LocalizedText, PackJson, ScenarioJson } from '../engine/scenario/types';
import { assemblePack, exerciseFiles, PACK_FILE } from '../scripts/curriculum';
import { repoRoot } from './scenarioFiles';

const packText = readFileSync(join(repoRoot, PACK_FILE), 'utf8');
const loaded = parseDocumentText(packText);
const pack: PackJson | undefined = loaded.ok && loaded.kind === 'pack' ? loaded.pack : undefined;
const exercises: readonly ScenarioJson[] = pack?.exercises ?? [];

/** The course outline the issue asks for, in course order (some topics take two exercises). */
const OUTLINE = [
  'root-user', 'iam-groups', 'first-policy', 'managed-and-inline', 'least-privilege',
  'condition-source-ip', 'condition-time-window', 'condition-mfa', 'policy-variables', 'abac-tags',
  'credential-rotation', 'permissions-boundary', 'role-trust-policy', 'cross-account-role', 'external-id',
  'cross-account-bucket', 'public-bucket', 'notprincipal-pitfall', 'session-policy', 'scp-deny-list',
  'scp-allow-list', 'rcp-perimeter', 'web-identity-federation', 'instance-profile', 'passrole-escalation',
  'passrole-restrict', 'tampered-signature',
];

const HANGUL = /[\uac00-\ud7a3]/;

function texts(scenario: ScenarioJson): [string, LocalizedText | undefined][] {
  const ex = scenario.exercise;
  return [
    ['title', scenario.title],
    ['description', scenario.description],
    ['task', ex?.task],
    ['explanation', ex?.explanation],
    ...(ex?.hints ?? []).map((h, i): [string, LocalizedText] => [`hints[${i}]`, h]),
    ...(ex?.goals ?? []).map((g, i): [string, LocalizedText | undefined] => [`goals[${i}].label`, g.label]),
  ];
}

describe('the shipped curriculum', () => {
  it('is a valid pack', () => {
    expect(loaded.ok ? loaded.kind : loaded.errors).toBe('pack');
  });

  it('is assembled from curriculum/ (run `npm run curriculum` after changing an exercise)', () => {
    expect(packText === assemblePack(repoRoot)).toBe(true);
  });

  it('has at least 24 exercises, each file named after its exercise id', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(24);
    const files = exerciseFiles(repoRoot).map((file) => basename(file, '.json').replace(/^\d{2}-/, ''));
    expect(exercises.map((s) => s.exercise?.id)).toEqual(files);
    expect(new Set(files).size).toBe(files.length);
  });

  it('follows the course outline in order', () => {
    const ids = exercises.map((s) => s.exercise?.id ?? '');
    const positions = OUTLINE.map((id) => ids.indexOf(id));
    expect(OUTLINE.filter((_, i) => positions[i] === -1)).toEqual([]);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('says everything in Korean and in English', () => {
    const missing: string[] = [];
    for (const scenario of exercises) {
      const id = scenario.exercise?.id ?? '?';
      for (const [where, text] of texts(scenario)) {
        if (typeof text !== 'object' || !text.en?.trim() || !text.ko?.trim()) missing.push(`${id} ${where}: needs en and ko`);
        else if (!HANGUL.test(text.ko)) missing.push(`${id} ${where}: the Korean text has no Korean`);
      }
      if ((scenario.exercise?.hints?.length ?? 0) < 2) missing.push(`${id}: needs at least two hints`);
    }
    expect(missing).toEqual([]);
  });

  it('has at least five privilege-escalation paths, each to exploit (by requests) and then to fix', () => {
    const byId = new Map(exercises.map((s) => [s.exercise?.id ?? '', s.exercise]));
    const paths = [...byId.keys()].filter((id) => id.startsWith('escalate-')).map((id) => id.slice('escalate-'.length));
    const complete = paths.filter((path) => {
      const exploit = byId.get(`escalate-${path}`);
      const fix = byId.get(`fix-${path}`);
      return exploit?.worldLocked === true && (exploit.solution?.steps?.length ?? 0) > 0 && fix !== undefined && fix.worldLocked !== true && fix.solution?.accounts !== undefined;
    });
    expect(complete.length, `complete paths: ${complete.join(', ')}`).toBeGreaterThanOrEqual(5);
    // Each fix comes after its exploit.
    const ids = exercises.map((s) => s.exercise?.id);
    for (const path of complete) expect(ids.indexOf(`fix-${path}`)).toBeGreaterThan(ids.indexOf(`escalate-${path}`));
  });

  it('has goals that the obvious over-broad answer cannot meet (a denial or a limit in every exercise)', () => {
    const without = exercises
      .filter((s) => !(s.exercise?.goals ?? []).some((g) => ('request' in g && g.expect !== 'allowed') || 'noneAllowed' in g || ('whoCan' in g && (g.within !== undefined || g.expect !== undefined))))
      .map((s) => s.exercise?.id);
    // Exploit exercises are judged on what the learner did; their world is locked.
    expect(without.filter((id) => !id?.startsWith('escalate-') && id !== 'passrole-escalation')).toEqual([]);
  });
});
