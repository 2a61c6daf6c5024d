/**
 * Hover documentation of a policy: what the string under the pointer is (an element, a
 * principal type, an Effect or Version value, a condition operator or key, an action, an
 * ARN of the world) and its explanation. Pure: the Monaco adapter loads the service data a
 * target needs (`hoverNeeds`) before asking for the text.
 */
import type { ActionInfo, ConditionKeyInfo } from '../../../engine/data/serviceData';
import type { EditorDocs } from '../../i18n/areas/editor.docs.en';
import { PRINCIPAL_TYPE_NAMES } from '../../i18n/areas/editor.docs.en';
import { actionDoc, conditionKeyDoc, elementDoc, isPolicyElement, md, operatorDoc, wildcardActionDoc } from './docs';
import { inStatement, stringAt } from './jsonCursor';
import type { WorldName } from './worldNames';

export type HoverTarget =
  | { readonly kind: 'element'; readonly name: string }
  | { readonly kind: 'principalType'; readonly name: string }
  | { readonly kind: 'effect'; readonly name: string }
  | { readonly kind: 'version'; readonly name: string }
  | { readonly kind: 'operator'; readonly name: string }
  | { readonly kind: 'conditionKey'; readonly name: string }
  | { readonly kind: 'action'; readonly name: string }
  | { readonly kind: 'name'; readonly name: string };

export interface Hover {
  readonly target: HoverTarget;
  /** The string token hovered, quotes included. */
  readonly span: { readonly start: number; readonly end: number };
}

export interface HoverSources {
  /** A loaded action (`undefined` when unknown or its service is not loaded). */
  action(service: string, name: string): ActionInfo | undefined;
  /** Loaded actions a wildcard pattern matches. */
  actionsMatching(pattern: string): readonly ActionInfo[];
  /** A condition key's definition and whether it is global. */
  conditionKey(key: string): { readonly info: ConditionKeyInfo; readonly global: boolean } | undefined;
  readonly world: readonly WorldName[];
}

/** What is under `offset`, if the editor explains it. */
export function hoverAt(text: string, offset: number): Hover | undefined {
  const s = stringAt(text, offset);
  if (s === undefined) return undefined;
  const span = { start: s.start, end: s.end };
  const name = s.value;
  const hover = (target: HoverTarget): Hover => ({ target, span });
  const { path } = s;
  if (s.role === 'key') {
    if (path.length === 1) return isPolicyElement(name) ? hover({ kind: 'element', name }) : undefined;
    const at = inStatement(path);
    if (at === undefined) return undefined;
    const [element] = at.rest;
    if (at.rest.length === 1) return isPolicyElement(name) ? hover({ kind: 'element', name }) : undefined;
    if ((element === 'Principal' || element === 'NotPrincipal') && at.rest.length === 2) {
      return (PRINCIPAL_TYPE_NAMES as readonly string[]).includes(name) ? hover({ kind: 'principalType', name }) : undefined;
    }
    if (element === 'Condition' && at.rest.length === 2) return hover({ kind: 'operator', name });
    if (element === 'Condition' && at.rest.length === 3) return hover({ kind: 'conditionKey', name });
    return undefined;
  }
  if (path.length === 1 && path[0] === 'Version') return hover({ kind: 'version', name });
  const at = inStatement(path);
  if (at === undefined) return undefined;
  const [element] = at.rest;
  if (element === 'Effect' && at.rest.length === 1) return hover({ kind: 'effect', name });
  if ((element === 'Action' || element === 'NotAction') && at.rest.length <= 2) return hover({ kind: 'action', name });
  if (element === 'Resource' || element === 'NotResource') return name === '*' ? undefined : hover({ kind: 'name', name });
  if (element === 'Principal' || element === 'NotPrincipal') return hover({ kind: 'name', name });
  return undefined;
}

/** The service data a hover needs loaded first: the service of an action or of a condition key. */
export function hoverNeeds(target: HoverTarget): string | undefined {
  if (target.kind !== 'action' && target.kind !== 'conditionKey') return undefined;
  const colon = target.name.indexOf(':');
  if (colon <= 0) return undefined;
  const prefix = target.name.slice(0, colon).toLowerCase();
  return /[*?]/.test(prefix) ? undefined : prefix;
}

/** The Markdown of a hover, or `undefined` when there is nothing to say (an unknown action). */
export function hoverText(target: HoverTarget, sources: HoverSources, docs: EditorDocs): string | undefined {
  const name = target.name;
  switch (target.kind) {
    case 'element':
      return isPolicyElement(name) ? elementDoc(docs, name) : undefined;
    case 'principalType':
      return name in docs.principalTypes ? `**${name}** — ${docs.labels.principalType}\n\n${docs.principalTypes[name as keyof EditorDocs['principalTypes']]}` : undefined;
    case 'effect':
      return name === 'Allow' || name === 'Deny' ? `**${name}** — ${docs.labels.effect}\n\n${docs.effects[name]}` : undefined;
    case 'version':
      return name === '2012-10-17' || name === '2008-10-17' ? `**${name}** — ${docs.labels.version}\n\n${docs.versions[name]}` : undefined;
    case 'operator':
      return operatorDoc(docs, name);
    case 'conditionKey': {
      const found = sources.conditionKey(name);
      return found === undefined ? undefined : conditionKeyDoc(docs, name, found.info, found.global);
    }
    case 'action': {
      const colon = name.indexOf(':');
      if (colon <= 0) return undefined;
      const service = name.slice(0, colon).toLowerCase();
      const action = name.slice(colon + 1);
      if (/[*?]/.test(action)) {
        const matches = sources.actionsMatching(name);
        return matches.length > 0 ? wildcardActionDoc(docs, name, service, matches) : undefined;
      }
      const info = sources.action(service, action);
      return info === undefined ? undefined : actionDoc(docs, info);
    }
    case 'name': {
      const known = sources.world.find((n) => n.value === name);
      if (known === undefined) return name === '*' ? `**\\*** — ${docs.labels.anyone}` : undefined;
      return `**${md(known.label)}** — ${known.kind === 'account' ? docs.labels.accountOf : docs.labels.arnOf}\n\n\`${known.value}\``;
    }
  }
}
