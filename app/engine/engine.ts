/**
 * The app's one engine client: a module worker, or the engine on the main thread when a
 * worker cannot start. Imported lazily by nothing: it is small; the engine itself is in
 * the worker chunk (or a lazy chunk for the fallback).
 */
import { workerName, type WorkerRequest, type WorkerResponse } from '../../engine/worker/protocol';
import { EngineClient, type EngineEvent, type EnginePort } from './engineClient';

function workerPort(first?: WorkerRequest): EnginePort {
  if (typeof Worker === 'undefined') throw new Error('This browser cannot run Web Workers.');
  const worker = new Worker(new URL('./engineWorker.ts', import.meta.url), { type: 'module', name: workerName(first) });
  const port: EnginePort = {
    postMessage: (message) => worker.postMessage(message),
    onmessage: null,
    onerror: null,
    terminate: () => worker.terminate(),
    watched: true,
  };
  worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => port.onmessage?.(event.data));
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    port.onerror?.(event.message || 'The engine worker failed.');
  });
  worker.addEventListener('messageerror', () => port.onerror?.('The engine worker sent a message that could not be read.'));
  return port;
}

/** The same engine in a lazy chunk on the main thread. */
async function mainThreadPort(): Promise<EnginePort> {
  const { createEngineHost } = await import('../../engine/worker/worker');
  const host = createEngineHost(new URL('./', document.baseURI).href);
  const port: EnginePort = {
    postMessage: (message) => {
      void host.handle(message, (early) => port.onmessage?.(early)).then((response) => port.onmessage?.(response));
    },
    onmessage: null,
    onerror: null,
    terminate: () => undefined,
    watched: false,
  };
  return port;
}

type Listener = (event: EngineEvent) => void;
const listeners = new Set<Listener>();
/**
 * Events that happened while no one listened: the engine starts before the rest of the app
 * is evaluated (app/startLoading.ts), so a worker refused at once is reported before main.tsx
 * subscribes. The first listener receives them.
 */
let unheard: EngineEvent[] = [];

/** Subscribes to restarts and the fallback (those that happened before anyone listened, too); returns the unsubscribe function. */
export function onEngineEvent(listener: Listener): () => void {
  listeners.add(listener);
  const earlier = unheard;
  unheard = [];
  earlier.forEach(listener);
  return () => listeners.delete(listener);
}

/** Kept for the first listener: the fallback and a few restarts (a start-up that keeps failing would repeat itself). */
const UNHEARD_KEPT = 8;

function emit(event: EngineEvent): void {
  if (listeners.size === 0) unheard = [...unheard, event].slice(-UNHEARD_KEPT);
  else listeners.forEach((listener) => listener(event));
}

export const engine = new EngineClient({
  createWorker: workerPort,
  createFallback: mainThreadPort,
  onEvent: emit,
});

/** The site's base URL (works at the root and under a sub-path). */
export function siteBaseUrl(): string {
  return new URL('./', document.baseURI).href;
}
