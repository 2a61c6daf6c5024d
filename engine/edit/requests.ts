/**
 * The scenario's requests (and an exercise's goals) name principals and entities by ARN.
 * A rename rewrites every ARN string that names the renamed entity; a delete drops the
 * requests whose caller is gone (the scenario would no longer validate) and then the
 * requests that use a session (`$NAME`) only a dropped request created.
 *
 * The learner's saved requests (the console's "Save") are edits too: added, replaced,
 * removed and moved here, and refused when the scenario file would no longer validate
 * (an id missing or used twice, a caller that is not a principal, a `$NAME` no earlier
 * request creates …), so what is saved always exports as a valid scenario.
 */
import { parsePrincipalName } from '../model/principalArn';
import { checkReferences } from '../scenario/references';
import type { GoalJson, QueryJson, RequestJson, ScenarioJson, SessionJson } from '../scenario/types';
import { refuse } from './errors';

/** Maps one string; returns it unchanged when it is not one to rewrite. */
export type ArnMapper = (text: string) => string;

const IAM_ENTITY_ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):iam::(\d{12}):(user|group|role|policy)(\/(?:[\u0021-\u007E]*\/)?)([\w+=,.@-]+)$/;
const ASSUMED_ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):sts::(\d{12}):assumed-role\/([\w+=,.@-]+)\/([\w+=,.@-]+)$/;

/**
 * The mapper for an IAM entity that is renamed or moved to another path: its ARNs (any path,
 * the same name) become the ARN with the new name and path; a role's sessions
 * (`assumed-role/ROLE/SESSION`) follow the role's name.
 */
export function entityArnMapper(kind: 'user' | 'group' | 'role' | 'policy', account: string, oldName: string, newName: string, newPath: string): ArnMapper {
  return (text) => {
    const entity = IAM_ENTITY_ARN.exec(text);
    if (entity && entity[2] === account && entity[3] === kind && entity[5] === oldName) return `arn:${entity[1]}:iam::${account}:${kind}${newPath}${newName}`;
    if (kind === 'role') {
      const session = ASSUMED_ROLE_ARN.exec(text);
      if (session && session[2] === account && session[3] === oldName) return `arn:${session[1]}:sts::${account}:assumed-role/${newName}/${session[4]}`;
    }
    return text;
  };
}

/** The mapper for a resource whose ARN changes: the ARN itself and what lies under it (`bucket/key`). */
export function resourceArnMapper(oldArn: string, newArn: string): ArnMapper {
  return (text) => (text === oldArn ? newArn : text.startsWith(`${oldArn}/`) ? newArn + text.slice(oldArn.length) : text);
}

function mapList(list: readonly string[] | undefined, map: ArnMapper): readonly string[] | undefined {
  if (!list) return list;
  const mapped = list.map(map);
  return mapped.some((v, i) => v !== list[i]) ? mapped : list;
}

function mapParams(params: Readonly<Record<string, unknown>> | undefined, map: ArnMapper): Readonly<Record<string, unknown>> | undefined {
  if (!params) return params;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    let next = value;
    if (typeof value === 'string') next = map(value);
    else if (Array.isArray(value)) {
      const mapped = value.map((v: unknown) => (typeof v === 'string' ? map(v) : v));
      if (mapped.some((v, i) => v !== value[i])) next = mapped;
    }
    if (next !== value) changed = true;
    out[key] = next;
  }
  return changed ? out : params;
}

function mapSession(session: SessionJson | undefined, map: ArnMapper): SessionJson | undefined {
  if (!session) return session;
  const issuer = session.issuer === undefined ? undefined : map(session.issuer);
  const policyArns = mapList(session.policyArns, map);
  if (issuer === session.issuer && policyArns === session.policyArns) return session;
  return { ...session, ...(issuer !== undefined ? { issuer } : {}), ...(policyArns !== undefined ? { policyArns } : {}) };
}

/** A request with every ARN it holds mapped (the same object when none changes). */
export function mapRequest(request: RequestJson, map: ArnMapper): RequestJson {
  const principal = request.principal === undefined ? undefined : map(request.principal);
  const resource = map(request.resource);
  const session = mapSession(request.session, map);
  const params = mapParams(request.params, map);
  if (principal === request.principal && resource === request.resource && session === request.session && params === request.params) return request;
  return {
    ...request,
    ...(principal !== undefined ? { principal } : {}),
    resource,
    ...(session !== undefined ? { session } : {}),
    ...(params !== undefined ? { params } : {}),
  };
}

function mapQuery(query: QueryJson, map: ArnMapper): QueryJson {
  const resource = map(query.whoCan.resource);
  const expect = mapList(query.expect, map);
  const within = mapList(query.within, map);
  if (resource === query.whoCan.resource && expect === query.expect && within === query.within) return query;
  return { ...query, whoCan: { ...query.whoCan, resource }, ...(expect ? { expect } : {}), ...(within ? { within } : {}) };
}

function mapGoal(goal: GoalJson, map: ArnMapper): GoalJson {
  if ('request' in goal) {
    const request = mapRequest(goal.request, map);
    return request === goal.request ? goal : { ...goal, request };
  }
  if ('noneAllowed' in goal) {
    const principal = map(goal.noneAllowed.principal);
    const resources = mapList(goal.noneAllowed.resources, map) ?? goal.noneAllowed.resources;
    if (principal === goal.noneAllowed.principal && resources === goal.noneAllowed.resources) return goal;
    return { ...goal, noneAllowed: { ...goal.noneAllowed, principal, resources } };
  }
  if ('performed' in goal) {
    const resource = map(goal.performed.resource);
    const principal = goal.performed.principal === undefined ? undefined : map(goal.performed.principal);
    if (resource === goal.performed.resource && principal === goal.performed.principal) return goal;
    return { ...goal, performed: { ...goal.performed, resource, ...(principal === undefined ? {} : { principal }) } };
  }
  const resource = map(goal.whoCan.resource);
  const expect = mapList(goal.expect, map);
  const within = mapList(goal.within, map);
  const includes = mapList(goal.includes, map);
  if (resource === goal.whoCan.resource && expect === goal.expect && within === goal.within && includes === goal.includes) return goal;
  return { ...goal, whoCan: { ...goal.whoCan, resource }, ...(expect ? { expect } : {}), ...(within ? { within } : {}), ...(includes ? { includes } : {}) };
}

function mapAll<T>(list: readonly T[] | undefined, map: (item: T) => T): readonly T[] | undefined {
  if (!list) return list;
  const mapped = list.map(map);
  return mapped.some((v, i) => v !== list[i]) ? mapped : list;
}

/** Rewrites every ARN in the requests, queries and exercise goals of a world. */
export function mapRequestArns(world: ScenarioJson, map: ArnMapper): ScenarioJson {
  const requests = mapAll(world.requests, (r) => mapRequest(r, map));
  const queries = mapAll(world.queries, (q) => mapQuery(q, map));
  const goals = world.exercise ? mapAll(world.exercise.goals, (g) => mapGoal(g, map)) : undefined;
  if (requests === world.requests && queries === world.queries && goals === world.exercise?.goals) return world;
  return {
    ...world,
    ...(requests ? { requests } : {}),
    ...(queries ? { queries } : {}),
    ...(world.exercise && goals ? { exercise: { ...world.exercise, goals } } : {}),
  };
}

/** What a request depends on that a delete may take away. */
export interface RequestCaller {
  readonly kind: 'user' | 'role' | 'root' | 'federatedUser';
  readonly account: string;
  readonly name?: string;
}

/** The callers a request needs (its principal and, for a federated user, its issuer). */
export function callersOf(request: RequestJson): RequestCaller[] {
  const out: RequestCaller[] = [];
  const name = request.principal === undefined ? undefined : parsePrincipalName(request.principal);
  if (name?.kind === 'user') out.push({ kind: 'user', account: name.account, name: name.name });
  else if (name?.kind === 'assumedRole') out.push({ kind: 'role', account: name.account, name: name.roleName });
  else if (name?.kind === 'root') out.push({ kind: 'root', account: name.account });
  else if (name?.kind === 'federatedUser') out.push({ kind: 'federatedUser', account: name.account });
  const issuer = request.session?.issuer === undefined ? undefined : parsePrincipalName(request.session.issuer);
  if (issuer?.kind === 'user') out.push({ kind: 'user', account: issuer.account, name: issuer.name });
  return out;
}

/** The ids (or positions) of requests that `gone` says lose their caller, and of requests that use their sessions. */
export function requestsLosingCaller(world: ScenarioJson, gone: (caller: RequestCaller) => boolean): { kept: RequestJson[]; dropped: string[] } {
  const kept: RequestJson[] = [];
  const dropped: string[] = [];
  const sessions = new Set<string>();
  (world.requests ?? []).forEach((request, i) => {
    const usesSession = request.principal?.startsWith('$') ? request.principal.slice(1) : undefined;
    const lost = callersOf(request).some(gone) || (usesSession !== undefined && !sessions.has(usesSession));
    if (lost) {
      dropped.push(request.id ?? `#${i + 1}`);
      return;
    }
    if (request.as) sessions.add(request.as);
    kept.push(request);
  });
  return { kept, dropped };
}

/** The world without the requests a delete leaves without a caller. */
export function dropRequestsLosingCaller(world: ScenarioJson, gone: (caller: RequestCaller) => boolean): ScenarioJson {
  if (!world.requests || world.requests.length === 0) return world;
  const { kept, dropped } = requestsLosingCaller(world, gone);
  return dropped.length === 0 ? world : { ...world, requests: kept };
}

// ── saved requests ──

/** The `as` pattern of the scenario schema: the session name a later request uses as `$NAME`. */
const SESSION_NAME = /^[A-Za-z0-9_.-]+$/;

function requestsOf(world: ScenarioJson): readonly RequestJson[] {
  return world.requests ?? [];
}

function indexOfId(world: ScenarioJson, id: string): number {
  const index = requestsOf(world).findIndex((r) => r.id === id);
  if (index < 0) refuse('notFound', `There is no saved request \`${id}\`.`, '$.requests', 'id', { name: id });
  return index;
}

function isContextValue(value: unknown): boolean {
  return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
}

/** What the schema says of one request, checked by hand (the edit library carries no schema validator). */
function checkShape(request: RequestJson, path: string): void {
  const id = request.id;
  if (typeof id !== 'string' || id.trim() === '') refuse('nameEmpty', 'A saved request needs an id: a name to find it by, e.g. `alice-reads-report`.', `${path}.id`, 'id');
  const text = (field: 'action' | 'resource') => {
    const value = request[field];
    if (typeof value !== 'string' || value === '') refuse('documentInvalid', `\`${field}\` of request \`${id}\` must be a non-empty string.`, `${path}.${field}`, field);
  };
  text('action');
  text('resource');
  if (request.principal !== undefined && (typeof request.principal !== 'string' || request.principal === '')) {
    refuse('documentInvalid', `\`principal\` of request \`${id}\` must be a non-empty string.`, `${path}.principal`, 'principal');
  }
  if (request.as !== undefined && !SESSION_NAME.test(request.as)) {
    refuse('documentInvalid', `\`as\` of request \`${id}\` is \`${request.as}\`: a session name is letters, digits, \`_\`, \`.\` and \`-\`.`, `${path}.as`, 'as');
  }
  for (const [key, value] of Object.entries(request.context ?? {})) {
    if (!isContextValue(value)) refuse('documentInvalid', `Context key \`${key}\` of request \`${id}\` must be a string or a list of strings.`, `${path}.context`, 'context');
  }
  if (request.params !== undefined && (typeof request.params !== 'object' || request.params === null || Array.isArray(request.params))) {
    refuse('documentInvalid', `\`params\` of request \`${id}\` must be an object of STS parameters.`, `${path}.params`, 'params');
  }
}

/** The world with `requests`, refused at the first fault the change brings into the requests. */
function withRequests(world: ScenarioJson, requests: readonly RequestJson[], changed: number | undefined): ScenarioJson {
  if (changed !== undefined) checkShape(requests[changed] as RequestJson, `$.requests[${changed}]`);
  const next: ScenarioJson = { ...world, requests };
  const inRequests = (w: ScenarioJson) => checkReferences(w, '$').filter((f) => f.path.startsWith('$.requests'));
  const after = inRequests(next);
  if (after.length === 0) return next;
  // Faults the world already had are not this edit's doing (a file opened as it was).
  const before = new Set(inRequests(world).map((f) => f.message));
  const fault = after.find((f) => !before.has(f.message));
  if (!fault) return next;
  const duplicate = /^Request id `(.*)` is used twice\.$/.exec(fault.message);
  if (duplicate) refuse('nameTaken', `A saved request is already called \`${duplicate[1]}\`: request ids are unique in a scenario.`, fault.path, 'id', { name: duplicate[1] as string });
  return refuse('documentInvalid', `${fault.message} (at ${fault.path})`, fault.path, undefined);
}

/** Saves `request` at `index` (default: the end). */
export function addRequest(world: ScenarioJson, request: RequestJson, index?: number): ScenarioJson {
  const list = [...requestsOf(world)];
  const at = index === undefined ? list.length : Math.max(0, Math.min(list.length, Math.trunc(index)));
  list.splice(at, 0, request);
  return withRequests(world, list, at);
}

/** Replaces the saved request `id`. */
export function updateRequest(world: ScenarioJson, id: string, request: RequestJson): ScenarioJson {
  const at = indexOfId(world, id);
  const list = [...requestsOf(world)];
  list[at] = request;
  return withRequests(world, list, at);
}

/** Removes the saved request `id`; refused while a later request uses the session only it creates. */
export function removeRequest(world: ScenarioJson, id: string): ScenarioJson {
  const at = indexOfId(world, id);
  const list = requestsOf(world).filter((_, i) => i !== at);
  if (list.length === 0) {
    const { requests: _gone, ...rest } = world;
    return rest;
  }
  return withRequests(world, list, undefined);
}

/** Moves the saved request `id` to `to` (clamped); refused when a request would come before the session it uses. */
export function moveRequest(world: ScenarioJson, id: string, to: number): ScenarioJson {
  const from = indexOfId(world, id);
  const list = [...requestsOf(world)];
  const target = Math.max(0, Math.min(list.length - 1, Math.trunc(to)));
  if (target === from) return world;
  const [moved] = list.splice(from, 1);
  list.splice(target, 0, moved as RequestJson);
  return withRequests(world, list, undefined);
}
