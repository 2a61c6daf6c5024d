/**
 * The completion items for a request (./request.ts) from what is loaded: the IAM service
 * catalogue (services, the typed service's actions, global and service condition keys) and
 * the learner's world (ARNs, account IDs). Pure: the Monaco adapter (../languageSetup.ts)
 * loads the data first and turns these items into Monaco's.
 */
import type { ConditionKeyInfo, ServiceData, ServiceSummary } from '../../../engine/data/serviceData';
import { CONDITION_OPERATORS } from '../../../engine/policy/conditionOperators';
import type { EditorDocs } from '../../i18n/areas/editor.docs.en';
import { accessLevels, actionDoc, conditionKeyDoc, globalKeyText, operatorDoc } from './docs';
import { baseOperator, type CompletionRequest } from './request';
import type { WorldName } from './worldNames';

export type ItemKind = 'service' | 'action' | 'operator' | 'key' | 'value' | 'arn' | 'account';

export interface PolicyCompletionItem {
  readonly label: string;
  readonly insertText: string;
  /** `insertText` is a snippet (`$0` marks where the cursor goes). */
  readonly snippet: boolean;
  readonly kind: ItemKind;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** Items sort by this, then by label. */
  readonly sortText: string;
  /** Open the suggestions again after inserting (a service prefix: its actions come next). */
  readonly retrigger?: boolean;
}

export interface CompletionSources {
  /** Every service (the catalogue's index), or `undefined` while not loaded. */
  readonly services: readonly ServiceSummary[] | undefined;
  /** The data of the service named in the typed action (`s3:` → s3), when loaded. */
  readonly service: ServiceData | undefined;
  readonly globalKeys: readonly ConditionKeyInfo[] | undefined;
  /** The condition keys of the statement's actions (and of a service prefix typed in the key). */
  readonly serviceKeys: readonly ConditionKeyInfo[];
  readonly world: readonly WorldName[];
}

/** Common service principals, for `"Principal": {"Service": …}` (a service role's trust policy). */
export const SERVICE_PRINCIPALS = [
  'ec2', 'lambda', 'ecs-tasks', 'eks', 'states', 'events', 'scheduler', 'apigateway', 'sns', 'sqs', 's3', 'cloudformation',
  'codebuild', 'codepipeline', 'glue', 'sagemaker', 'elasticmapreduce', 'firehose', 'logs', 'cloudtrail', 'config', 'ssm',
  'backup', 'batch', 'rds', 'redshift', 'datasync', 'delivery.logs', 'edgelambda', 'monitoring',
].map((s) => `${s}.amazonaws.com`);

/** Web identity providers AWS names in trust policies without an IAM provider ARN. */
export const WEB_IDENTITY_PROVIDERS = ['cognito-identity.amazonaws.com', 'accounts.google.com', 'graph.facebook.com', 'www.amazon.com'];

function value(request: CompletionRequest, text: string): string {
  return request.quoted ? text : JSON.stringify(text);
}

function item(request: CompletionRequest, kind: ItemKind, text: string, sortText: string, extra: Partial<PolicyCompletionItem> = {}): PolicyCompletionItem {
  return { label: text, insertText: value(request, text), snippet: false, kind, sortText, ...extra };
}

function actionItems(request: CompletionRequest, sources: CompletionSources, docs: EditorDocs): PolicyCompletionItem[] {
  const colon = request.typed.indexOf(':');
  if (colon < 0) {
    const services = (sources.services ?? []).map((s) =>
      item(request, 'service', `${s.prefix}:`, `1${s.prefix}`, { detail: s.name, retrigger: true }),
    );
    return [item(request, 'value', '*', '0', { detail: docs.labels.anyone }), ...services];
  }
  const data = sources.service;
  if (data === undefined) return [];
  const all = item(request, 'action', `${data.prefix}:*`, '0', { detail: data.name });
  const actions = [...data.actions.values()].map((a) =>
    item(request, 'action', `${data.prefix}:${a.name}`, `1${a.name}`, { detail: accessLevels(docs, a), documentation: actionDoc(docs, a) }),
  );
  return [all, ...actions];
}

/** Every operator name: each base operator, with IfExists (not Null), and with ForAllValues:/ForAnyValue:. */
export function allOperatorNames(): string[] {
  const names: string[] = [];
  for (const qualifier of ['', 'ForAllValues:', 'ForAnyValue:']) {
    for (const op of CONDITION_OPERATORS) {
      names.push(`${qualifier}${op}`);
      if (op !== 'Null') names.push(`${qualifier}${op}IfExists`);
    }
  }
  return names;
}

function operatorItems(request: CompletionRequest, docs: EditorDocs): PolicyCompletionItem[] {
  return allOperatorNames().map((name) => {
    // Plain operators first, IfExists next, set operators last: the order a learner needs them.
    const rank = name.includes(':') ? 2 : name.endsWith('IfExists') ? 1 : 0;
    return {
      label: name,
      insertText: request.quoted ? name : `"${name}": {$0}`,
      snippet: !request.quoted,
      kind: 'operator' as const,
      documentation: operatorDoc(docs, name),
      sortText: `${rank}${name}`,
    };
  });
}

/** A template key (`aws:PrincipalTag/tag-key`, `s3:ExistingObjectTag/<key>`) is inserted up to its slash: the learner types the tag key. */
function keyText(key: string): string {
  const slash = key.indexOf('/');
  return slash > 0 && /tag-key|\$\{|<|>/i.test(key.slice(slash + 1)) ? key.slice(0, slash + 1) : key;
}

function keyItems(request: CompletionRequest, sources: CompletionSources, docs: EditorDocs): PolicyCompletionItem[] {
  const out = new Map<string, PolicyCompletionItem>();
  const add = (info: ConditionKeyInfo, global: boolean, rank: string): void => {
    const text = keyText(info.key);
    if (out.has(text.toLowerCase())) return;
    const insertText = request.quoted ? text : `"${text}": "$0"`;
    out.set(text.toLowerCase(), {
      label: info.key,
      insertText,
      snippet: !request.quoted,
      kind: 'key',
      detail: info.type,
      documentation: conditionKeyDoc(docs, info.key, info, global),
      sortText: `${rank}${info.key}`,
    });
  };
  for (const info of sources.serviceKeys) add(info, false, '0');
  for (const info of sources.globalKeys ?? []) add(info, true, globalKeyText(docs, info.key) !== undefined ? '1' : '2');
  return [...out.values()];
}

function conditionValueItems(request: CompletionRequest & { target: { kind: 'conditionValue' } }): PolicyCompletionItem[] {
  const base = baseOperator(request.target.operator);
  if (base !== 'Bool' && base !== 'Null') return [];
  return ['true', 'false'].map((v, i) => item(request, 'value', v, String(i)));
}

function worldItems(request: CompletionRequest, names: readonly WorldName[], kinds: readonly WorldName['kind'][], docs: EditorDocs): PolicyCompletionItem[] {
  return names
    .filter((n) => kinds.includes(n.kind))
    .map((n) => item(request, n.kind === 'account' ? 'account' : 'arn', n.value, `1${kinds.indexOf(n.kind)}${n.value}`, {
      detail: `${n.kind === 'account' ? docs.labels.accountOf : docs.labels.arnOf}: ${n.label}`,
    }));
}

/** The items for `request`, before Monaco filters them by what is typed. */
export function completionItems(request: CompletionRequest, sources: CompletionSources, docs: EditorDocs): PolicyCompletionItem[] {
  const star = (): PolicyCompletionItem => item(request, 'value', '*', '0', { detail: docs.labels.anyone });
  const target = request.target;
  switch (target.kind) {
    case 'action':
      return actionItems(request, sources, docs);
    case 'operator':
      return operatorItems(request, docs);
    case 'conditionKey':
      return keyItems(request, sources, docs);
    case 'conditionValue':
      return conditionValueItems({ ...request, target });
    case 'resource':
      return [star(), ...worldItems(request, sources.world, ['resource', 'user', 'group', 'role', 'policy', 'root'], docs)];
    case 'principal':
      switch (target.slot) {
        case 'any':
          return [star()];
        case 'AWS':
          return [star(), ...worldItems(request, sources.world, ['account', 'root', 'user', 'role'], docs)];
        case 'Service':
          return SERVICE_PRINCIPALS.map((s, i) => item(request, 'value', s, String(i).padStart(2, '0')));
        case 'Federated':
          return [...worldItems(request, sources.world, ['identityProvider'], docs), ...WEB_IDENTITY_PROVIDERS.map((p) => item(request, 'value', p, `2${p}`))];
        case 'CanonicalUser':
          return [];
      }
  }
}
