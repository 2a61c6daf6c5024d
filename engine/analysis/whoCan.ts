/**
 * "Who can": every IAM user, role and account root user of the world that can perform an
 * action on a resource with a given context — directly (a role through a session of it),
 * or by assuming roles, one or several in a chain, each AssumeRole allowed with the same
 * context — each with the (shortest) chain of roles it goes through. As IAM Access
 * Analyzer and PMapper answer it, on the playground's own engine.
 */
import type { World } from '../model/world';
import { runRequest } from '../pipeline/run';
import type { RequestJson } from '../scenario/types';

export type { WhoCanQuery, WhoCanAnswer } from './types';
import type { WhoCanQuery, WhoCanAnswer, WhoCanReport } from './types';
import type { AnalysisControl } from './control';
import type { AnalysisDeps } from './deps';

interface Candidate {
  readonly arn: string;
  /** How the candidate appears as a caller. */
  readonly caller: string;
  readonly role: boolean;
}

const SESSION_NAME = 'who-can';

function candidates(world: World): Candidate[] {
  const out: Candidate[] = [];
  for (const account of world.accounts.values()) {
    out.push({ arn: account.root.arn, caller: account.root.arn, role: false });
    for (const user of account.users.values()) out.push({ arn: user.arn, caller: user.arn, role: false });
    for (const role of account.roles.values()) {
      out.push({ arn: role.arn, caller: `arn:aws:sts::${account.id}:assumed-role/${role.name}/${SESSION_NAME}`, role: true });
    }
  }
  return out;
}

async function allowed(world: World, caller: string, action: string, resource: string, context: WhoCanQuery['context'], now: Date): Promise<boolean> {
  const request: RequestJson = { principal: caller, action, resource, ...(context ? { context } : {}) };
  const result = await runRequest(world, request, { trace: false, now });
  return result.decision === 'allowed';
}

export async function whoCan(world: World, query: WhoCanQuery, now: Date = world.now ?? new Date()): Promise<WhoCanAnswer[]> {
  const all = candidates(world);
  const roles = all.filter((c) => c.role);
  const direct = new Map<string, boolean>();
  for (const c of all) direct.set(c.arn, await allowed(world, c.caller, query.action, query.resource, query.context, now));

  // can-assume edges, computed lazily and remembered: caller → roles it may assume.
  const edges = new Map<string, Candidate[]>();
  const assumable = async (from: Candidate): Promise<Candidate[]> => {
    let list = edges.get(from.arn);
    if (!list) {
      list = [];
      // The root user cannot assume roles: STS refuses it whatever the policies say.
      if (!from.arn.endsWith(':root')) {
        for (const role of roles) {
          if (await allowed(world, from.caller, 'sts:AssumeRole', role.arn, query.context, now)) list.push(role);
        }
      }
      edges.set(from.arn, list);
    }
    return list;
  };

  const answers: WhoCanAnswer[] = [];
  for (const start of all) {
    if (direct.get(start.arn)) {
      answers.push({ arn: start.arn, via: [] });
      continue;
    }
    // Breadth-first: the first role found that can act gives the shortest chain.
    const seen = new Set<string>([start.arn]);
    let frontier: { node: Candidate; path: string[] }[] = [{ node: start, path: [] }];
    let found: string[] | undefined;
    while (frontier.length > 0 && !found) {
      const next: { node: Candidate; path: string[] }[] = [];
      for (const { node, path } of frontier) {
        for (const role of await assumable(node)) {
          if (seen.has(role.arn)) continue;
          seen.add(role.arn);
          const chain = [...path, role.arn];
          if (direct.get(role.arn)) {
            found = chain;
            break;
          }
          next.push({ node: role, path: chain });
        }
        if (found) break;
      }
      frontier = next;
    }
    if (found) answers.push({ arn: start.arn, via: found });
  }
  return answers;
}

/** PLACEHOLDER (session 5 contract): the who-can report with principals' summaries, progress and cancel. */
export function whoCanReport(deps: AnalysisDeps, query: WhoCanQuery, control: AnalysisControl): Promise<WhoCanReport> {
  throw new Error('not built yet');
}
