/**
 * A scenario file's text or value, parsed and validated into a scenario (a pack of exercises
 * is refused here). Kept apart from the engine's public API (engine/index.ts re-exports it)
 * so that the engine worker can answer a first visit's sample with this alone, before the
 * rest of the engine is loaded (engine/worker/serve.ts).
 */
import { parseDocumentText } from './load';
import { validateDocument, type ScenarioFault } from './validate';
import type { ScenarioJson } from './types';

export type ScenarioLoadResult = { ok: true; scenario: ScenarioJson } | { ok: false; errors: ScenarioFault[] };

function asScenario(result: ReturnType<typeof validateDocument>): ScenarioLoadResult {
  if (!result.ok) return { ok: false, errors: [...result.errors] };
  if (result.kind !== 'scenario') return { ok: false, errors: [{ path: '$.format', message: 'This is a pack of exercises, not a scenario.' }] };
  return { ok: true, scenario: result.scenario };
}

/** Parses and validates a scenario file's text. */
export function parseScenarioText(text: string): ScenarioLoadResult {
  return asScenario(parseDocumentText(text));
}

/** Validates an already-parsed scenario value. */
export function validateScenario(value: unknown): ScenarioLoadResult {
  return asScenario(validateDocument(value));
}
