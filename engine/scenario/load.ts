/**
 * Text → validated scenario or pack. Strict JSON (positions in errors, bounded depth,
 * `__proto__` kept as a plain key), then the schema and reference checks.
 */
import { parseJsonValue } from '../policy/json';
import { parseNativeJson } from '../policy/nativeJson';
import { validateDocument, type ScenarioFault, type ValidationResult } from './validate';

/** Files are at most this large: a bigger one is refused before parsing. */
export const MAX_SCENARIO_CHARS = 64 * 1024 * 1024;

/** The deepest nesting of objects and arrays a file may have. */
const MAX_SCENARIO_DEPTH = 128;

export function parseDocumentText(text: string): ValidationResult {
  if (text.length > MAX_SCENARIO_CHARS) {
    return { ok: false, errors: [{ path: '$', message: `The file has ${text.length} characters; at most ${MAX_SCENARIO_CHARS} are read.` }], warnings: [] };
  }
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Most files are plain JSON: the platform's parser reads them; the strict one reads the rest.
  const plain = parseNativeJson(json, MAX_SCENARIO_DEPTH);
  if (plain) return validateDocument(plain.value);
  const parsed = parseJsonValue(json, { maxDepth: MAX_SCENARIO_DEPTH });
  if (!parsed.ok) return { ok: false, errors: [{ path: '$', message: `Not valid JSON: ${parsed.error.message}.` }], warnings: [] };
  const duplicates: ScenarioFault[] = parsed.warnings.flatMap((w) =>
    w.kind === 'duplicateKey'
      ? [{ path: '$' + w.path.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join(''), message: `Key \`${w.key}\` appears twice; the last one is used.` }]
      : [],
  );
  const result = validateDocument(parsed.value);
  return { ...result, warnings: [...duplicates, ...result.warnings] };
}
