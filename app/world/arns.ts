/**
 * ARNs of the world's entities, as AWS writes them (a path between the type and the name).
 * Used to fill the request form and to find which node a trace event speaks of.
 */
function withPath(path: string | undefined, name: string): string {
  const p = path && path !== '/' ? path : '/';
  return `${p.slice(1)}${name}`;
}

export const arn = {
  root: (account: string) => `arn:aws:iam::${account}:root`,
  user: (account: string, name: string, path?: string) => `arn:aws:iam::${account}:user/${withPath(path, name)}`,
  group: (account: string, name: string, path?: string) => `arn:aws:iam::${account}:group/${withPath(path, name)}`,
  role: (account: string, name: string, path?: string) => `arn:aws:iam::${account}:role/${withPath(path, name)}`,
  /** A role session: AWS writes the role name without its path. */
  roleSession: (account: string, role: string, session: string) => `arn:aws:sts::${account}:assumed-role/${role}/${session}`,
  policy: (account: string, name: string, path?: string) => `arn:aws:iam::${account}:policy/${withPath(path, name)}`,
};

/** The session name the form gives a role's session. */
export const DEFAULT_SESSION_NAME = 'playground';

/** The bucket ARN of an S3 object ARN (`arn:aws:s3:::b/key` → `arn:aws:s3:::b`), else the ARN itself. */
export function s3BucketOf(resourceArn: string): string {
  const m = /^(arn:[^:]+:s3:::[^/]+)\/.*$/.exec(resourceArn);
  return m ? (m[1] as string) : resourceArn;
}
