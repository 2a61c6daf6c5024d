/**
 * A worker's side of the protocol: the request its name carries first (protocol.ts
 * `workerName`), then its messages, each handed to the engine's host (./worker.ts) in the
 * order they came (a world set before a request is that request's world).
 *
 * The host is given as a loader, so that a worker's entry stays small: a first visit's
 * sample can be answered (`ServeOptions.first`) while the worker has loaded only what
 * parses it, and the rest of the engine is loaded once that answer is sent (or at once, for
 * a request that needs it). A ping needs no host: it asks whether this thread answers, and is
 * answered at once. A host that cannot be loaded fails the worker as a whole: the page then
 * starts a fresh one and sends it the world again (app/engine/engineClient.ts).
 */
import { firstRequestOf, PROTOCOL_VERSION, type WorkerRequest, type WorkerResponse } from './protocol';
import type { EngineHost } from './worker';

/** The little of a worker's global scope served here (typed so the file also compiles with the DOM lib). */
export interface WorkerScope {
  readonly location: { readonly origin: string };
  readonly name: string;
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
}

export interface ServeOptions {
  /**
   * Answers the request the worker was created with without the host, if it can (else
   * undefined). The host is loaded once that answer is sent; a request posted meanwhile waits
   * for it. If the early answer fails, the host answers the request instead.
   */
  readonly first?: (request: WorkerRequest) => Promise<WorkerResponse> | undefined;
  /**
   * Called when the host cannot be loaded (a chunk that did not download or failed to run);
   * by default the error is thrown from a task of its own, which the page sees as the
   * worker's `error` event. A failed dynamic import is not tried again in the same worker:
   * browsers remember it, and a fresh worker has a fresh module map.
   */
  readonly onHostFailed?: (error: unknown) => void;
}

function failWorker(error: unknown): void {
  setTimeout(() => {
    throw error instanceof Error ? error : new Error(String(error));
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function errorAnswer(id: number, message: string): WorkerResponse {
  return { v: PROTOCOL_VERSION, id, type: 'error', message };
}

/** A message as a request of this protocol version, or the error answer a page of another version restarts on. */
function requestOf(message: unknown): WorkerRequest | WorkerResponse {
  const data = message as Partial<WorkerRequest> | null;
  const id = typeof data?.id === 'number' ? data.id : -1;
  if (data?.v !== PROTOCOL_VERSION) return errorAnswer(id, `Protocol version ${String(data?.v)} is not ${PROTOCOL_VERSION}.`);
  return data as WorkerRequest;
}

function isAnswer(value: WorkerRequest | WorkerResponse): value is WorkerResponse {
  return value.type === 'error';
}

/** Answers the page's messages in a worker's scope, beginning with the request the worker's name carries; `load` loads the engine's host. */
export function serveWorker(scope: WorkerScope, load: () => Promise<EngineHost>, options: ServeOptions = {}): void {
  /** Posts an answer; one that cannot be sent (not cloneable) is replaced by an error answer, never lost. */
  const post = (message: WorkerResponse) => {
    try {
      scope.postMessage(message);
    } catch (error) {
      scope.postMessage(errorAnswer(message.id, `The answer could not be sent: ${messageOf(error)}`));
    }
  };
  let loading: Promise<EngineHost> | undefined;
  const loadHost = (): Promise<EngineHost> => {
    if (!loading) {
      loading = load();
      loading.catch(options.onHostFailed ?? failWorker);
    }
    return loading;
  };

  const receive = (message: unknown) => {
    const request = requestOf(message);
    if (isAnswer(request)) return post(request);
    if (request.type === 'ping') return post({ v: PROTOCOL_VERSION, id: request.id, type: 'pong' });
    void loadHost()
      .then(
        (loaded) => loaded.handle(request, post),
        (error: unknown) => errorAnswer(request.id, `The engine could not be loaded: ${messageOf(error)}`),
      )
      .then(post);
  };

  const carried = firstRequestOf(scope.name);
  if (carried === null) {
    // Nothing to answer early: the engine is loaded at once.
    void loadHost().catch(() => undefined);
  } else {
    const first = requestOf(carried);
    const early = isAnswer(first) ? undefined : options.first?.(first);
    if (!early) {
      receive(carried);
    } else {
      early.then(
        (answer) => {
          post(answer);
          void loadHost().catch(() => undefined);
        },
        // What answers early failed to load: the host answers the request itself.
        () => receive(carried),
      );
    }
  }
  scope.addEventListener('message', (event) => receive(event.data));
}
