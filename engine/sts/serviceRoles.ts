/**
 * Services acting with a role: an EC2 instance launched with an instance profile, a Lambda
 * function created with an execution role.
 *
 * - Giving a role to a service needs `iam:PassRole` on the role, with `iam:PassedToService`
 *   (and `iam:AssociatedResourceArn`) in the request context (IAM User Guide, "Grant a user
 *   permissions to pass a role to an AWS service"; "IAM and AWS STS condition context
 *   keys": iam:PassedToService, iam:AssociatedResourceArn).
 * - The service then assumes the role as its service principal (`ec2.amazonaws.com`,
 *   `lambda.amazonaws.com`), which the role's trust policy must allow. EC2 names the role
 *   session after the instance id and Lambda after the function name (IAM User Guide, "Use
 *   an IAM role to grant permissions to applications running on Amazon EC2 instances";
 *   Lambda Developer Guide, "Defining Lambda function permissions with an execution role").
 *   Lambda refuses a role it cannot assume when the function is created
 *   (InvalidParameterValueException, "The role defined for the function cannot be assumed
 *   by Lambda."); EC2 launches the instance, which then has no credentials.
 * - Requests made with those credentials carry `ec2:SourceInstanceARN` or
 *   `lambda:SourceFunctionArn`.
 */
import type { ContextValue } from '../context/types';
import type { ResolvedPrincipal } from '../evaluate/principal';
import type { RoleEntity, World } from '../model/world';
import type { RequestJson } from '../scenario/types';
import { stringParam, type ParamError } from './params';

export interface ServiceRolePlan {
  readonly ok: true;
  readonly service: 'ec2.amazonaws.com' | 'lambda.amazonaws.com';
  readonly role: RoleEntity;
  /** The instance id or the function name: the role session's name. */
  readonly sessionName: string;
  /** The instance or function ARN (iam:AssociatedResourceArn, ec2:SourceInstanceARN / lambda:SourceFunctionArn). */
  readonly resourceArn: string;
  /** The context of the iam:PassRole check. */
  readonly passRoleContext: readonly (readonly [string, ContextValue])[];
  /** The keys requests with the service's credentials carry. */
  readonly sessionContext: readonly (readonly [string, ContextValue])[];
  /** What the call returns, in the API's element names. */
  readonly response: Readonly<Record<string, unknown>>;
  /** The instance profile, for EC2. */
  readonly instanceProfileArn: string | undefined;
}

export type ServiceRoleCheck = ServiceRolePlan | (ParamError & { readonly ok: false });

/** Whether a request gives a role to a service: `ec2:RunInstances` with `IamInstanceProfile`, `lambda:CreateFunction` with `Role`. */
export function isServiceRoleRequest(request: RequestJson): boolean {
  const params = request.params;
  if (params === undefined) return false;
  const action = request.action.toLowerCase();
  return (action === 'ec2:runinstances' && params['IamInstanceProfile'] !== undefined) || (action === 'lambda:createfunction' && params['Role'] !== undefined);
}

function hex(seed: string, length: number): string {
  let out = '';
  for (let round = 0; out.length < length; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

/** Region and account of the request's resource ARN (`arn:aws:ec2:REGION:ACCOUNT:…`), else the defaults. */
function regionAndAccount(resource: string, fallbackAccount: string): { region: string; account: string } {
  const parts = resource.split(':');
  const region = parts[3] && /^[a-z]{2}(-[a-z]+)+-\d$/.test(parts[3]) ? parts[3] : 'us-east-1';
  const account = parts[4] && /^\d{12}$/.test(parts[4]) ? parts[4] : fallbackAccount;
  return { region, account };
}

function refuse(errorCode: string, message: string): ServiceRoleCheck {
  return { ok: false, errorCode, message };
}

/** The instance profile a RunInstances request names: `"NAME"`, `{ "Name": … }` or `{ "Arn": … }`. */
function instanceProfileOf(world: World, raw: unknown, account: string) {
  const value = typeof raw === 'string' ? { Name: raw } : typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const arn = typeof value['Arn'] === 'string' ? value['Arn'] : undefined;
  if (arn !== undefined) {
    const m = /^arn:[a-z-]+:iam::(\d{12}):instance-profile\/(?:.*\/)?([^/]+)$/.exec(arn);
    const profile = m ? world.accounts.get(m[1]!)?.instanceProfiles.get(m[2]!) : undefined;
    return { label: arn, field: 'iamInstanceProfile.arn', profile: profile?.arn === arn ? profile : undefined };
  }
  const name = typeof value['Name'] === 'string' ? value['Name'] : '';
  return { label: name, field: 'iamInstanceProfile.name', profile: world.accounts.get(account)?.instanceProfiles.get(name) };
}

function roleOf(world: World, arn: string): RoleEntity | undefined {
  const m = /^arn:[a-z-]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn);
  const role = m ? world.accounts.get(m[1]!)?.roles.get(m[2]!) : undefined;
  return role && role.arn === arn ? role : undefined;
}

/** Reads the role a request gives to EC2 or Lambda, before any policy runs. */
export function serviceRolePrecheck(world: World, principal: ResolvedPrincipal, request: RequestJson): ServiceRoleCheck {
  const params = request.params ?? {};
  const action = request.action.toLowerCase();
  const callerAccount = principal.facts.accountId ?? world.accountOrder[0] ?? '000000000000';
  const { region, account } = regionAndAccount(request.resource, callerAccount);
  const seed = `${request.id ?? ''}|${principal.facts.callerArn}|${request.resource}`;

  if (action === 'ec2:runinstances') {
    const { label, field, profile } = instanceProfileOf(world, params['IamInstanceProfile'], account);
    if (!profile) return refuse('InvalidParameterValue', `Value (${label}) for parameter ${field} is invalid. Invalid IAM Instance Profile ${field.endsWith('arn') ? 'ARN' : 'name'}`);
    if (!profile.role) return refuse('InvalidParameterValue', `Value (${label}) for parameter ${field} is invalid. The instance profile has no role.`);
    const instanceId = stringParam(params, 'InstanceId') ?? `i-${hex(seed, 17)}`;
    if (!/^i-[0-9a-f]{8,17}$/.test(instanceId)) return refuse('InvalidParameterValue', `Value (${instanceId}) for parameter InstanceId is invalid: an instance id is i- and 8 or 17 hexadecimal digits.`);
    const instanceArn = `arn:aws:ec2:${region}:${account}:instance/${instanceId}`;
    return {
      ok: true, service: 'ec2.amazonaws.com', role: profile.role, sessionName: instanceId, resourceArn: instanceArn,
      passRoleContext: [['iam:PassedToService', 'ec2.amazonaws.com'], ['iam:AssociatedResourceArn', instanceArn]],
      sessionContext: [['ec2:SourceInstanceARN', instanceArn]],
      response: { Instances: [{ InstanceId: instanceId, IamInstanceProfile: { Arn: profile.arn, Id: profile.uniqueId } }] },
      instanceProfileArn: profile.arn,
    };
  }

  const functionName = stringParam(params, 'FunctionName');
  if (functionName === undefined || !/^[a-zA-Z0-9-_]{1,64}$/.test(functionName)) {
    return refuse('ValidationException', `1 validation error detected: Value '${functionName ?? 'null'}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+ (1 to 64 characters)`);
  }
  const roleArn = stringParam(params, 'Role') ?? '';
  if (!/^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/.test(roleArn)) {
    return refuse('ValidationException', `1 validation error detected: Value '${roleArn}' at 'role' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+`);
  }
  const role = roleOf(world, roleArn);
  if (!role) return refuse('InvalidParameterValueException', 'The role defined for the function cannot be assumed by Lambda.');
  const functionArn = `arn:aws:lambda:${region}:${account}:function:${functionName}`;
  return {
    ok: true, service: 'lambda.amazonaws.com', role, sessionName: functionName, resourceArn: functionArn,
    passRoleContext: [['iam:PassedToService', 'lambda.amazonaws.com'], ['iam:AssociatedResourceArn', functionArn]],
    sessionContext: [['lambda:SourceFunctionArn', functionArn]],
    response: { FunctionName: functionName, FunctionArn: functionArn, Role: role.arn },
    instanceProfileArn: undefined,
  };
}
