/**
 * The app's engine worker: the engine's host (engine/worker/worker.ts) and, beside every world
 * it fetches, the map of that world (app/world/worldMap.ts). A first visit's sample is fetched
 * and parsed here while the page still evaluates its code; drawing its map then needs neither
 * its graph nor its layout computed on the page's busy main thread.
 */
import { createEngineHost, serveWorker, type WorkerScope } from '../../engine/worker/worker';
import { computeWorldMap } from '../world/worldMap';

const scope = globalThis as unknown as WorkerScope;
serveWorker(scope, createEngineHost(`${scope.location.origin}/`, { besideScenario: computeWorldMap }));
