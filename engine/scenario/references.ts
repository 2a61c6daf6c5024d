/**
 * The rules of the scenario format that JSON Schema cannot express: ids are unique,
 * and every name a file uses refers to something the file defines.
 */
import { parsePrincipalName, PRINCIPAL_FORMS } from '../model/principalArn';
import type { AccountJson, OrganizationJson, RequestJson, ScenarioJson } from './types';
import type { ScenarioFault } from './validate';
import { checkApiParams } from './apiParams';

const AWS_MANAGED_ARN = /^arn:aws(-cn|-us-gov)?:iam::aws:policy\//;
const CUSTOMER_POLICY_ARN = /^arn:aws(-cn|-us-gov)?:iam::(\d{12}):policy(\/.*)?\/([^/]+)$/;

function duplicates<T>(items: readonly T[], key: (item: T) => string, path: (i: number) => string, what: string, out: ScenarioFault[]): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) out.push({ path: path(i), message: `${what} \`${k}\` is defined twice.` });
    seen.add(k);
  });
}

function checkPolicyRef(ref: string, account: AccountJson, accounts: readonly AccountJson[], path: string, out: ScenarioFault[]): void {
  if (AWS_MANAGED_ARN.test(ref)) return; // resolved against AWS's managed policies when the world is compiled
  const arn = CUSTOMER_POLICY_ARN.exec(ref);
  if (arn) {
    const owner = accounts.find((a) => a.id === arn[2]);
    if (!owner?.policies?.some((p) => p.name === arn[4])) {
      out.push({ path, message: `Managed policy \`${ref}\` does not exist: account ${arn[2]} has no customer managed policy named \`${arn[4]}\`.` });
    }
    return;
  }
  if (ref.startsWith('arn:')) {
    out.push({ path, message: `\`${ref}\` is not a managed policy ARN (arn:aws:iam::aws:policy/NAME or arn:aws:iam::ACCOUNT:policy/NAME).` });
    return;
  }
  if (!account.policies?.some((p) => p.name === ref)) {
    out.push({ path, message: `Account ${account.id} has no customer managed policy named \`${ref}\`. Define it in \`policies\` or use the policy's ARN.` });
  }
}

function checkAccounts(accounts: readonly AccountJson[], base: string, out: ScenarioFault[]): void {
  duplicates(accounts, (a) => a.id, (i) => `${base}[${i}].id`, 'Account', out);
  accounts.forEach((account, ai) => {
    const at = `${base}[${ai}]`;
    duplicates(account.users ?? [], (u) => u.name.toLowerCase(), (i) => `${at}.users[${i}].name`, 'User name (case-insensitive)', out);
    duplicates(account.groups ?? [], (g) => g.name.toLowerCase(), (i) => `${at}.groups[${i}].name`, 'Group name (case-insensitive)', out);
    duplicates(account.roles ?? [], (r) => r.name.toLowerCase(), (i) => `${at}.roles[${i}].name`, 'Role name (case-insensitive)', out);
    duplicates(account.policies ?? [], (p) => p.name, (i) => `${at}.policies[${i}].name`, 'Policy name', out);
    duplicates(account.resources ?? [], (r) => r.arn, (i) => `${at}.resources[${i}].arn`, 'Resource', out);
    const groupNames = new Set((account.groups ?? []).map((g) => g.name));
    (account.users ?? []).forEach((user, ui) => {
      (user.groups ?? []).forEach((g, gi) => {
        if (!groupNames.has(g)) out.push({ path: `${at}.users[${ui}].groups[${gi}]`, message: `User \`${user.name}\` is in group \`${g}\`, which account ${account.id} does not define.` });
      });
      (user.managedPolicies ?? []).forEach((ref, pi) => checkPolicyRef(ref, account, accounts, `${at}.users[${ui}].managedPolicies[${pi}]`, out));
      if (user.permissionsBoundary) checkPolicyRef(user.permissionsBoundary, account, accounts, `${at}.users[${ui}].permissionsBoundary`, out);
      if ((user.accessKeys?.length ?? 0) > 2) out.push({ path: `${at}.users[${ui}].accessKeys`, message: 'An IAM user can have at most two access keys (IAM quota).' });
    });
    (account.groups ?? []).forEach((group, gi) =>
      (group.managedPolicies ?? []).forEach((ref, pi) => checkPolicyRef(ref, account, accounts, `${at}.groups[${gi}].managedPolicies[${pi}]`, out)),
    );
    (account.roles ?? []).forEach((role, ri) => {
      (role.managedPolicies ?? []).forEach((ref, pi) => checkPolicyRef(ref, account, accounts, `${at}.roles[${ri}].managedPolicies[${pi}]`, out));
      if (role.permissionsBoundary) checkPolicyRef(role.permissionsBoundary, account, accounts, `${at}.roles[${ri}].permissionsBoundary`, out);
    });
    if ((account.root?.accessKeys?.length ?? 0) > 2) out.push({ path: `${at}.root.accessKeys`, message: 'The root user can have at most two access keys.' });
    checkProvidersAndProfiles(account, at, out);
  });
  const keyIds = new Map<string, string>();
  accounts.forEach((account, ai) => {
    const all = [
      ...(account.root?.accessKeys ?? []).map((k, i) => [k.id, `${base}[${ai}].root.accessKeys[${i}].id`] as const),
      ...(account.users ?? []).flatMap((u, ui) => (u.accessKeys ?? []).map((k, i) => [k.id, `${base}[${ai}].users[${ui}].accessKeys[${i}].id`] as const)),
    ];
    for (const [id, path] of all) {
      if (keyIds.has(id)) out.push({ path, message: `Access key id \`${id}\` is already used at ${keyIds.get(id)}.` });
      else keyIds.set(id, path);
    }
  });
}

/** Identity providers (one per OIDC URL, one per SAML name) and instance profiles (unique names, a role of the account). */
function checkProvidersAndProfiles(account: AccountJson, at: string, out: ScenarioFault[]): void {
  const providers = account.identityProviders ?? [];
  duplicates(
    providers,
    (p) => (p.type === 'oidc' ? `oidc-provider/${p.url.replace(/^https:\/\//, '')}` : `saml-provider/${p.name}`),
    (i) => `${at}.identityProviders[${i}]`,
    'Identity provider',
    out,
  );
  const roleNames = new Set((account.roles ?? []).map((r) => r.name));
  duplicates(account.instanceProfiles ?? [], (p) => p.name.toLowerCase(), (i) => `${at}.instanceProfiles[${i}].name`, 'Instance profile name (case-insensitive)', out);
  (account.instanceProfiles ?? []).forEach((profile, i) => {
    if (profile.role !== undefined && !roleNames.has(profile.role)) {
      out.push({ path: `${at}.instanceProfiles[${i}].role`, message: `Instance profile \`${profile.name}\` holds role \`${profile.role}\`, which account ${account.id} does not define (an instance profile holds a role of its own account).` });
    }
  });
}

function checkOrganization(org: OrganizationJson, accounts: readonly AccountJson[], out: ScenarioFault[]): void {
  const units = org.units ?? [];
  const unitIds = new Set<string>();
  units.forEach((unit, i) => {
    const path = `$.organization.units[${i}]`;
    if (unitIds.has(unit.id)) out.push({ path: `${path}.id`, message: `Unit \`${unit.id}\` is defined twice.` });
    if (i === 0 && unit.parent !== undefined) out.push({ path: `${path}.parent`, message: 'The first unit is the root and has no parent.' });
    if (i > 0 && unit.parent === undefined) out.push({ path, message: `Unit \`${unit.id}\` needs a \`parent\` (only the root, listed first, has none).` });
    if (i > 0 && unit.parent !== undefined && !unitIds.has(unit.parent)) {
      out.push({ path: `${path}.parent`, message: `Parent \`${unit.parent}\` is not a unit listed before \`${unit.id}\`.` });
    }
    unitIds.add(unit.id);
  });
  const placed = new Set<string>();
  (org.accounts ?? []).forEach((a, i) => {
    const path = `$.organization.accounts[${i}]`;
    if (!unitIds.has(a.parent)) out.push({ path: `${path}.parent`, message: `Account ${a.id} is placed in \`${a.parent}\`, which is not a unit of the organization.` });
    if (placed.has(a.id)) out.push({ path: `${path}.id`, message: `Account ${a.id} is placed twice.` });
    placed.add(a.id);
  });
  const targets = new Set([...unitIds, ...placed]);
  if (!placed.has(org.managementAccount) && accounts.some((a) => a.id === org.managementAccount)) {
    out.push({ path: '$.organization.managementAccount', message: `The management account ${org.managementAccount} must be placed in the organization (\`organization.accounts\`).` });
  }
  (org.policies ?? []).forEach((p, i) =>
    (p.targets ?? []).forEach((t, ti) => {
      if (!targets.has(t)) out.push({ path: `$.organization.policies[${i}].targets[${ti}]`, message: `Target \`${t}\` is neither a unit nor an account of the organization.` });
    }),
  );
}

/** The STS calls that take unsigned requests: the token in `params` is the caller. */
const UNSIGNED_ACTIONS = new Set(['sts:assumerolewithwebidentity', 'sts:assumerolewithsaml']);

/**
 * A console request (`console`): the caller signs in with a password, so it is an IAM user
 * or an account's root user named by `principal`, not a signed HTTP request; an MFA device
 * it names must be one of the identity's own; it cannot sign in after the scenario's `now`.
 */
function checkConsole(request: RequestJson, path: string, accounts: readonly AccountJson[], now: string | undefined, out: ScenarioFault[]): void {
  const attempt = request.console;
  if (attempt === undefined) return;
  const at = `${path}.console`;
  if (request.http !== undefined) out.push({ path: at, message: 'A console request is made with the console session\'s credentials: it has `principal` and `console`, not `http`.' });
  if (request.principal === undefined) {
    out.push({ path: at, message: 'A console request names who signs in with `principal`: an IAM user (`arn:aws:iam::ACCOUNT:user/NAME`) or an account\'s root user (`arn:aws:iam::ACCOUNT:root`).' });
    return;
  }
  const name = parsePrincipalName(request.principal);
  if (name && name.kind !== 'user' && name.kind !== 'root') {
    out.push({ path: `${path}.principal`, message: `Only an IAM user or an account's root user signs in to the AWS Management Console with a password; \`${request.principal}\` is neither (roles and federated users reach the console through federation).` });
    return;
  }
  if (attempt.mfaSerial !== undefined && name && (name.kind === 'user' || name.kind === 'root')) {
    const account = accounts.find((a) => a.id === name.account);
    const devices = name.kind === 'user' ? account?.users?.find((u) => u.name === name.name)?.mfaDevices : account?.root?.mfaDevices;
    if (account && devices && devices.length > 0 && !devices.some((d) => d.serial === attempt.mfaSerial)) {
      out.push({ path: `${at}.mfaSerial`, message: `\`${attempt.mfaSerial}\` is not an MFA device of \`${request.principal}\` (its devices: ${devices.map((d) => `\`${d.serial}\``).join(', ')}).` });
    }
  }
  if (attempt.signedInAt !== undefined && now !== undefined && Date.parse(attempt.signedInAt) > Date.parse(now)) {
    out.push({ path: `${at}.signedInAt`, message: `The sign-in time ${attempt.signedInAt} is later than the scenario's \`now\` (${now}).` });
  }
}

function checkRequest(request: RequestJson, path: string, accounts: readonly AccountJson[], sessions: ReadonlySet<string>, out: ScenarioFault[], now?: string): void {
  checkConsole(request, path, accounts, now, out);
  if (request.principal === undefined) {
    if (request.http === undefined && !UNSIGNED_ACTIONS.has(request.action.toLowerCase())) {
      out.push({ path, message: `A request needs \`principal\` or \`http\`; only sts:AssumeRoleWithWebIdentity and sts:AssumeRoleWithSAML, which are unsigned, may leave both out (\`${request.action}\` is not one of them).` });
    }
    return;
  }
  const name = parsePrincipalName(request.principal);
  const at = `${path}.principal`;
  if (!name) {
    out.push({ path: at, message: `\`${request.principal}\` is not a principal. Use ${PRINCIPAL_FORMS}.` });
    return;
  }
  const account = 'account' in name ? accounts.find((a) => a.id === name.account) : undefined;
  switch (name.kind) {
    case 'sessionRef':
      if (!sessions.has(name.name)) out.push({ path: at, message: `No earlier request of this file created a session named \`${name.name}\` (with \`"as": "${name.name}"\`).` });
      break;
    case 'user':
      if (!account?.users?.some((u) => u.name === name.name)) out.push({ path: at, message: `Account ${name.account} has no IAM user named \`${name.name}\`.` });
      break;
    case 'assumedRole':
      if (!account?.roles?.some((r) => r.name === name.roleName)) out.push({ path: at, message: `Account ${name.account} has no role named \`${name.roleName}\` for this session.` });
      break;
    case 'federatedUser':
      if (!account) out.push({ path: at, message: `Account ${name.account} is not in this scenario.` });
      else if (!request.session?.issuer) out.push({ path: `${path}.session`, message: 'A federated user session needs `session.issuer`: the ARN of the IAM user that called GetFederationToken.' });
      break;
    default:
      break;
  }
  if (request.session?.issuer) {
    const issuer = parsePrincipalName(request.session.issuer);
    const owner = issuer && issuer.kind === 'user' ? accounts.find((a) => a.id === issuer.account) : undefined;
    if (!issuer || issuer.kind !== 'user' || !owner?.users?.some((u) => u.name === issuer.name)) {
      out.push({ path: `${path}.session.issuer`, message: `\`${request.session.issuer}\` is not an IAM user of this scenario.` });
    }
  }
}

/**
 * The users and roles that earlier requests create with the simulated IAM API (CreateUser,
 * CreateRole with `params`): a later request may act as them. Added to a copy of the accounts.
 */
function withCreated(accounts: readonly AccountJson[], request: RequestJson): readonly AccountJson[] {
  if (!request.params) return accounts;
  const action = request.action.toLowerCase();
  const kind = action === 'iam:createuser' ? 'user' : action === 'iam:createrole' ? 'role' : undefined;
  const m = kind ? /^arn:[^:]+:iam::(\d{12}):(user|role)(?:\/.*)?\/([^/]+)$/.exec(request.resource) : null;
  if (!kind || !m || m[2] !== kind) return accounts;
  const [, id, , name] = m;
  return accounts.map((a) => {
    if (a.id !== id) return a;
    if (kind === 'user') return (a.users ?? []).some((u) => u.name === name) ? a : { ...a, users: [...(a.users ?? []), { name: name! }] };
    return (a.roles ?? []).some((r) => r.name === name) ? a : { ...a, roles: [...(a.roles ?? []), { name: name!, trustPolicy: {} }] };
  });
}

/** Checks the cross-references of one scenario; `base` is its JSON path (inside a pack, `$.exercises[i]`). */
export function checkReferences(scenario: ScenarioJson, base: string): ScenarioFault[] {
  const out: ScenarioFault[] = [];
  const rebase = (faults: ScenarioFault[]) => faults.map((f) => ({ path: base + f.path.slice(1), message: f.message }));
  const local: ScenarioFault[] = [];
  checkAccounts(scenario.accounts, '$.accounts', local);
  if (scenario.organization) checkOrganization(scenario.organization, scenario.accounts, local);
  const sessions = new Set<string>();
  const requestIds = new Set<string>();
  // Requests run in file order: one that creates a user or role (the simulated IAM API) makes a caller for those after it.
  let accounts = scenario.accounts;
  (scenario.requests ?? []).forEach((request, i) => {
    const path = `$.requests[${i}]`;
    if (request.id !== undefined) {
      if (requestIds.has(request.id)) local.push({ path: `${path}.id`, message: `Request id \`${request.id}\` is used twice.` });
      requestIds.add(request.id);
    }
    checkRequest(request, path, accounts, sessions, local, scenario.now);
    local.push(...checkApiParams(request, path));
    accounts = withCreated(accounts, request);
    if (request.as) sessions.add(request.as);
  });
  const queryIds = new Set<string>();
  (scenario.queries ?? []).forEach((q, i) => {
    if (queryIds.has(q.id)) local.push({ path: `$.queries[${i}].id`, message: `Query id \`${q.id}\` is used twice.` });
    queryIds.add(q.id);
    if (q.expect && q.within) local.push({ path: `$.queries[${i}]`, message: 'A query has `expect` or `within`, not both.' });
  });
  const exercise = scenario.exercise;
  if (exercise) {
    // Goals are not checked against the starting world: the learner may have to create the principal a goal names.
    if (exercise.solution) {
      const solutionFaults: ScenarioFault[] = [];
      const solutionAccounts = exercise.solution.accounts ?? scenario.accounts;
      if (exercise.solution.accounts) checkAccounts(exercise.solution.accounts, '$.exercise.solution.accounts', solutionFaults);
      const org = exercise.solution.organization ?? scenario.organization;
      if (exercise.solution.organization && org) checkOrganization(org, solutionAccounts, []);
      // Steps run in order with a session store of their own, and may create users and roles for the steps after them.
      const stepSessions = new Set<string>();
      let stepAccounts = solutionAccounts;
      (exercise.solution.steps ?? []).forEach((step, i) => {
        const path = `$.exercise.solution.steps[${i}]`;
        checkRequest(step, path, stepAccounts, stepSessions, solutionFaults, scenario.now);
        solutionFaults.push(...checkApiParams(step, path));
        stepAccounts = withCreated(stepAccounts, step);
        if (step.as) stepSessions.add(step.as);
      });
      // Steps may create the principals goals name (an attack that creates a user): then goals are judged, not checked here.
      if (!exercise.solution.steps) {
        // Goals run in order in a session store of their own: a goal's `as` names a session for the goals after it.
        const goalSessions = new Set<string>();
        exercise.goals.forEach((goal, i) => {
          if (!('request' in goal)) return;
          checkRequest(goal.request, `$.exercise.goals[${i}].request`, solutionAccounts, goalSessions, solutionFaults, scenario.now);
          if (goal.request.as) goalSessions.add(goal.request.as);
        });
      }
      local.push(...solutionFaults.map((f) => ({ ...f, message: `In the solution: ${f.message}` })));
    }
    exercise.goals.forEach((goal, i) => {
      const path = `$.exercise.goals[${i}]`;
      if ('request' in goal) local.push(...checkApiParams(goal.request, `${path}.request`));
      if ('whoCan' in goal && [goal.expect, goal.within, goal.includes].filter((x) => x !== undefined).length > 1) {
        local.push({ path, message: 'A who-can goal has one of `expect` (exactly), `within` (at most) and `includes` (at least).' });
      }
    });
  }
  out.push(...rebase(local));
  return out;
}
