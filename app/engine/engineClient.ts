/**
 * The app's side of the worker protocol. It numbers requests, matches answers, and keeps
 * the engine alive:
 * - a worker that crashes, or stops answering pings for `watchdogMs` while work is
 *   pending, is terminated and restarted, the current world is sent to the new one, and
 *   the pending requests fail with `EngineRestartedError` (the UI says so; never a hang);
 * - a worker that cannot start at all (no Worker support, a CSP or loading failure
 *   before its first answer) is replaced by the same engine on the main thread. The
 *   worker's small entry answers before the engine's own chunk is loaded
 *   (engine/worker/serve.ts): a failure to load that chunk crashes the worker later, and it
 *   is restarted like any crash.
 * Timers and the worker factory are injected so the tests drive every path.
 */
import { PROTOCOL_VERSION, type WorkerRequest, type WorkerResponse } from '../../engine/worker/protocol';

/** A request as the caller writes it: the client adds the version and id. */
export type EngineCall = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'v' | 'id'> : never) : never;

/** A worker, or the main-thread engine behind the same shape. */
export interface EnginePort {
  postMessage(message: WorkerRequest): void;
  /** Set by the client: an answer from the engine. */
  onmessage: ((message: WorkerResponse) => void) | null;
  /** Set by the client: the engine crashed (an uncaught error, a failed load). */
  onerror: ((message: string) => void) | null;
  terminate(): void;
  /** False for the main-thread engine: a ping could not be answered while it computes anyway. */
  readonly watched: boolean;
}

export type EngineEvent =
  | { readonly type: 'restarted'; readonly reason: 'crashed' | 'hung' | 'version' }
  | { readonly type: 'mainThread'; readonly reason: string };

export interface EngineClientOptions {
  /**
   * Creates a worker port; throws when workers are unavailable. `first`, if given, is a
   * request the worker begins as soon as it runs, without it being posted (protocol.ts `workerName`).
   */
  readonly createWorker: (first?: WorkerRequest) => EnginePort;
  /** Loads the engine on the main thread. */
  readonly createFallback: () => Promise<EnginePort>;
  readonly onEvent?: (event: EngineEvent) => void;
  readonly watchdogMs?: number;
  /** How long a new worker may take to answer its first message before it is taken as unable to start. */
  readonly startupMs?: number;
  readonly pingEveryMs?: number;
  readonly now?: () => number;
}

/** A pending request failed because the engine was restarted under it. */
export class EngineRestartedError extends Error {
  constructor(readonly reason: 'crashed' | 'hung' | 'version') {
    super(`The engine ${reason === 'hung' ? 'stopped responding' : 'crashed'} and was restarted.`);
    this.name = 'EngineRestartedError';
  }
}

/** The engine answered with an error message (a bug or an input it could not handle). */
export class EngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineError';
  }
}

/** How many restarts in a row still replay the world to the new engine. */
const MAX_REPLAYS = 3;

interface Pending {
  readonly message: EngineCall;
  /** Messages the engine sends before its answer (an analysis's progress). */
  readonly onProgress?: (done: number, total: number) => void;
  readonly resolve: (response: WorkerResponse) => void;
  readonly reject: (error: Error) => void;
}

export class EngineClient {
  private port: EnginePort | null = null;
  private portReady: Promise<EnginePort> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** The last `setWorld` sent, replayed to a restarted engine. */
  private world: EngineCall | null = null;
  /** Whether the current worker ever answered: a failure before that means it cannot start. */
  private answered = false;
  private pingSentAt: number | null = null;
  /** When the watchdog last ticked: a tick far later than its interval means the page, not the worker, was busy. */
  private lastTick: number | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private onMainThread = false;
  /** Restarts since the engine last answered a request: a world that kills every worker is not replayed forever. */
  private restartsInARow = 0;
  private readonly watchdogMs: number;
  private readonly pingEveryMs: number;
  private readonly now: () => number;

  /**
   * How long a worker that has not answered yet may stay silent: its script is still being
   * fetched and compiled beside the page's own on a first visit (a slow network takes
   * seconds), and a request may already wait on it (`startWith`).
   */
  private readonly startupMs: number;

  constructor(private readonly options: EngineClientOptions) {
    this.watchdogMs = options.watchdogMs ?? 2000;
    this.startupMs = options.startupMs ?? 20_000;
    this.pingEveryMs = options.pingEveryMs ?? 500;
    this.now = options.now ?? (() => Date.now());
  }

  /** True once the engine runs on the main thread. */
  get mainThread(): boolean {
    return this.onMainThread;
  }

  /** Starts the engine ahead of the first request, so its start-up overlaps other work. */
  start(): void {
    void this.ensurePort();
  }

  /**
   * Starts the engine with `message` as its first request and resolves with the answer, as
   * `call` does. A worker is given the request as it is created and begins it as soon as it
   * runs: a message posted to a worker that has not run yet waits until the page's main
   * thread hands it over, and while the page starts that thread is busy for long stretches.
   * With an engine already started it is an ordinary call.
   */
  async startWith(message: Extract<EngineCall, { type: 'fetchScenario' }>): Promise<WorkerResponse> {
    if (this.port || this.portReady || this.onMainThread) return this.call(message);
    const id = this.nextId++;
    const first = { ...message, v: PROTOCOL_VERSION, id } as WorkerRequest;
    const answer = new Promise<WorkerResponse>((resolve, reject) => this.pending.set(id, { message, resolve, reject }));
    this.portReady = this.startPort(first).finally(() => {
      this.portReady = null;
    });
    try {
      await this.portReady;
    } catch (error) {
      this.pending.delete(id);
      throw error;
    }
    this.startWatchdog();
    const response = await answer;
    if (response.type === 'error') throw new EngineError(response.message);
    return response;
  }

  /** Sends a request and resolves with its answer (an `error` answer becomes an EngineError). */
  async call(message: EngineCall): Promise<WorkerResponse> {
    if (message.type === 'setWorld') this.world = message;
    const port = await this.ensurePort();
    const response = await this.send(port, message);
    if (response.type === 'error') throw new EngineError(response.message);
    return response;
  }

  /**
   * Sends a long request (an analysis) that reports progress and can be cancelled: the
   * answer resolves `result` (`analysisCancelled` after `cancel()`).
   */
  callCancellable(message: EngineCall, onProgress: (done: number, total: number) => void): { readonly result: Promise<WorkerResponse>; cancel(): void } {
    const id = this.nextId++;
    let sentTo: EnginePort | null = null;
    const result = this.ensurePort().then(
      (port) =>
        new Promise<WorkerResponse>((resolve, reject) => {
          sentTo = port;
          this.post(port, id, { message, onProgress, resolve, reject });
        }),
    );
    const answered = result.then((response) => {
      if (response.type === 'error') throw new EngineError(response.message);
      return response;
    });
    return {
      result: answered,
      cancel: () => {
        // Only the engine that has the request can stop it; one that replaced it never got it.
        if (sentTo && sentTo === this.port) void this.send(sentTo, { type: 'cancel', target: id }).catch(() => undefined);
      },
    };
  }

  /** Stops the engine; pending requests are rejected. */
  dispose(): void {
    this.stopWatchdog();
    this.port?.terminate();
    this.port = null;
    this.portReady = null;
    this.rejectAll(new Error('The engine was stopped.'));
  }

  private send(port: EnginePort, message: EngineCall): Promise<WorkerResponse> {
    const id = this.nextId++;
    return new Promise<WorkerResponse>((resolve, reject) => {
      this.post(port, id, { message, resolve, reject });
    });
  }

  private post(port: EnginePort, id: number, pending: Pending): void {
    this.pending.set(id, pending);
    port.postMessage({ ...pending.message, v: PROTOCOL_VERSION, id } as WorkerRequest);
    this.startWatchdog();
  }

  private ensurePort(): Promise<EnginePort> {
    if (this.port) return Promise.resolve(this.port);
    if (!this.portReady) {
      this.portReady = this.startPort().finally(() => {
        this.portReady = null;
      });
    }
    return this.portReady;
  }

  /** A new engine; `first` is a request already pending, given to the worker as it is created (else posted). */
  private async startPort(first?: WorkerRequest): Promise<EnginePort> {
    let port: EnginePort;
    if (!this.onMainThread) {
      try {
        return this.attach(this.options.createWorker(first));
      } catch (error) {
        port = await this.fallBack(error instanceof Error ? error.message : String(error));
      }
    } else {
      port = this.attach(await this.options.createFallback());
    }
    if (first) port.postMessage(first);
    return port;
  }

  private attach(port: EnginePort): EnginePort {
    this.port = port;
    this.answered = false;
    this.pingSentAt = null;
    port.onmessage = (response) => this.receive(port, response);
    port.onerror = (message) => this.crashed(port, message);
    return port;
  }

  private receive(port: EnginePort, response: WorkerResponse): void {
    if (port !== this.port) return; // an answer from a worker already replaced
    this.answered = true;
    this.pingSentAt = null;
    if (response.v !== PROTOCOL_VERSION) {
      this.restart('version');
      return;
    }
    const pending = this.pending.get(response.id);
    if (!pending) return; // a pong of the watchdog
    if (response.type === 'progress') {
      pending.onProgress?.(response.done, response.total);
      return;
    }
    this.pending.delete(response.id);
    this.restartsInARow = 0;
    if (this.pending.size === 0) this.stopWatchdog();
    pending.resolve(response);
  }

  private crashed(port: EnginePort, message: string): void {
    if (port !== this.port) return;
    if (!this.answered && port.watched) {
      // It never ran: workers cannot start here. Keep the requests, move to the main thread;
      // requests made meanwhile wait for that engine rather than starting another.
      this.stopWatchdog();
      port.terminate();
      this.port = null;
      this.portReady = this.fallBack(message).finally(() => {
        this.portReady = null;
      });
      this.portReady.then(
        (fallback) => this.resend(fallback),
        (error: unknown) => this.rejectAll(error instanceof Error ? error : new Error(String(error))),
      );
      return;
    }
    this.restart('crashed');
  }

  private async fallBack(reason: string): Promise<EnginePort> {
    this.onMainThread = true;
    this.options.onEvent?.({ type: 'mainThread', reason });
    return this.attach(await this.options.createFallback());
  }

  /**
   * Sends what waited on a worker that never started to its replacement, in order (a
   * world that was set but is not among them first): nothing was judged yet, so nothing is lost.
   */
  private resend(port: EnginePort): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    if (this.world && !waiting.some((p) => p.message === this.world)) void this.send(port, this.world).catch(() => undefined);
    for (const p of waiting) this.post(port, this.nextId++, p);
  }

  private restart(reason: 'crashed' | 'hung' | 'version'): void {
    this.stopWatchdog();
    this.port?.terminate();
    this.port = null;
    this.rejectAll(new EngineRestartedError(reason));
    this.options.onEvent?.({ type: 'restarted', reason });
    this.restartsInARow++;
    // INVARIANT: after MAX_REPLAYS restarts with no answer in between, the world itself is
    // taken to be what stops the engine; it is dropped and the next request says so.
    if (this.restartsInARow > MAX_REPLAYS) this.world = null;
    // Bring the engine back with the current world, so the next request just works.
    void this.ensurePort().then((port) => {
      if (this.world) void this.send(port, this.world).catch(() => undefined);
    });
  }

  private rejectAll(error: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(error);
  }

  private startWatchdog(): void {
    if (this.timer !== null || !this.port?.watched) return;
    this.timer = setInterval(() => this.tick(), this.pingEveryMs);
  }

  private stopWatchdog(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.pingSentAt = null;
    this.lastTick = null;
  }

  private tick(): void {
    const port = this.port;
    if (!port || this.pending.size === 0) {
      this.stopWatchdog();
      return;
    }
    const now = this.now();
    // The timer itself came late: the page was busy, and the answer may be waiting behind it.
    if (this.lastTick !== null && now - this.lastTick > 2 * this.pingEveryMs) this.pingSentAt = null;
    this.lastTick = now;
    if (this.pingSentAt === null) {
      this.pingSentAt = now;
      port.postMessage({ v: PROTOCOL_VERSION, id: this.nextId++, type: 'ping' });
    } else if (!this.answered) {
      // Still starting: given its start-up time, then taken as a worker that cannot start here.
      if (now - this.pingSentAt >= this.startupMs) this.crashed(port, 'The engine worker did not start.');
    } else if (now - this.pingSentAt >= this.watchdogMs) {
      this.restart('hung');
    }
  }
}
