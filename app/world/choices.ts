/**
 * What the request form offers: the world's principals (IAM users, root users, role
 * sessions) and resources (each listed ARN, plus an object pattern inside each bucket),
 * and the actions the scenario's policies and requests mention.
 */
import type { ScenarioJson } from '../../engine/scenario/types';
import { arn, DEFAULT_SESSION_NAME } from './arns';

export interface PrincipalChoice {
  readonly arn: string;
  readonly label: string;
  readonly group: 'users' | 'roots' | 'roles';
}

export function principalChoices(world: ScenarioJson): PrincipalChoice[] {
  const out: PrincipalChoice[] = [];
  for (const a of world.accounts) {
    const where = a.alias ?? a.id;
    for (const u of a.users ?? []) out.push({ arn: arn.user(a.id, u.name, u.path), label: `${u.name} · ${where}`, group: 'users' });
    out.push({ arn: arn.root(a.id), label: `root · ${where}`, group: 'roots' });
    for (const r of a.roles ?? []) {
      out.push({ arn: arn.roleSession(a.id, r.name, DEFAULT_SESSION_NAME), label: `${r.name}/${DEFAULT_SESSION_NAME} · ${where}`, group: 'roles' });
    }
  }
  return out;
}

export function resourceChoices(world: ScenarioJson): string[] {
  const out = new Set<string>();
  for (const a of world.accounts) {
    for (const r of a.resources ?? []) {
      out.add(r.arn);
      // A bucket's objects are what most S3 lessons ask about.
      if (/^arn:[^:]+:s3:::[^/]+$/.test(r.arn)) out.add(`${r.arn}/example.txt`);
    }
  }
  for (const r of world.requests ?? []) out.add(r.resource);
  return [...out];
}

/** Every action string the world's documents and requests name, without wildcards, sorted. */
export function actionChoices(world: ScenarioJson): string[] {
  const out = new Set<string>();
  const visit = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) value.forEach((v) => visit(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
    else if (typeof value === 'string' && (key === 'Action' || key === 'NotAction') && /^[\w-]+:[A-Za-z0-9]+$/.test(value)) out.add(value);
  };
  visit(world.accounts);
  for (const r of world.requests ?? []) out.add(r.action);
  return [...out].sort();
}
