/**
 * Opens a scenario: fetches its text relative to the site's base URL, has the engine parse
 * and validate it (the file is untrusted input, checked where the engine lives), then
 * opens it as the world (app/engine/syncWorld.ts hands it to the engine).
 */
import { engine, siteBaseUrl } from '../engine/engine';
import { useAppStore } from '../store';

export const STARTER_PATH = 'samples/starter.json';

/** Opens the text of a scenario file as the world; an invalid file shows its faults and opens nothing. */
export async function openScenarioText(text: string): Promise<void> {
  const store = useAppStore.getState();
  const parsed = await engine.call({ type: 'parseScenario', text });
  if (parsed.type !== 'scenarioParsed') throw new Error(`Unexpected answer \`${parsed.type}\` to parseScenario.`);
  if (!parsed.result.ok) {
    store.setWorldStatus({ state: 'invalid', errors: parsed.result.errors });
    return;
  }
  store.openDocument({ scenario: parsed.result.scenario, positions: {} });
}

export async function openSample(path = STARTER_PATH): Promise<void> {
  const store = useAppStore.getState();
  store.setWorldStatus({ state: 'loading' });
  try {
    const response = await fetch(new URL(path, siteBaseUrl()));
    if (!response.ok) throw new Error(`HTTP ${response.status} for \`${path}\``);
    await openScenarioText(await response.text());
  } catch (error) {
    store.setWorldStatus({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
