/**
 * The console's draft → the `RequestJson` the engine judges (scenario-format.md), or what is
 * missing or malformed, field by field. The form only makes the request well-formed; every
 * decision about it, sign-in included, is the engine's.
 */
import type { ConsoleJson, RequestJson } from '../../../engine/scenario/types';
import { contextProblems, toContext, type ContextProblem, type KeyType } from './contextKeys';
import type { RequestDraft } from './draft';
import { buildParams, writeSpecOf, type ParamProblem } from './iamParams';
import { needsCaller, stsProblems, stsRequest, type StsField, type StsProblem } from './sts';

/** A field of the form with a problem. */
export type DraftField = 'principal' | 'federatedName' | 'federatedIssuer' | 'action' | 'resource' | StsField | 'as';

export interface BuildProblems {
  readonly fields: Partial<Record<DraftField, 'required' | StsProblem>>;
  /** By index of `draft.context`. */
  readonly context: readonly (ContextProblem | undefined)[];
  /** The parameters of an IAM write, by API name (only those with a problem). */
  readonly params?: Readonly<Record<string, ParamProblem>>;
}

export type Built = { readonly ok: true; readonly request: RequestJson } | { readonly ok: false; readonly problems: BuildProblems };

export interface BuildInputs {
  /** The type of a context key (known keys, then the service catalogue). */
  readonly typeOf: (key: string) => KeyType;
  /** What a console sign-in types: the world's password and the MFA code of the moment. */
  readonly signIn?: ConsoleJson;
}

/** The caller of the request, as the scenario format names it (`undefined`: not given yet). */
export function callerOf(draft: RequestDraft): { principal?: string; issuer?: string } {
  switch (draft.callerKind) {
    case 'anonymous':
      return { principal: 'anonymous' };
    case 'federated': {
      const account = /^arn:[^:]+:iam::(\d{12}):user\//.exec(draft.federatedIssuer)?.[1];
      const name = draft.federatedName.trim();
      return account && name ? { principal: `arn:aws:sts::${account}:federated-user/${name}`, issuer: draft.federatedIssuer } : {};
    }
    default: {
      const principal = draft.principal.trim();
      return principal ? { principal } : {};
    }
  }
}

/** Whether the caller can sign in to the console with a password: an IAM user or a root user. */
export function canSignIn(draft: RequestDraft): boolean {
  return draft.callerKind === 'listed' && /^arn:[^:]+:iam::\d{12}:(user\/|root$)/.test(draft.principal.trim());
}

export function buildRequest(draft: RequestDraft, inputs: BuildInputs): Built {
  const fields: Partial<Record<DraftField, 'required' | StsProblem>> = {};
  const caller = callerOf(draft);
  const context = contextProblems(draft.context, inputs.typeOf);
  const stsCall = draft.mode === 'sts';
  const callerNeeded = !stsCall || needsCaller(draft.sts.call);
  if (callerNeeded && caller.principal === undefined) {
    if (draft.callerKind === 'federated') {
      if (draft.federatedName.trim() === '') fields.federatedName = 'required';
      if (draft.federatedIssuer === '') fields.federatedIssuer = 'required';
    } else fields.principal = 'required';
  }
  if (stsCall) Object.assign(fields, stsProblems(draft.sts));
  else {
    if (draft.action.trim() === '') fields.action = 'required';
    if (draft.resource.trim() === '') fields.resource = 'required';
  }
  // An IAM write the simulated IAM API plays: its parameters, when the learner gives any.
  const spec = stsCall ? undefined : writeSpecOf(draft.action);
  const write = spec ? buildParams(spec, draft.params ?? {}, draft.resource) : undefined;
  const params = write && Object.keys(write.problems).length > 0 ? write.problems : undefined;
  if (Object.keys(fields).length > 0 || context.some((p) => p !== undefined) || params) return { ok: false, problems: { fields, context, ...(params ? { params } : {}) } };

  const base: RequestJson = stsCall
    ? stsRequest(draft.sts, callerNeeded ? caller.principal : undefined)
    : {
        ...(caller.principal !== undefined ? { principal: caller.principal } : {}),
        action: draft.action.trim(),
        resource: draft.resource.trim(),
        ...(write?.params ? { params: write.params } : {}),
      };
  const contextValues = toContext(draft.context, inputs.typeOf);
  const signIn = draft.consoleSignIn && canSignIn(draft) ? (inputs.signIn ?? {}) : undefined;
  return {
    ok: true,
    request: {
      ...base,
      ...(contextValues ? { context: contextValues } : {}),
      ...(caller.issuer !== undefined && callerNeeded ? { session: { issuer: caller.issuer } } : {}),
      ...(signIn ? { console: signIn } : {}),
    },
  };
}
