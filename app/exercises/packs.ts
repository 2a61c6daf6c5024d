/**
 * Packs of exercises from outside — the curriculum shipped with the site, a URL (`?pack=`,
 * same origin or CORS), a file the learner opened or dropped — are untrusted input: the
 * text is parsed and validated by the engine's own loader (strict JSON, the schema, the
 * reference checks; loaded lazily, it is only needed here), and a bad pack is refused with
 * every fault's JSON path. Nothing changes until a pack is valid.
 */
import type { parseDocumentText as ParseDocumentText } from '../../engine/scenario/load';
import type { PackJson } from '../../engine/scenario/types';
import type { WorldFault } from '../../engine/worker/protocol';
import { siteBaseUrl } from '../engine/engine';
import type { PackSource } from '../store/exerciseSlice';

/** The curriculum shipped with the site (public/packs/), relative to the site's base. */
export const CURRICULUM_PATH = 'packs/iam-foundations.json';

/** Why a pack was refused: a fetch that failed, a single scenario instead of a pack, or the faults of an invalid file. */
export type PackRefusal =
  | { readonly kind: 'http'; readonly message: string }
  | { readonly kind: 'notPack' }
  | { readonly kind: 'invalid'; readonly faults: readonly WorldFault[] };

export type ReadPack = { readonly ok: true; readonly pack: PackJson; readonly text: string } | { readonly ok: false; readonly refusal: PackRefusal };

/** Validates a pack's text; never throws. */
export async function readPackText(text: string): Promise<ReadPack> {
  let loader: { readonly parseDocumentText: typeof ParseDocumentText };
  try {
    loader = await import('../../engine/scenario/load');
  } catch (error) {
    // The validator's chunk could not be loaded (e.g. offline before it was ever cached).
    return { ok: false, refusal: { kind: 'http', message: error instanceof Error ? error.message : String(error) } };
  }
  const result = loader.parseDocumentText(text);
  if (!result.ok) return { ok: false, refusal: { kind: 'invalid', faults: result.errors } };
  if (result.kind !== 'pack') return { ok: false, refusal: { kind: 'notPack' } };
  return { ok: true, pack: result.pack, text };
}

/** Where a source's text is fetched from: a shipped path against the site's base, a URL against the page. */
export function sourceUrl(source: PackSource): string | null {
  if (source.kind === 'builtin') return new URL(source.path, siteBaseUrl()).href;
  if (source.kind === 'url') return new URL(source.url, location.href).href;
  return null;
}

/**
 * Fetches and validates the pack of a shipped path or a URL; never throws. `credentials:
 * omit`: a teacher's pack on another origin is public data, and no cookie of ours goes there.
 */
export async function fetchPack(source: PackSource): Promise<ReadPack> {
  const url = sourceUrl(source);
  if (url === null) return { ok: false, refusal: { kind: 'http', message: 'A file has no address to fetch.' } };
  // A pack address comes from a link anyone can write: only web addresses are fetched (never `javascript:`, `data:`, `file:` …).
  const scheme = new URL(url).protocol;
  if (scheme !== 'https:' && scheme !== 'http:') return { ok: false, refusal: { kind: 'http', message: `\`${scheme}\` addresses are not opened: a pack's address starts with https://.` } };
  let text: string;
  try {
    const response = await fetch(url, { credentials: 'omit' });
    if (!response.ok) return { ok: false, refusal: { kind: 'http', message: `HTTP ${response.status} for \`${url}\`` } };
    text = await response.text();
  } catch (error) {
    return { ok: false, refusal: { kind: 'http', message: `${error instanceof Error ? error.message : String(error)} (\`${url}\`)` } };
  }
  return readPackText(text);
}

/** The scenario of an exercise without its `exercise` field: the world the learner starts from. */
export function startingWorld(pack: PackJson, exerciseId: string) {
  const scenario = pack.exercises.find((s) => s.exercise?.id === exerciseId);
  if (!scenario) return undefined;
  // `exercise` is left out field by field rather than deleted: the pack stays untouched.
  const { exercise: _exercise, ...world } = scenario;
  return world;
}

/** The exercises of a pack in order, each with its scenario. */
export function exercisesOf(pack: PackJson) {
  return pack.exercises.flatMap((scenario) => (scenario.exercise ? [{ scenario, exercise: scenario.exercise }] : []));
}
