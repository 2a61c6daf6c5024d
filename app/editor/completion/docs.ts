/**
 * The documentation texts (Markdown) the editor shows on hover and beside completions:
 * policy elements, condition operators, condition keys and actions. The fixed labels are in
 * the learner's language (app/i18n/areas/editor.docs.*); AWS's own descriptions of actions
 * and keys come from the IAM service data and stay in English.
 */
import type { ActionInfo, ConditionKeyInfo } from '../../../engine/data/serviceData';
import { isConditionOperator, parseConditionOperator } from '../../../engine/policy/conditionOperators';
import { format } from '../../i18n';
import { DOCUMENTED_GLOBAL_KEYS, POLICY_ELEMENTS, type DocumentedGlobalKey, type EditorDocs, type PolicyElementName } from '../../i18n/areas/editor.docs.en';

/** Text shown literally in Markdown (AWS descriptions, names): Markdown's special characters escaped. */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, (c) => `\\${c}`);
}

export function isPolicyElement(name: string): name is PolicyElementName {
  return (POLICY_ELEMENTS as readonly string[]).includes(name);
}

export function elementDoc(docs: EditorDocs, name: PolicyElementName): string {
  return `**${name}** — ${docs.labels.element}\n\n${docs.elements[name]}`;
}

/** What an operator as written does: its base operator, IfExists and its set operator. */
export function operatorDoc(docs: EditorDocs, operatorText: string): string | undefined {
  const parsed = parseConditionOperator(operatorText);
  if (parsed.problem !== undefined || !isConditionOperator(parsed.operator)) return undefined;
  const lines = [`**${operatorText}** — ${docs.labels.operator}`, '', docs.operators[parsed.operator]];
  if (parsed.ifExists) lines.push('', docs.operatorParts.IfExists);
  if (parsed.qualifier !== undefined) lines.push('', docs.operatorParts[parsed.qualifier]);
  return lines.join('\n');
}

const GLOBAL_DOCS = new Map<string, DocumentedGlobalKey>(DOCUMENTED_GLOBAL_KEYS.map((k) => [k.toLowerCase(), k]));

/** The learner-language explanation of a global key (by its name in the IAM data), when there is one. */
export function globalKeyText(docs: EditorDocs, key: string): string | undefined {
  const documented = GLOBAL_DOCS.get(key.toLowerCase());
  return documented === undefined ? undefined : docs.globalKeys[documented];
}

/** A condition key: what it is (global or a service's), its type, our explanation and AWS's description. */
export function conditionKeyDoc(docs: EditorDocs, written: string, info: ConditionKeyInfo, global: boolean): string {
  const service = info.key.slice(0, info.key.indexOf(':'));
  const kind = global ? docs.labels.globalKey : format(docs.labels.serviceKey, { service });
  const lines = [`**${md(written)}** — ${kind}`, '', `${docs.labels.keyType}: \`${info.type}\``];
  const ours = global ? globalKeyText(docs, info.key) : undefined;
  if (ours !== undefined) lines.push('', ours);
  if (info.description !== '' && info.description !== ours) lines.push('', `*${docs.labels.awsDescription}:* ${md(info.description)}`);
  return lines.join('\n');
}

export function accessLevels(docs: EditorDocs, action: ActionInfo): string {
  return action.accessLevels.map((level) => docs.accessLevels[level]).join(', ');
}

/** An action: AWS's description, access level, resource types (required ones marked), condition keys, dependent actions. */
export function actionDoc(docs: EditorDocs, action: ActionInfo): string {
  const name = `${action.service}:${action.name}`;
  const lines = [`**${md(name)}** — ${docs.labels.action}`];
  if (action.description !== '') lines.push('', md(action.description));
  lines.push('', `**${docs.labels.accessLevel}:** ${accessLevels(docs, action) || '—'}`);
  const types = action.resourceTypes.map((r) => `\`${r.name}\`${r.required ? ` (${docs.labels.required})` : ''}`);
  lines.push('', `**${docs.labels.resourceTypes}:** ${types.length > 0 ? types.join(', ') : docs.labels.noResourceTypes}`);
  const keys = [...new Set([...action.conditionKeys, ...action.resourceTypes.flatMap((r) => r.conditionKeys)])];
  if (keys.length > 0) lines.push('', `**${docs.labels.conditionKeys}:** ${keys.map((k) => `\`${k}\``).join(', ')}`);
  if (action.dependentActions.length > 0) lines.push('', `**${docs.labels.dependentActions}:** ${action.dependentActions.map((a) => `\`${a}\``).join(', ')}`);
  return lines.join('\n');
}

/** A wildcard action: how many actions of which service it matches, and the first of them. */
export function wildcardActionDoc(docs: EditorDocs, written: string, service: string, matches: readonly ActionInfo[]): string {
  const shown = matches.slice(0, 12).map((a) => `\`${a.service}:${a.name}\``);
  const more = matches.length > shown.length ? `, … (${matches.length})` : ` (${matches.length})`;
  return [`**${md(written)}** — ${format(docs.labels.wildcardAction, { service })}`, '', `${shown.join(', ')}${more}`].join('\n');
}
