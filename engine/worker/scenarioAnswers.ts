/**
 * The answers to `parseScenario` and `fetchScenario`, shared by the engine's host
 * (engine/worker/worker.ts) and the app's worker entry, which answers a first visit's sample
 * with this module alone while the rest of the engine is still being loaded.
 */
import { parseScenarioText } from '../scenario/scenarioText';
import type { ScenarioJson } from '../scenario/types';
import type { FetchedText } from './fetchText';
import { PROTOCOL_VERSION, type ScenarioParse, type WorkerResponse } from './protocol';

/** A scenario file's text, parsed and validated as an answer carries it. */
export function scenarioParse(text: string): ScenarioParse {
  const parsed = parseScenarioText(text);
  return parsed.ok ? parsed : { ok: false, errors: parsed.errors };
}

/** What the embedder computes beside a valid world (`scenarioFetched.beside`); computed in the worker. */
export type BesideScenario = (scenario: ScenarioJson) => unknown;

/**
 * The answer to `fetchScenario` once the file is read: the world parsed and, beside a valid
 * one, what `beside` computes. A failure of `beside` costs only that (the page computes it
 * itself), never the world.
 */
export function fetchedScenarioAnswer(id: number, fetched: FetchedText, beside?: BesideScenario): WorkerResponse {
  const result = fetched.ok ? scenarioParse(fetched.text) : fetched;
  let extra: unknown;
  if (result.ok && beside) {
    try {
      extra = beside(result.scenario);
    } catch {
      extra = undefined;
    }
  }
  return { v: PROTOCOL_VERSION, id, type: 'scenarioFetched', result, ...(extra !== undefined ? { beside: extra } : {}) };
}
