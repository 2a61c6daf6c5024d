/**
 * The app's engine worker: the engine's host (engine/worker/worker.ts) and, beside every world
 * it fetches, the map of that world (app/world/worldMap.ts). A first visit's sample is fetched
 * and parsed here while the page still evaluates its code; drawing its map then needs neither
 * its graph nor its layout computed on the page's busy main thread.
 *
 * This entry is small, and the engine is loaded in two parts: a first visit's sample is
 * fetched at once, while only what parses it and draws its map is loaded, and answered before
 * the rest of the engine (~2/3 of it) is downloaded, compiled and evaluated. The worker's
 * thread does one thing at a time; the learner waits for the sample's map, not for the engine.
 */
import { platformFetchText } from '../../engine/worker/fetchText';
import { serveWorker, type WorkerScope } from '../../engine/worker/serve';

const scope = globalThis as unknown as WorkerScope;
const base = `${scope.location.origin}/`;
/** The map beside a fetched world, if its chunk loads: without it the page computes the map itself. */
const loadMap = () =>
  import('../world/worldMap').then(
    (module) => module.computeWorldMap,
    () => undefined,
  );

// The engine's chunk imports helpers bundled into this entry (the fetch wrapper): it gets this
// module instance, by the same URL, so nothing here runs twice.
serveWorker(
  scope,
  async () => {
    const [{ createEngineHost }, besideScenario] = await Promise.all([import('../../engine/worker/worker'), loadMap()]);
    return createEngineHost(base, besideScenario ? { besideScenario } : {});
  },
  {
    first: (request) => {
      if (request.type !== 'fetchScenario') return undefined;
      const fetched = platformFetchText(request.url);
      return Promise.all([import('../../engine/worker/scenarioAnswers'), loadMap(), fetched]).then(([{ fetchedScenarioAnswer }, besideScenario, text]) =>
        fetchedScenarioAnswer(request.id, text, besideScenario),
      );
    },
  },
);
