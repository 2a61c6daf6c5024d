/**
 * A policy document as AWS outputs give it. The IAM API returns documents URL-encoded
 * (RFC 3986: "Policies returned by this operation are URL-encoded", IAM API Reference,
 * GetAccountAuthorizationDetails); the AWS CLI and boto3 decode them and print objects;
 * AWS Organizations' DescribePolicy gives `Content` as plain JSON text. All three are read
 * here, with the engine's strict parser (bounded depth, `__proto__` kept as a plain key).
 */
import { parseJsonValue } from '../policy/json';
import { isRecord, jsonType, nestingDepth } from './read';

/** Real policies nest a handful of levels; this bound keeps the imported world reloadable. */
export const MAX_DOCUMENT_DEPTH = 64;

export type DocumentResult = { readonly ok: true; readonly document: Readonly<Record<string, unknown>> } | { readonly ok: false; readonly message: string };

function fromText(text: string, what: string): DocumentResult {
  const parsed = parseJsonValue(text, { maxDepth: MAX_DOCUMENT_DEPTH });
  if (!parsed.ok) return { ok: false, message: `${what} is not valid JSON: ${parsed.error.message}.` };
  if (!isRecord(parsed.value)) return { ok: false, message: `${what} must be a JSON object, not ${jsonType(parsed.value)}.` };
  return { ok: true, document: parsed.value };
}

/**
 * Reads a document given as an object (CLI), as URL-encoded JSON text (API), or as plain
 * JSON text. A URL-encoded document never starts with `{` (RFC 3986 encodes it as `%7B`),
 * so text that starts with `{` is read as it is: decoding it would corrupt a `%` inside.
 */
export function readPolicyDocument(value: unknown, what: string): DocumentResult {
  if (isRecord(value)) {
    if (nestingDepth(value) > MAX_DOCUMENT_DEPTH) return { ok: false, message: `${what} nests deeper than ${MAX_DOCUMENT_DEPTH} levels.` };
    return { ok: true, document: value };
  }
  if (typeof value !== 'string') return { ok: false, message: `${what} must be a JSON object or the policy's text, not ${jsonType(value)}.` };
  const text = value.trim();
  if (text.startsWith('{')) return fromText(text, what);
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    return { ok: false, message: `${what} is neither JSON nor URL-encoded JSON (a \`%\` escape in it is malformed).` };
  }
  return fromText(decoded, `${what} (URL-decoded)`);
}
