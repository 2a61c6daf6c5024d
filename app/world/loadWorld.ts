/**
 * Opens a scenario: fetches its text relative to the site's base URL, has the engine parse
 * and validate it (the file is untrusted input, checked where the engine lives), then
 * sets it as the world on the map and in the engine.
 */
import { engine, siteBaseUrl } from '../engine/engine';
import { warmDataCache } from '../pwa/warmCache';
import { useAppStore } from '../store';

export const STARTER_PATH = 'samples/starter.json';

export async function openScenarioText(text: string): Promise<void> {
  const store = useAppStore.getState();
  const parsed = await engine.call({ type: 'parseScenario', text });
  if (parsed.type !== 'scenarioParsed') throw new Error(`Unexpected answer \`${parsed.type}\` to parseScenario.`);
  if (!parsed.result.ok) {
    store.setWorldStatus({ state: 'invalid', errors: parsed.result.errors });
    return;
  }
  const scenario = parsed.result.scenario;
  store.setWorld(scenario);
  store.setWorldStatus({ state: 'ready' });
  const set = await engine.call({ type: 'setWorld', scenario, baseUrl: siteBaseUrl() });
  if (set.type === 'worldSet') useAppStore.getState().setWorldFaults(set.faults);
  warmDataCache(scenario);
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
