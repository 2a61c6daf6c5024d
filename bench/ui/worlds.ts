/**
 * Generated worlds for the map benchmarks: several accounts of ordinary IAM shapes (users in
 * groups, roles with trust policies, customer managed policies attached to both, buckets
 * with bucket policies), grown until the map's graph (app/world/graph.ts) has the size asked
 * for, so "300 nodes" means 300 nodes on the map, not 300 entities.
 */
import type { AccountJson, ScenarioJson } from '../../engine/scenario/types';
import { worldGraph } from '../../app/world/graph';

const PER_ACCOUNT = 60;

function allow(action: string, resource: string): unknown {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] };
}

/** The i-th entity of an account, cycling through the kinds a real account has. */
function account(index: number, entities: number): AccountJson {
  const id = String(400000000000 + index);
  const users = [];
  const groups = [];
  const roles = [];
  const policies = [];
  const resources = [];
  for (let i = 0; i < entities; i++) {
    switch (i % 5) {
      case 0:
        users.push({ name: `user${i}`, groups: groups.length > 0 ? [groups[groups.length - 1]!.name] : [], managedPolicies: policies.length > 0 ? [policies[policies.length - 1]!.name] : [] });
        break;
      case 1:
        groups.push({ name: `group${i}`, managedPolicies: policies.length > 0 ? [policies[0]!.name] : [] });
        break;
      case 2:
        roles.push({
          name: `role${i}`,
          trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${id}:root` }, Action: 'sts:AssumeRole' }] },
          managedPolicies: policies.length > 0 ? [policies[policies.length - 1]!.name] : [],
        });
        break;
      case 3:
        policies.push({ name: `policy${i}`, document: allow('s3:GetObject', `arn:aws:s3:::bucket-${index}-${i}/*`) });
        break;
      default:
        resources.push({
          arn: `arn:aws:s3:::bucket-${index}-${i}`,
          policy: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: `arn:aws:s3:::bucket-${index}-${i}/*`, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] },
        });
    }
  }
  return { id, alias: `bench-${index}`, users, groups, roles, policies, resources };
}

function scenario(accounts: readonly AccountJson[]): ScenarioJson {
  return { format: 'iam-playground/scenario', version: 1, title: 'Benchmark world', accounts };
}

/** A world of `entities` IAM entities and resources (users, groups, roles, policies, buckets). */
export function worldOfEntities(entities: number): ScenarioJson {
  const accounts: AccountJson[] = [];
  for (let made = 0; made < entities; made += PER_ACCOUNT) accounts.push(account(accounts.length, Math.min(PER_ACCOUNT, entities - made)));
  return scenario(accounts);
}

/** The smallest generated world whose map has at least `nodes` nodes, and how many it has. */
export function worldOfMapNodes(nodes: number): { readonly world: ScenarioJson; readonly nodes: number } {
  let low = 1;
  let high = nodes;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (worldGraph(worldOfEntities(mid)).nodes.length >= nodes) high = mid;
    else low = mid + 1;
  }
  const world = worldOfEntities(low);
  return { world, nodes: worldGraph(world).nodes.length };
}
