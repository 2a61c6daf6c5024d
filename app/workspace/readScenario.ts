/**
 * Scenario text from outside (a file, a link, the sample) becomes a world only through the
 * engine, which parses and validates it where untrusted input is checked.
 */
import type { ScenarioJson } from '../../engine/scenario/types';
import type { WorldFault } from '../../engine/worker/protocol';
import { engine, siteBaseUrl } from '../engine/engine';

/** The sample world the app opens on a first visit. */
export const SAMPLE_PATH = 'samples/starter.json';

export type ParsedScenario = { readonly ok: true; readonly scenario: ScenarioJson } | { readonly ok: false; readonly errors: readonly WorldFault[] };

export async function parseScenario(text: string): Promise<ParsedScenario> {
  const answer = await engine.call({ type: 'parseScenario', text });
  if (answer.type !== 'scenarioParsed') throw new Error(`Unexpected answer \`${answer.type}\` to parseScenario.`);
  return answer.result;
}

/** The text of a file shipped with the site (e.g. `samples/starter.json`), relative to its base URL. */
export async function fetchSiteText(path: string): Promise<string> {
  const response = await fetch(new URL(path, siteBaseUrl()));
  if (!response.ok) throw new Error(`HTTP ${response.status} for \`${path}\``);
  return response.text();
}

export type FetchedScenario = ParsedScenario | { readonly ok: false; readonly message: string };

/** Fetches and validates a scenario shipped with the site; never throws (a failure says why). */
export async function fetchScenario(path: string): Promise<FetchedScenario> {
  try {
    return await parseScenario(await fetchSiteText(path));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
