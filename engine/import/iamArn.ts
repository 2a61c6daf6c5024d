/**
 * IAM ARNs as the authorization details give them: `arn:PARTITION:iam::ACCOUNT:TYPE/PATH/NAME`
 * (IAM User Guide, "IAM identifiers"). AWS managed policies have `aws` as their account.
 */

export interface IamArn {
  readonly partition: string;
  /** Twelve digits, or `aws` for an AWS managed policy. */
  readonly account: string;
  readonly type: string;
  /** The last segment: the entity's name. */
  readonly name: string;
}

const IAM_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}|aws):([a-z-]+)\/(?:[\x21-\x7e]*\/)?([^/]+)$/;

export function parseIamArn(arn: string): IamArn | undefined {
  const m = IAM_ARN.exec(arn);
  if (!m) return undefined;
  return { partition: m[1] ?? '', account: m[2] ?? '', type: m[3] ?? '', name: m[4] ?? '' };
}

/** The ARN of a policy AWS manages (`arn:aws:iam::aws:policy/…`). */
export function isAwsManagedPolicyArn(arn: string): boolean {
  return /^arn:aws[a-z-]*:iam::aws:policy\//.test(arn);
}

/** An IAM path: `/` or `/a/b/` of printable ASCII (IAM API Reference, the `Path` pattern). */
export function isIamPath(path: string): boolean {
  return path.length <= 512 && /^\/(?:[\x21-\x7e]+\/)?$/.test(path);
}
