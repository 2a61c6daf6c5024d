/**
 * The parameters of an AWS Query protocol request (STS and IAM): `Action=AssumeRole&
 * RoleSessionName=audit&Tags.member.1.Key=k&Tags.member.1.Value=v&…`, in the query string or
 * a form-encoded body, read into the shape `RequestJson.params` has, so a signed (`http`)
 * request carries its call's parameters as a request that names them does.
 *
 * Lists follow the Query protocol's `Name.member.N` (a string list), `Name.member.N.Key` /
 * `.Value` (tags) and `Name.member.N.arn` (policy ARNs). `Action`, `Version` and the SigV4
 * query parameters (`X-Amz-…`) are the protocol's own, not the call's.
 */

/** Decodes one `application/x-www-form-urlencoded` component; undefined when it is malformed. */
function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

const MEMBER = /^([A-Za-z][A-Za-z0-9]*)\.member\.(\d{1,3})(?:\.([A-Za-z]+))?$/;
/** At most this many parameters are read (a request is bounded by the HTTP parser's limits anyway). */
const MAX_PARAMS = 500;

/** The call's parameters in `form` (a query string or form body); empty when it has none. */
export function queryParams(form: string): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  const lists = new Map<string, Map<number, string | Record<string, string>>>();
  for (const pair of form.split('&').slice(0, MAX_PARAMS)) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = decode(eq < 0 ? '' : pair.slice(eq + 1));
    if (key === undefined || value === undefined || key === 'Action' || key === 'Version' || /^X-Amz-/i.test(key)) continue;
    const member = MEMBER.exec(key);
    if (!member) {
      if (key !== '__proto__') flat[key] = value;
      continue;
    }
    const [, name, index, field] = member;
    let list = lists.get(name!);
    if (!list) lists.set(name!, (list = new Map()));
    const n = Number(index);
    if (field === undefined) {
      list.set(n, value);
    } else {
      const entry = list.get(n);
      const record = typeof entry === 'object' ? entry : {};
      record[field] = value;
      list.set(n, record);
    }
  }
  for (const [name, list] of lists) {
    if (name === '__proto__') continue;
    flat[name] = [...list.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  }
  return flat;
}
