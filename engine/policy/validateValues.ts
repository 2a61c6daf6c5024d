/**
 * Checks the strings of Action/NotAction, Resource/NotResource and Principal/NotPrincipal:
 * action form, ARN form, principal forms, and policy variables in them.
 * Sources: IAM User Guide, "IAM JSON policy elements: Action", "…: Resource", "AWS JSON
 * policy elements: Principal", "IAM identifiers" (ARNs), "IAM policy elements: Variables
 * and tags", and the IAM Access Analyzer policy check reference.
 */
import { childPath } from './jsonPath';
import type { Located, PrincipalBlock, Statement, StringListElement } from './types';
import { hasPolicyVariable, scanPolicyVariables } from './variables';
import type { ValidationContext } from './validationContext';

/** AWS partitions (IAM identifiers, "ARN format"). */
export const AWS_PARTITIONS: ReadonlySet<string> = new Set([
  'aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc',
]);

const SERVICE = /^[A-Za-z0-9*?-]+$/;
const ACTION_NAME = /^[A-Za-z0-9_.*?-]+$/;
const ACCOUNT_ID = /^\d{12}$/;
const DIGITS = /^\d+$/;
/** IAM unique IDs (AIDA…, AROA…, AIDA…): AWS rewrites ARNs of deleted principals to these. */
const UNIQUE_ID = /^A[A-Z0-9]{15,127}$/;
const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.(amazonaws\.com(\.cn)?|amazon\.com)$/;
const PROVIDER_HOST = /^[A-Za-z0-9][A-Za-z0-9.-]*(\/[^\s]*)?$/;
const PROVIDER_ARN = /^arn:[^:]+:iam::\d{12}:(saml-provider|oidc-provider)\/.+$/;
const CANONICAL_USER = /^[0-9a-fA-F]{64}$/;

function hasWildcard(s: string): boolean {
  return s.includes('*') || s.includes('?');
}

export function checkValues(ctx: ValidationContext, st: Statement): void {
  for (const [element, el] of [['Action', st.action], ['NotAction', st.notAction]] as const) {
    if (el !== undefined) checkActions(ctx, st, element, el);
  }
  for (const [element, el] of [['Resource', st.resource], ['NotResource', st.notResource]] as const) {
    if (el !== undefined) checkResources(ctx, st, element, el);
  }
  for (const [element, block] of [['Principal', st.principal], ['NotPrincipal', st.notPrincipal]] as const) {
    if (block !== undefined) checkPrincipals(ctx, st, element, block);
  }
}

function checkActions(ctx: ValidationContext, st: Statement, element: string, el: StringListElement): void {
  const path = ctx.elementPath(st, element);
  for (const { value, span } of el.values) {
    if (value === '*') continue;
    if (hasPolicyVariable(value)) {
      ctx.report('policyVariableNotSupported', { value, element }, span, path);
      continue;
    }
    const colon = value.indexOf(':');
    const service = colon < 0 ? '' : value.slice(0, colon);
    const name = colon < 0 ? '' : value.slice(colon + 1);
    if (!SERVICE.test(service) || !ACTION_NAME.test(name)) {
      ctx.report('invalidActionFormat', { value }, span, path);
      continue;
    }
    // A role's trust policy decides only who may call sts:AssumeRole* (and sts:TagSession,
    // sts:SetSourceIdentity, sts:SetContext) on the role.
    if (ctx.kind === 'trust' && element === 'Action' && !hasWildcard(service) && service.toLowerCase() !== 'sts') {
      ctx.report('trustPolicyNonStsAction', { value }, span, path);
    }
  }
}

/**
 * The fields of an ARN: `arn:partition:service:region:account:resource` (the resource may
 * hold colons). A policy variable such as `${aws:username}` is one piece of text: its colon
 * does not separate fields.
 */
export function splitArn(value: string): { partition: string; service: string; region: string; account: string; resource: string } | undefined {
  const parts: string[] = [];
  let from = 0;
  let inVariable = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x24 /* $ */ && value.charCodeAt(i + 1) === 0x7b /* { */) inVariable = true;
    else if (c === 0x7d /* } */) inVariable = false;
    else if (c === 0x3a /* : */ && !inVariable) {
      parts.push(value.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(value.slice(from));
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition = '', service = '', region = '', account = ''] = parts;
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}

function checkResources(ctx: ValidationContext, st: Statement, element: string, el: StringListElement): void {
  const path = ctx.elementPath(st, element);
  for (const { value, span } of el.values) {
    if (value === '*') continue;
    if (hasPolicyVariable(value)) checkResourceVariables(ctx, value, span, path);
    if (!value.startsWith('arn:')) {
      ctx.report('invalidArnPrefix', { value }, span, path);
      continue;
    }
    const arn = splitArn(value);
    if (arn === undefined || arn.service === '' || arn.resource === '') {
      ctx.report('missingArnField', { value }, span, path);
      continue;
    }
    const dynamic = (s: string): boolean => hasWildcard(s) || hasPolicyVariable(s);
    if (!dynamic(arn.partition) && !AWS_PARTITIONS.has(arn.partition)) {
      ctx.report('invalidPartition', { value, partition: arn.partition }, span, path);
    }
    if (arn.service !== arn.service.toLowerCase()) {
      ctx.report('invalidArnServiceCase', { value, service: arn.service }, span, path);
    }
    const acct = arn.account;
    // `aws` is the account of AWS managed policies: arn:aws:iam::aws:policy/…
    if (acct !== '' && acct !== 'aws' && !dynamic(acct) && !ACCOUNT_ID.test(acct)) {
      ctx.report('invalidArnAccount', { value, account: acct }, span, path);
    }
  }
}

function checkResourceVariables(ctx: ValidationContext, value: string, span: Located<string>['span'], path: string): void {
  if (!ctx.variablesEnabled) {
    ctx.report('policyVariableWithoutVersion', { value }, span, path);
    return;
  }
  const scan = scanPolicyVariables(value);
  if (scan.problem !== undefined) {
    ctx.report('invalidPolicyVariable', { value, problem: scan.problem }, span, path);
    return;
  }
  // "You can use a policy variable in the Resource element, but only in the resource
  // portion of the ARN … after the fifth colon" (IAM policy elements: Variables and tags).
  const first = scan.variables[0];
  if (first !== undefined && value.startsWith('arn:')) {
    let colons = 0;
    for (let i = 0; i < first.start; i++) if (value.charCodeAt(i) === 0x3a) colons++;
    if (colons < 5) ctx.report('policyVariableInArnPrefix', { value }, span, path);
  }
}

function checkPrincipals(ctx: ValidationContext, st: Statement, element: string, block: PrincipalBlock): void {
  for (const entry of block.entries) {
    const { value, span } = entry;
    const path = childPath(ctx.elementPath(st, element), entry.type);
    if (hasPolicyVariable(value)) {
      ctx.report('policyVariableNotSupported', { value, element }, span, path);
      continue;
    }
    if (value === '*') {
      // {"AWS": "*"} means everyone; other types take no wildcard.
      if (entry.type !== 'AWS') ctx.report('unsupportedWildcardInPrincipal', { value }, span, path);
      continue;
    }
    if (hasWildcard(value)) {
      ctx.report('unsupportedWildcardInPrincipal', { value }, span, path);
      continue;
    }
    switch (entry.type) {
      case 'AWS':
        checkAwsPrincipal(ctx, value, span, path);
        break;
      case 'Service':
        if (!SERVICE_PRINCIPAL.test(value)) ctx.report('invalidServicePrincipal', { value }, span, path);
        break;
      case 'Federated':
        if (value.startsWith('arn:') ? !PROVIDER_ARN.test(value) : !PROVIDER_HOST.test(value)) {
          ctx.report('invalidFederatedPrincipal', { value }, span, path);
        }
        break;
      case 'CanonicalUser':
        if (!CANONICAL_USER.test(value)) ctx.report('invalidCanonicalUser', { value }, span, path);
        break;
    }
  }
}

/**
 * An AWS principal is a 12-digit account ID (shorthand for arn:aws:iam::ID:root), an ARN of
 * the account root, an IAM user or role, an assumed-role session or a federated user, or a
 * unique ID (AWS principal element reference, "AWS account principals", "IAM role principals").
 */
function checkAwsPrincipal(ctx: ValidationContext, value: string, span: Located<string>['span'], path: string): void {
  if (ACCOUNT_ID.test(value) || UNIQUE_ID.test(value)) return;
  if (DIGITS.test(value)) {
    ctx.report('invalidPrincipalAccount', { value }, span, path);
    return;
  }
  if (!value.startsWith('arn:')) {
    ctx.report('invalidAwsPrincipal', { value }, span, path);
    return;
  }
  const arn = splitArn(value);
  if (arn === undefined || !AWS_PARTITIONS.has(arn.partition) || (arn.service !== 'iam' && arn.service !== 'sts') || arn.region !== '' || arn.resource === '') {
    ctx.report('invalidPrincipalArn', { value }, span, path);
    return;
  }
  if (!ACCOUNT_ID.test(arn.account)) ctx.report('invalidPrincipalAccount', { value: arn.account }, span, path);
}
