/**
 * Lists properties the format does not know. They are warnings: a typo such as
 * `managedPolicy` is pointed out, and a file from a newer version still opens.
 */
import type { ScenarioFault } from './validate';

type Shape = { readonly [key: string]: Shape | 'leaf' | 'map' | readonly [Shape] } ;

const accessKey: Shape = { id: 'leaf', secret: 'leaf', status: 'leaf', created: 'leaf', lastUsed: 'leaf' };
const mfaDevice: Shape = { serial: 'leaf', seed: 'leaf' };
const user: Shape = {
  name: 'leaf', path: 'leaf', groups: 'leaf', managedPolicies: 'leaf', inlinePolicies: 'map', permissionsBoundary: 'leaf',
  tags: 'map', accessKeys: [accessKey], password: 'leaf', mfa: 'leaf', mfaDevices: [mfaDevice],
};
const group: Shape = { name: 'leaf', path: 'leaf', managedPolicies: 'leaf', inlinePolicies: 'map' };
const role: Shape = {
  name: 'leaf', path: 'leaf', trustPolicy: 'leaf', managedPolicies: 'leaf', inlinePolicies: 'map', permissionsBoundary: 'leaf',
  maxSessionDuration: 'leaf', tags: 'map', description: 'leaf',
};
const account: Shape = {
  id: 'leaf', alias: 'leaf', root: { accessKeys: [accessKey], mfaDevices: [mfaDevice], password: 'leaf' },
  policies: [{ name: 'leaf', path: 'leaf', description: 'leaf', document: 'leaf' }],
  users: [user], groups: [group], roles: [role], resources: [{ arn: 'leaf', policy: 'leaf', tags: 'map' }],
  identityProviders: [{ type: 'leaf', url: 'leaf', clientIds: 'leaf', thumbprints: 'leaf', name: 'leaf', issuer: 'leaf', tags: 'map' }],
  instanceProfiles: [{ name: 'leaf', path: 'leaf', role: 'leaf' }],
};
const organization: Shape = {
  id: 'leaf', managementAccount: 'leaf', units: [{ id: 'leaf', name: 'leaf', parent: 'leaf' }], accounts: [{ id: 'leaf', parent: 'leaf' }],
  policies: [{ name: 'leaf', type: 'leaf', targets: 'leaf', document: 'leaf' }],
};
const request: Shape = {
  id: 'leaf', principal: 'leaf', http: 'leaf', action: 'leaf', resource: 'leaf', context: 'map',
  session: { issuer: 'leaf', policy: 'leaf', policyArns: 'leaf', tags: 'map', sourceIdentity: 'leaf', mfa: 'leaf' },
  console: { password: 'leaf', mfaCode: 'leaf', mfaSerial: 'leaf', signedInAt: 'leaf' },
  params: 'map', as: 'leaf', expect: 'leaf',
};
const whoCan: Shape = { action: 'leaf', resource: 'leaf', context: 'map' };
const goal: Shape = {
  request, expect: 'leaf', by: 'leaf', whoCan, within: 'leaf', includes: 'leaf', label: 'leaf',
  noneAllowed: { principal: 'leaf', actions: 'leaf', resources: 'leaf', context: 'map' },
  performed: { action: 'leaf', resource: 'leaf', principal: 'leaf' },
};
const scenario: Shape = {
  format: 'leaf', version: 'leaf', title: 'leaf', description: 'leaf', now: 'leaf', organization, accounts: [account],
  requests: [request], queries: [{ id: 'leaf', whoCan, expect: 'leaf', within: 'leaf' }],
  exercise: { id: 'leaf', task: 'leaf', hints: 'leaf', explanation: 'leaf', goals: [goal],
    solution: { accounts: [account], organization, steps: [request] }, worldLocked: 'leaf' },
};
const pack: Shape = { format: 'leaf', version: 'leaf', id: 'leaf', title: 'leaf', description: 'leaf', exercises: [scenario] };

function walk(value: unknown, shape: Shape, path: string, out: ScenarioFault[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  for (const key of Object.keys(value)) {
    // Own properties only: `__proto__` in a file must not find Object.prototype in the shape table.
    const child = Object.prototype.hasOwnProperty.call(shape, key) ? shape[key] : undefined;
    const childPath = /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
    if (child === undefined) {
      out.push({ path: childPath, message: `Unknown property \`${key}\` is ignored.` });
    } else if (Array.isArray(child)) {
      const items = (value as Record<string, unknown>)[key];
      if (Array.isArray(items)) items.forEach((item, i) => walk(item, child[0] as Shape, `${childPath}[${i}]`, out));
    } else if (typeof child === 'object') {
      walk((value as Record<string, unknown>)[key], child as Shape, childPath, out);
    }
  }
}

export function findUnknownProperties(value: unknown, kind: 'scenario' | 'pack'): ScenarioFault[] {
  const out: ScenarioFault[] = [];
  walk(value, kind === 'pack' ? pack : scenario, '$', out);
  return out;
}
