/**
 * Scenario text from outside (a file, a link, the sample) becomes a world only through the
 * engine, which parses and validates it where untrusted input is checked.
 */
import type { ScenarioParse } from '../../engine/worker/protocol';
import { engine, siteBaseUrl } from '../engine/engine';
import { seedWorldMap } from '../world/seededMaps';

/** The sample world the app opens on a first visit. */
export const SAMPLE_PATH = 'samples/starter.json';

/** A scenario parsed and validated by the engine. */
export type ParsedScenario = ScenarioParse;

export async function parseScenario(text: string): Promise<ParsedScenario> {
  const answer = await engine.call({ type: 'parseScenario', text });
  if (answer.type !== 'scenarioParsed') throw new Error(`Unexpected answer \`${answer.type}\` to parseScenario.`);
  return answer.result;
}

export type FetchedScenario = ParsedScenario | { readonly ok: false; readonly message: string };

/**
 * Fetches and validates a scenario shipped with the site (`path` relative to its base URL);
 * never throws (a failure says why). The engine fetches the file itself; asked before the
 * engine is started (the first visit's sample, app/startLoading.ts), it is the worker's first
 * request, begun as the worker runs: the answer waits on neither the page's busy main thread
 * nor a fetch the page would start later.
 */
export async function fetchScenario(path: string): Promise<FetchedScenario> {
  try {
    const answer = await engine.startWith({ type: 'fetchScenario', url: new URL(path, siteBaseUrl()).href });
    if (answer.type !== 'scenarioFetched') throw new Error(`Unexpected answer \`${answer.type}\` to fetchScenario.`);
    // The engine worker drew the world's map beside it (app/engine/engineWorker.ts).
    if (answer.result.ok) seedWorldMap(answer.result.scenario, answer.beside);
    return answer.result;
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
