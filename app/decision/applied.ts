/**
 * What an applied IAM write changed, in the learner's language: the simulated IAM API's
 * summary code with its parameters (engine/iamApi/spec.ts `API_SUMMARY_CODES`), and the
 * new access key a CreateAccessKey response carries. Read from the engine's answer only.
 */
import { API_SUMMARY_CODES, type ApiSummaryCode } from '../../engine/iamApi/spec';
import type { AppliedCall } from '../../engine/iamApi/types';
import { translate, type Lang, type MessageKey } from '../i18n';

const CODES: ReadonlySet<string> = new Set(API_SUMMARY_CODES);

/** The translation key of a summary code. */
export function summaryKey(code: ApiSummaryCode): MessageKey {
  return `api.summary.${code}`;
}

/** A managed policy by its name (the ARN's last part); an inline policy's name as it is. */
function policyName(policy: string): string {
  return policy.startsWith('arn:') ? policy.slice(policy.lastIndexOf('/') + 1) : policy;
}

/** The sentence of `summary`; an unknown code (a newer engine) shows as itself with its parameters. */
export function appliedSummary(lang: Lang, summary: AppliedCall['summary']): string {
  const { code, params } = summary;
  if (!CODES.has(code)) return `${code} ${JSON.stringify(params)}`;
  // The entity an attachment, an inline policy, a boundary or tags belong to, with its kind:
  // "user dev-lee", "사용자 dev-lee" (those calls name exactly one of user, group, role).
  const kind = params.user !== undefined ? 'user' : params.group !== undefined ? 'group' : 'role';
  const name = params[kind] ?? '';
  const target = translate(lang, `api.target.${kind}`, { name });
  return translate(lang, summaryKey(code as ApiSummaryCode), { ...params, ...(params.policy !== undefined ? { policy: policyName(params.policy) } : {}), target });
}

export interface NewAccessKey {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly userName?: string;
}

/** The access key a CreateAccessKey response returns (`AccessKey` with its secret), if any. */
export function newAccessKey(applied: AppliedCall | undefined): NewAccessKey | undefined {
  const key = applied?.response?.['AccessKey'];
  if (typeof key !== 'object' || key === null) return undefined;
  const { AccessKeyId, SecretAccessKey, UserName } = key as Record<string, unknown>;
  if (typeof AccessKeyId !== 'string' || typeof SecretAccessKey !== 'string') return undefined;
  return { accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, ...(typeof UserName === 'string' ? { userName: UserName } : {}) };
}
