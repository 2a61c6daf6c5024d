/**
 * The JSON Schema of an IAM policy of one kind, for Monaco's JSON language (element names
 * and Effect/Version values offered as the learner types, with descriptions in the UI
 * language). Built from the engine's rules per kind (engine/policy/validationContext.ts
 * `KIND_RULES`), so the schema and the validator agree on what each kind allows: a trust
 * or resource-based policy requires Principal, an identity-based policy has none, a trust
 * policy has no Resource, an RCP denies only and names "*" as its principal.
 *
 * The schema guides typing; the markers come from the engine's validation alone (one
 * message per problem, in the learner's language, with quick fixes).
 */
import type { PolicyKind } from '../../engine/policy/types';
import { KIND_RULES } from '../../engine/policy/validationContext';
import type { EditorDocs } from '../i18n/areas/editor.docs.en';

export type JsonSchema = Readonly<Record<string, unknown>>;

const stringList = (description: string): JsonSchema => ({
  description,
  anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }],
});

function principalSchema(docs: EditorDocs, description: string, starOnly: boolean): JsonSchema {
  if (starOnly) return { description, enum: ['*'] };
  const types = Object.fromEntries(Object.entries(docs.principalTypes).map(([type, text]) => [type, stringList(text)]));
  return {
    description,
    anyOf: [{ enum: ['*'] }, { type: 'object', properties: types, additionalProperties: false, minProperties: 1 }],
  };
}

const conditionSchema = (description: string): JsonSchema => ({
  description,
  type: 'object',
  additionalProperties: {
    type: 'object',
    additionalProperties: { anyOf: [{ type: ['string', 'number', 'boolean'] }, { type: 'array', items: { type: ['string', 'number', 'boolean'] } }] },
  },
});

/** The statement a "new statement" suggestion inserts, with what this kind requires. */
function statementSnippet(kind: PolicyKind): Record<string, unknown> {
  switch (kind) {
    case 'trust':
      return { Effect: 'Allow', Principal: { AWS: '$1' }, Action: 'sts:AssumeRole' };
    case 'resource':
      return { Effect: 'Allow', Principal: { AWS: '$1' }, Action: ['$2'], Resource: ['$3'] };
    case 'rcp':
      return { Effect: 'Deny', Principal: '*', Action: ['$1'], Resource: '*' };
    case 'scp':
      return { Effect: 'Deny', Action: ['$1'], Resource: '*' };
    default:
      return { Effect: 'Allow', Action: ['$1'], Resource: ['$2'] };
  }
}

export function policySchema(kind: PolicyKind, docs: EditorDocs): JsonSchema {
  const rules = KIND_RULES[kind];
  const e = docs.elements;
  const effects = rules.allowAllowed ? (['Allow', 'Deny'] as const) : (['Deny'] as const);
  const properties: Record<string, JsonSchema> = {
    Sid: { description: e.Sid, type: 'string' },
    Effect: { description: e.Effect, enum: [...effects], enumDescriptions: effects.map((x) => docs.effects[x]) },
  };
  if (rules.principal !== 'forbidden') properties.Principal = principalSchema(docs, e.Principal, rules.principal === 'star');
  if (rules.notPrincipalAllowed) properties.NotPrincipal = principalSchema(docs, e.NotPrincipal, false);
  properties.Action = stringList(e.Action);
  if (rules.notActionAllowed) properties.NotAction = stringList(e.NotAction);
  if (rules.resource !== 'forbidden') {
    properties.Resource = stringList(e.Resource);
    properties.NotResource = stringList(e.NotResource);
  }
  properties.Condition = conditionSchema(e.Condition);

  const anyOf: JsonSchema[][] = [[{ required: ['Action'] }, { required: ['NotAction'] }]];
  if (rules.resource === 'required') anyOf.push([{ required: ['Resource'] }, { required: ['NotResource'] }]);
  if (rules.principal !== 'forbidden') anyOf.push(rules.notPrincipalAllowed ? [{ required: ['Principal'] }, { required: ['NotPrincipal'] }] : [{ required: ['Principal'] }]);
  const statement: JsonSchema = {
    type: 'object',
    properties,
    required: ['Effect'],
    allOf: anyOf.map((alternatives) => ({ anyOf: alternatives })),
    additionalProperties: false,
    defaultSnippets: [{ label: docs.labels.newStatement, body: statementSnippet(kind) }],
  };

  const versions = rules.organizations ? (['2012-10-17'] as const) : (['2012-10-17', '2008-10-17'] as const);
  const root: Record<string, JsonSchema> = {
    Version: { description: e.Version, enum: [...versions], enumDescriptions: versions.map((v) => docs.versions[v]) },
  };
  if (rules.idAllowed) root.Id = { description: e.Id, type: 'string' };
  root.Statement = { description: e.Statement, anyOf: [statement, { type: 'array', items: statement, minItems: 1 }] };
  return {
    type: 'object',
    properties: root,
    required: rules.organizations ? ['Version', 'Statement'] : ['Statement'],
    additionalProperties: false,
  };
}
