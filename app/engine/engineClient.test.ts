import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION, type WorkerRequest, type WorkerResponse } from '../../engine/worker/protocol';
import { EngineClient, EngineError, EngineRestartedError, type EngineEvent, type EnginePort } from './engineClient';

/** A scripted engine: answers pings and requests unless told to hang or crash. */
class FakePort implements EnginePort {
  onmessage: ((message: WorkerResponse) => void) | null = null;
  onerror: ((message: string) => void) | null = null;
  readonly sent: WorkerRequest[] = [];
  terminated = false;
  hung = false;
  constructor(readonly watched = true, private readonly answer: (m: WorkerRequest) => WorkerResponse | null = defaultAnswer) {}
  postMessage(message: WorkerRequest): void {
    this.sent.push(message);
    if (this.hung) return;
    const response = this.answer(message);
    if (response) queueMicrotask(() => this.onmessage?.(response));
  }
  terminate(): void {
    this.terminated = true;
  }
}

function defaultAnswer(m: WorkerRequest): WorkerResponse {
  switch (m.type) {
    case 'ping':
      return { v: PROTOCOL_VERSION, id: m.id, type: 'pong' };
    case 'setWorld':
      return { v: PROTOCOL_VERSION, id: m.id, type: 'worldSet', faults: [] };
    default:
      return { v: PROTOCOL_VERSION, id: m.id, type: 'error', message: `no ${m.type} here` };
  }
}

const world = { type: 'setWorld', scenario: { format: 'iam-playground/scenario', version: 1, accounts: [] } } as const;

describe('EngineClient', () => {
  let ports: FakePort[];
  let events: EngineEvent[];
  beforeEach(() => {
    vi.useFakeTimers();
    ports = [];
    events = [];
  });
  afterEach(() => vi.useRealTimers());

  const client = (createWorker?: () => EnginePort, fallback?: () => Promise<EnginePort>) =>
    new EngineClient({
      createWorker:
        createWorker ??
        (() => {
          const p = new FakePort();
          ports.push(p);
          return p;
        }),
      createFallback: fallback ?? (async () => new FakePort(false)),
      onEvent: (e) => events.push(e),
      now: () => Date.now(),
    });

  it('numbers requests with the protocol version and resolves their answers', async () => {
    const c = client();
    const answer = await c.call(world);
    expect(answer.type).toBe('worldSet');
    expect(ports[0]?.sent[0]).toMatchObject({ v: PROTOCOL_VERSION, id: 1, type: 'setWorld' });
  });

  it('starts its worker ahead of the first request when asked, and uses that one worker for it', async () => {
    const c = client();
    c.start();
    await Promise.resolve();
    expect(ports).toHaveLength(1);
    expect(ports[0]?.sent).toEqual([]);
    await c.call(world);
    expect(ports).toHaveLength(1);
    expect(ports[0]?.sent[0]?.type).toBe('setWorld');
  });

  it('turns an error answer into an EngineError', async () => {
    const c = client();
    await expect(c.call({ type: 'parseScenario', text: '{' })).rejects.toBeInstanceOf(EngineError);
  });

  it('restarts a worker that stops answering for 2 s, says so, and sends the world to the new one', async () => {
    const c = client();
    await c.call(world);
    ports[0]!.hung = true;
    const pending = c.call({ type: 'parseScenario', text: '{}' });
    const rejected = expect(pending).rejects.toBeInstanceOf(EngineRestartedError);
    await vi.advanceTimersByTimeAsync(1900);
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    await rejected;
    expect(events).toEqual([{ type: 'restarted', reason: 'hung' }]);
    expect(ports[0]!.terminated).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(ports[1]?.sent.map((m) => m.type)).toEqual(['setWorld']);
  });

  it('restarts a worker that crashes after it has run', async () => {
    const c = client();
    await c.call(world);
    ports[0]!.hung = true;
    const pending = c.call({ type: 'parseScenario', text: '{}' });
    await vi.advanceTimersByTimeAsync(0);
    ports[0]!.onerror?.('boom');
    await expect(pending).rejects.toBeInstanceOf(EngineRestartedError);
    expect(events).toEqual([{ type: 'restarted', reason: 'crashed' }]);
    expect(await c.call(world)).toMatchObject({ type: 'worldSet' });
  });

  it('runs the engine on the main thread when a worker cannot be created', async () => {
    const c = client(() => {
      throw new Error('no workers');
    });
    expect(await c.call(world)).toMatchObject({ type: 'worldSet' });
    expect(c.mainThread).toBe(true);
    expect(events).toEqual([{ type: 'mainThread', reason: 'no workers' }]);
  });

  it('moves what was waiting to the main thread when a worker fails before its first answer', async () => {
    const broken = new FakePort(true, () => null);
    const c = client(() => broken);
    const pending = c.call(world);
    await vi.advanceTimersByTimeAsync(0);
    broken.onerror?.('module failed to load');
    expect(await pending).toMatchObject({ type: 'worldSet' });
    expect(c.mainThread).toBe(true);
    expect(broken.terminated).toBe(true);
  });

  it('restarts a worker that answers with another protocol version', async () => {
    const stale = new FakePort(true, (m) => ({ v: 99 as typeof PROTOCOL_VERSION, id: m.id, type: 'pong' }));
    let first = true;
    const c = client(() => {
      if (first) {
        first = false;
        return stale;
      }
      const p = new FakePort();
      ports.push(p);
      return p;
    });
    await expect(c.call(world)).rejects.toBeInstanceOf(EngineRestartedError);
    expect(events).toEqual([{ type: 'restarted', reason: 'version' }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(ports[0]?.sent.map((m) => m.type)).toEqual(['setWorld']);
  });

  it('passes an analysis\'s progress to its caller, and a cancel names the analysis it stops', async () => {
    const analyses: number[] = [];
    const port = new FakePort(true, (m) => {
      if (m.type === 'analyze') {
        analyses.push(m.id);
        queueMicrotask(() => port.onmessage?.({ v: PROTOCOL_VERSION, id: m.id, type: 'progress', done: 3, total: 10 }));
        return null;
      }
      if (m.type === 'cancel') {
        queueMicrotask(() => port.onmessage?.({ v: PROTOCOL_VERSION, id: m.target, type: 'analysisCancelled' }));
        return { v: PROTOCOL_VERSION, id: m.id, type: 'pong' };
      }
      return defaultAnswer(m);
    });
    const engine = client(() => port);
    const progress: [number, number][] = [];
    const call = engine.callCancellable({ type: 'analyze', query: { kind: 'accessGraph' } }, (done, total) => progress.push([done, total]));
    await vi.advanceTimersByTimeAsync(0);
    expect(progress).toEqual([[3, 10]]);
    call.cancel();
    expect((await call.result).type).toBe('analysisCancelled');
    const cancel = port.sent.find((m) => m.type === 'cancel');
    expect(cancel?.type === 'cancel' && cancel.target).toBe(analyses[0]);
  });

  describe('startWith: the first request travels with the worker', () => {
    /** A worker that answers the request it was created with as soon as it "runs", as engine/worker/worker.ts does. */
    const carrying = (created: (WorkerRequest | undefined)[]) => (first?: WorkerRequest) => {
      created.push(first);
      const p = new FakePort(true, (m) => (m.type === 'fetchScenario' ? { v: PROTOCOL_VERSION, id: m.id, type: 'scenarioFetched', result: { ok: false, message: 'HTTP 404' } } : defaultAnswer(m)));
      ports.push(p);
      if (first) queueMicrotask(() => p.onmessage?.({ v: PROTOCOL_VERSION, id: first.id, type: 'scenarioFetched', result: { ok: false, message: `carried ${first.type}` } }));
      return p;
    };

    it('creates the worker with the request, posts nothing, and resolves with its answer', async () => {
      const created: (WorkerRequest | undefined)[] = [];
      const c = client(carrying(created));
      const answer = await c.startWith({ type: 'fetchScenario', url: 'https://site.test/samples/starter.json' });
      expect(answer).toMatchObject({ type: 'scenarioFetched', result: { ok: false, message: 'carried fetchScenario' } });
      expect(created).toEqual([expect.objectContaining({ v: PROTOCOL_VERSION, type: 'fetchScenario', url: 'https://site.test/samples/starter.json' })]);
      expect(ports[0]?.sent).toEqual([]);
      // Later requests go to the same worker as ordinary messages.
      await c.call(world);
      expect(ports).toHaveLength(1);
      expect(ports[0]?.sent.map((m) => m.type)).toEqual(['setWorld']);
    });

    it('is an ordinary call once the engine is started', async () => {
      const created: (WorkerRequest | undefined)[] = [];
      const c = client(carrying(created));
      c.start();
      const answer = await c.startWith({ type: 'fetchScenario', url: 'https://site.test/x.json' });
      expect(answer).toMatchObject({ type: 'scenarioFetched', result: { ok: false, message: 'HTTP 404' } });
      expect(created).toEqual([undefined]);
      expect(ports[0]?.sent.map((m) => m.type)).toEqual(['fetchScenario']);
    });

    it('posts the request to the main-thread engine when no worker can be created', async () => {
      const fallback = new FakePort(false, (m) => ({ v: PROTOCOL_VERSION, id: m.id, type: 'scenarioFetched', result: { ok: false, message: 'on the main thread' } }));
      const c = client(
        () => {
          throw new Error('no workers here');
        },
        async () => fallback,
      );
      const answer = await c.startWith({ type: 'fetchScenario', url: 'https://site.test/x.json' });
      expect(answer).toMatchObject({ result: { message: 'on the main thread' } });
      expect(fallback.sent.map((m) => m.type)).toEqual(['fetchScenario']);
      expect(events).toEqual([{ type: 'mainThread', reason: 'no workers here' }]);
    });

    it('moves the request to the main thread when the worker fails before answering it', async () => {
      const fallback = new FakePort(false, (m) => ({ v: PROTOCOL_VERSION, id: m.id, type: 'scenarioFetched', result: { ok: false, message: 'second try' } }));
      const c = client(
        () => {
          const p = new FakePort(true, () => null);
          ports.push(p);
          queueMicrotask(() => p.onerror?.('the worker script failed to load'));
          return p;
        },
        async () => fallback,
      );
      const answer = await c.startWith({ type: 'fetchScenario', url: 'https://site.test/x.json' });
      expect(answer).toMatchObject({ result: { message: 'second try' } });
      expect(ports[0]?.terminated).toBe(true);
    });
  });

  describe('the watchdog while a worker starts', () => {
    it('gives a worker that has not answered yet its start-up time, then moves to the main thread', async () => {
      const fallback = new FakePort(false);
      let fallbacks = 0;
      const c = client(
        () => {
          const p = new FakePort(true, () => null); // still loading: no answer at all
          ports.push(p);
          return p;
        },
        async () => (fallbacks++, fallback),
      );
      const pending = c.call(world);
      await vi.advanceTimersByTimeAsync(5000);
      expect(events).toEqual([]);
      expect(ports[0]?.terminated).toBe(false);
      // A request made meanwhile waits for the same engine.
      const another = c.call({ type: 'ping' });
      await vi.advanceTimersByTimeAsync(16_000);
      expect(await pending).toMatchObject({ type: 'worldSet' });
      expect((await another).type).toBe('pong');
      expect(events).toEqual([{ type: 'mainThread', reason: 'The engine worker did not start.' }]);
      expect(ports[0]?.terminated).toBe(true);
      expect(fallbacks).toBe(1);
    });

    it('does not blame the worker for a page too busy to run the watchdog on time', async () => {
      let clock = 0;
      const c = new EngineClient({
        createWorker: () => {
          const p = new FakePort();
          ports.push(p);
          return p;
        },
        createFallback: async () => new FakePort(false),
        onEvent: (e) => events.push(e),
        now: () => clock,
      });
      await c.call(world);
      ports[0]!.hung = true;
      void c.call({ type: 'parseScenario', text: '{}' }).catch(() => undefined);
      clock = 500;
      await vi.advanceTimersByTimeAsync(500); // a ping goes out
      clock = 4000; // the next tick comes 3.5 s late: the page was busy, not the worker
      await vi.advanceTimersByTimeAsync(500);
      expect(events).toEqual([]);
      ports[0]!.hung = false;
    });
  });
});
