/**
 * A worker's side of the protocol: the request its name carries first (protocol.ts
 * `workerName`), then its messages, each answered by the engine's host (./worker.ts) in the
 * order they came.
 *
 * The host may be given as a loader, so that a worker's entry stays small: a first visit's
 * sample can then be answered (`ServeOptions.first`) while the worker has loaded only what
 * parses it, and the rest of the engine is loaded after that answer is sent. A ping needs no
 * host: it asks whether this thread answers.
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
   * undefined). The host is loaded once that answer is sent; requests posted meanwhile wait
   * for it.
   */
  readonly first?: (request: WorkerRequest) => Promise<WorkerResponse> | undefined;
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

/** Answers the page's messages in a worker's scope, beginning with the request the worker's name carries. */
export function serveWorker(scope: WorkerScope, host: EngineHost | (() => Promise<EngineHost>), options: ServeOptions = {}): void {
  const post = (message: WorkerResponse) => scope.postMessage(message);
  let loading: Promise<EngineHost> | undefined = typeof host === 'function' ? undefined : Promise.resolve(host);
  const loadHost = (): Promise<EngineHost> => {
    if (!loading) {
      const load = host as () => Promise<EngineHost>;
      // A failed load (a chunk that did not download) is tried again by the next request.
      loading = load().catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
    }
    return loading;
  };

  const receive = (message: unknown) => {
    const request = requestOf(message);
    if (isAnswer(request)) return post(request);
    if (request.type === 'ping') return post({ v: PROTOCOL_VERSION, id: request.id, type: 'pong' });
    // Handed to the host in the order received: a world set before a request is its world.
    void loadHost()
      .then(
        (loaded) => loaded.handle(request, post),
        (error: unknown) => errorAnswer(request.id, `The engine could not be loaded: ${messageOf(error)}`),
      )
      .then(post);
  };

  const carried = firstRequestOf(scope.name);
  const first = carried === null ? null : requestOf(carried);
  const early = first !== null && !isAnswer(first) ? options.first?.(first) : undefined;
  if (first !== null && early) {
    void early
      .catch((error: unknown) => errorAnswer(first.id, messageOf(error)))
      .then((answer) => {
        post(answer);
        return loadHost();
      })
      .catch(() => undefined);
  } else {
    if (first !== null) receive(first);
    else if (typeof host === 'function') void loadHost().catch(() => undefined);
  }
  scope.addEventListener('message', (event) => receive(event.data));
}
