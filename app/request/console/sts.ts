/**
 * The STS calls of the console, as the STS API names their parameters (AWS STS API
 * Reference): which fields each call takes, and the `params` of the request built from what
 * the learner typed. Only the shape is checked here (a JSON policy, `key=value` tags):
 * whether AWS accepts a value (a session name's pattern, a duration beyond the role's
 * maximum, an MFA code) is the engine's to say, with AWS's own error.
 */
import type { RequestJson } from '../../../engine/scenario/types';
import type { StsCall, StsDraft } from './draft';

/** A parameter field of the STS form. */
export type StsField = Exclude<keyof StsDraft, 'call' | 'as'>;

/** The parameters each call takes, in the order the form shows them. */
export const STS_FIELDS: Readonly<Record<StsCall, readonly StsField[]>> = {
  AssumeRole: ['RoleArn', 'RoleSessionName', 'ExternalId', 'SerialNumber', 'TokenCode', 'DurationSeconds', 'Policy', 'PolicyArns', 'Tags', 'SourceIdentity'],
  AssumeRoleWithWebIdentity: ['RoleArn', 'RoleSessionName', 'WebIdentityToken', 'DurationSeconds', 'Policy', 'PolicyArns'],
  GetSessionToken: ['SerialNumber', 'TokenCode', 'DurationSeconds'],
  GetFederationToken: ['Name', 'DurationSeconds', 'Policy', 'PolicyArns', 'Tags'],
  GetCallerIdentity: [],
};

/** Parameters the call cannot be made without (the request's resource or its caller come from them). */
const REQUIRED: Readonly<Record<StsCall, readonly StsField[]>> = {
  AssumeRole: ['RoleArn'],
  AssumeRoleWithWebIdentity: ['RoleArn', 'WebIdentityToken'],
  GetSessionToken: [],
  GetFederationToken: ['Name'],
  GetCallerIdentity: [],
};

/** The calls that issue a session a later request can use. */
export function issuesSession(call: StsCall): boolean {
  return call !== 'GetCallerIdentity';
}

/** AssumeRoleWithWebIdentity is unsigned: the token is the caller, there is no principal. */
export function needsCaller(call: StsCall): boolean {
  return call !== 'AssumeRoleWithWebIdentity';
}

export type StsProblem = 'required' | 'json' | 'tags' | 'sessionName';

/** One value per line or comma. */
export function listOf(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** `key=value` pairs, one per line or comma; `undefined` when one is not a pair. */
export function tagsOf(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const pair of listOf(text)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return undefined;
    out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return out;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

// The scenario format's pattern for `as` (scenario-format.md): a later request says `$NAME`.
const SESSION_KEY = /^[A-Za-z0-9_.-]+$/;

/** The problem of each field of the call (only fields with one). */
export function stsProblems(draft: StsDraft): Partial<Record<StsField | 'as', StsProblem>> {
  const out: Partial<Record<StsField | 'as', StsProblem>> = {};
  for (const field of REQUIRED[draft.call]) if (draft[field].trim() === '') out[field] = 'required';
  const fields = STS_FIELDS[draft.call];
  if (fields.includes('Policy') && draft.Policy.trim() !== '') {
    const policy = parseJson(draft.Policy);
    if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) out.Policy = 'json';
  }
  if (fields.includes('Tags') && tagsOf(draft.Tags) === undefined) out.Tags = 'tags';
  if (issuesSession(draft.call) && draft.as.trim() !== '' && !SESSION_KEY.test(draft.as.trim())) out.as = 'sessionName';
  return out;
}

/** The account of an IAM or STS principal ARN, if it names one. */
function accountOf(principal: string): string | undefined {
  return /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1];
}

/**
 * The request of an STS call by `principal` (absent for an unsigned call). The resource is
 * what IAM authorizes the call on: the role for AssumeRole*, the federated user for
 * GetFederationToken, `*` for calls on no resource.
 */
export function stsRequest(draft: StsDraft, principal: string | undefined): RequestJson {
  const fields = STS_FIELDS[draft.call];
  const params: Record<string, unknown> = {};
  for (const field of fields) {
    const text = draft[field].trim();
    if (text === '') continue;
    if (field === 'Policy') params[field] = parseJson(text);
    else if (field === 'PolicyArns') params[field] = listOf(text);
    else if (field === 'Tags') params[field] = tagsOf(text) ?? {};
    // A number stays a number; anything else goes as typed, for the engine to refuse as AWS does.
    else if (field === 'DurationSeconds') params[field] = /^\d+$/.test(text) ? Number(text) : text;
    else params[field] = text;
  }
  const account = principal === undefined ? undefined : accountOf(principal);
  const resource =
    draft.call === 'AssumeRole' || draft.call === 'AssumeRoleWithWebIdentity'
      ? draft.RoleArn.trim()
      : draft.call === 'GetFederationToken' && account !== undefined
        ? `arn:aws:sts::${account}:federated-user/${draft.Name.trim()}`
        : '*';
  const as = draft.as.trim();
  return {
    ...(principal !== undefined ? { principal } : {}),
    action: `sts:${draft.call}`,
    resource,
    ...(Object.keys(params).length > 0 ? { params } : {}),
    ...(issuesSession(draft.call) && as !== '' ? { as } : {}),
  };
}

/** The first `session1`, `session2` … not taken by an issued session or a saved request's `as`. */
export function nextSessionName(taken: Iterable<string | undefined>): string {
  const names = new Set([...taken].filter((n): n is string => n !== undefined));
  let i = 1;
  while (names.has(`session${i}`)) i += 1;
  return `session${i}`;
}

/** The draft of a saved STS request (loaded into the form). */
export function stsDraftOf(request: RequestJson, base: StsDraft): StsDraft | undefined {
  const call = request.action.replace(/^sts:/i, '');
  const known = (Object.keys(STS_FIELDS) as StsCall[]).find((c) => c.toLowerCase() === call.toLowerCase());
  if (!known || !/^sts:/i.test(request.action)) return undefined;
  const params = request.params ?? {};
  const text = (field: StsField): string => {
    const value = params[field];
    if (value === undefined) return '';
    if (field === 'Policy') return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
    if (field === 'PolicyArns' && Array.isArray(value)) return value.join('\n');
    if (field === 'Tags' && typeof value === 'object' && value !== null) {
      const entries = Array.isArray(value) ? value.map((t: { Key?: string; Value?: string }) => [t.Key ?? '', t.Value ?? '']) : Object.entries(value as Record<string, string>);
      return entries.map(([k, v]) => `${k}=${v}`).join('\n');
    }
    return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  };
  const draft: Record<string, string> = {};
  for (const field of STS_FIELDS[known]) draft[field] = text(field);
  if (known === 'AssumeRole' || known === 'AssumeRoleWithWebIdentity') draft['RoleArn'] ||= request.resource;
  return { ...base, ...draft, call: known, as: request.as ?? '' };
}
