/**
 * The parts of a raw SigV4-signed HTTP request a learner should recognise, read from the
 * text as it stands in the editor (signed by the engine, pasted, or tampered with): the
 * request line, the Host, the signing time, the session token, S3's payload hash, and the
 * three components of the `Authorization` header. Labelling only: whether the signature
 * holds is for the engine to say.
 */

export type RequestPartKind =
  | 'requestLine'
  | 'host'
  | 'amzDate'
  | 'securityToken'
  | 'contentSha256'
  | 'target'
  | 'body'
  | 'credential'
  | 'signedHeaders'
  | 'signature';

export interface RequestPart {
  readonly kind: RequestPartKind;
  readonly value: string;
  /** The 1-based line of the text the part is on. */
  readonly line: number;
}

const HEADER_PARTS: Readonly<Record<string, RequestPartKind>> = {
  host: 'host',
  'x-amz-date': 'amzDate',
  'x-amz-security-token': 'securityToken',
  'x-amz-content-sha256': 'contentSha256',
  'x-amz-target': 'target',
};

/** `Credential=…, SignedHeaders=…, Signature=…` of an `Authorization: AWS4-HMAC-SHA256 …` value. */
function authorizationParts(value: string, line: number): RequestPart[] {
  const out: RequestPart[] = [];
  const components: readonly [string, RequestPartKind][] = [
    ['Credential', 'credential'],
    ['SignedHeaders', 'signedHeaders'],
    ['Signature', 'signature'],
  ];
  for (const [name, kind] of components) {
    const match = new RegExp(`(?:^|[\\s,])${name}=([^,\\s]*)`).exec(value);
    if (match) out.push({ kind, value: match[1]!, line });
  }
  return out;
}

/** The recognisable parts of `text`, in the order they appear. Lines may end with `\n` or `\r\n`. */
export function requestParts(text: string): RequestPart[] {
  const lines = text.split(/\r?\n/);
  const out: RequestPart[] = [];
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return out;
  out.push({ kind: 'requestLine', value: lines[first]!.trim(), line: first + 1 });
  let i = first + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') break;
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const kind = HEADER_PARTS[name];
    if (name === 'authorization') out.push(...authorizationParts(value, i + 1));
    else if (kind !== undefined) out.push({ kind, value, line: i + 1 });
  }
  const body = lines.slice(i + 1).join('\n');
  if (body.trim() !== '') out.push({ kind: 'body', value: body, line: i + 2 });
  // A presigned URL carries the same components in its query.
  const query = /\?(\S*)/.exec(lines[first]!)?.[1];
  if (query !== undefined) {
    const params = new URLSearchParams(query);
    const presigned: readonly [string, RequestPartKind][] = [
      ['X-Amz-Credential', 'credential'],
      ['X-Amz-Date', 'amzDate'],
      ['X-Amz-SignedHeaders', 'signedHeaders'],
      ['X-Amz-Security-Token', 'securityToken'],
      ['X-Amz-Signature', 'signature'],
    ];
    for (const [name, kind] of presigned) {
      const value = params.get(name);
      if (value !== null) out.push({ kind, value, line: first + 1 });
    }
  }
  return out;
}
