/**
 * JSON paths for findings, e.g. `$.Statement[1].Condition.StringEquals["aws:username"]`:
 * a property that is a plain identifier is written with a dot, any other in brackets as a
 * JSON string, an array index in brackets.
 */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Appends one property name or array index to a path. */
export function childPath(path: string, segment: string | number): string {
  if (typeof segment === 'number') return `${path}[${segment}]`;
  return IDENTIFIER.test(segment) ? `${path}.${segment}` : `${path}[${JSON.stringify(segment)}]`;
}

/** The path of a list of segments from the root `$`. */
export function formatJsonPath(segments: readonly (string | number)[]): string {
  let path = '$';
  for (const s of segments) path = childPath(path, s);
  return path;
}
