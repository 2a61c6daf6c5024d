import { describe, expect, it, vi } from 'vitest';
import type { ScenarioJson } from '../scenario/types';
import { PROTOCOL_VERSION, workerName, type WorkerRequest, type WorkerResponse } from './protocol';
import { fetchedScenarioAnswer } from './scenarioAnswers';
import { serveWorker } from './serve';
import { createEngineHost, type EngineHost } from './worker';

const BASE = 'https://playground.test/';
const SAMPLE_URL = 'https://playground.test/samples/starter.json';
const SCENARIO: ScenarioJson = { format: 'iam-playground/scenario', version: 1, accounts: [{ id: '111111111111', users: [{ name: 'alice' }] }] };
const FETCH_SAMPLE: WorkerRequest = { v: PROTOCOL_VERSION, id: 7, type: 'fetchScenario', url: SAMPLE_URL };

function fakeScope(name: string) {
  const sent: WorkerResponse[] = [];
  let listener: ((event: { readonly data: unknown }) => void) | undefined;
  return {
    sent,
    post: (data: unknown) => listener?.({ data }),
    scope: { location: { origin: 'https://playground.test' }, name, postMessage: (m: WorkerResponse) => sent.push(m), addEventListener: (_: 'message', l: (event: { readonly data: unknown }) => void) => (listener = l) },
  };
}
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
const sampleHost = () => createEngineHost(BASE, { fetchText: async () => ({ ok: true, text: JSON.stringify(SCENARIO) }) });
const ids = (sent: readonly WorkerResponse[]) => sent.map((m) => [m.id, m.type]);

describe('serveWorker: a worker answers the request its name carries, then its messages', () => {
  it('begins with the carried request, without waiting for a message', async () => {
    const worker = fakeScope(workerName(FETCH_SAMPLE));
    serveWorker(worker.scope, async () => sampleHost());
    await vi.waitFor(() => expect(worker.sent).toHaveLength(1));
    expect(worker.sent[0]).toMatchObject({ id: 7, type: 'scenarioFetched', result: { ok: true } });
    worker.post({ v: PROTOCOL_VERSION, id: 8, type: 'ping' });
    await settled();
    expect(ids(worker.sent)).toEqual([[7, 'scenarioFetched'], [8, 'pong']]);
  });

  it('answers a request of another protocol version, carried or posted, with an error the page restarts on', async () => {
    const worker = fakeScope(`iam-engine ${JSON.stringify({ v: PROTOCOL_VERSION - 1, id: 3, type: 'ping' })}`);
    serveWorker(worker.scope, async () => createEngineHost(BASE));
    worker.post({ v: 1, id: 4, type: 'ping' });
    await settled();
    expect(ids(worker.sent)).toEqual([[3, 'error'], [4, 'error']]);
  });
});

describe('serveWorker with a host loaded on demand (the app keeps its worker entry small)', () => {
  /** A loader that resolves only when the test says so, and counts its calls. */
  function deferredHost(host: EngineHost = sampleHost()) {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const load = vi.fn(async () => {
      await gate;
      return host;
    });
    return { load, release };
  }

  it('answers the carried sample early and loads the host only after that answer is sent', async () => {
    const worker = fakeScope(workerName(FETCH_SAMPLE));
    const host = deferredHost();
    let answer: (response: WorkerResponse) => void = () => undefined;
    const first = vi.fn((request: WorkerRequest) => (request.type === 'fetchScenario' ? new Promise<WorkerResponse>((resolve) => (answer = resolve)) : undefined));
    serveWorker(worker.scope, host.load, { first });
    await settled();
    // The sample is still being read: nothing else is loaded meanwhile.
    expect(host.load).not.toHaveBeenCalled();
    answer(fetchedScenarioAnswer(7, { ok: true, text: JSON.stringify(SCENARIO) }, () => 'map'));
    await vi.waitFor(() => expect(host.load).toHaveBeenCalledOnce());
    expect(worker.sent).toHaveLength(1);
    expect(worker.sent[0]).toMatchObject({ id: 7, type: 'scenarioFetched', result: { ok: true, scenario: SCENARIO }, beside: 'map' });
  });

  it('answers a carried request of another protocol version with an error, without loading the host for it', async () => {
    const worker = fakeScope(`iam-engine ${JSON.stringify({ ...FETCH_SAMPLE, v: PROTOCOL_VERSION - 1 })}`);
    const first = vi.fn(() => undefined);
    serveWorker(worker.scope, async () => sampleHost(), { first });
    await settled();
    expect(first).not.toHaveBeenCalled();
    expect(ids(worker.sent)).toEqual([[7, 'error']]);
  });

  it('answers a ping without the host, and the requests posted meanwhile by the host once loaded, in order', async () => {
    const worker = fakeScope(workerName());
    const host = deferredHost();
    serveWorker(worker.scope, host.load);
    // Nothing to answer early: the host is loaded at once.
    expect(host.load).toHaveBeenCalledOnce();
    worker.post({ v: PROTOCOL_VERSION, id: 1, type: 'parseScenario', text: JSON.stringify(SCENARIO) });
    worker.post({ v: PROTOCOL_VERSION, id: 2, type: 'ping' });
    worker.post({ v: PROTOCOL_VERSION, id: 3, type: 'parseScenario', text: '{' });
    await settled();
    expect(ids(worker.sent)).toEqual([[2, 'pong']]);
    host.release();
    await vi.waitFor(() => expect(worker.sent).toHaveLength(3));
    expect(ids(worker.sent)).toEqual([[2, 'pong'], [1, 'scenarioParsed'], [3, 'scenarioParsed']]);
    expect(host.load).toHaveBeenCalledOnce();
  });

  it('leaves the carried request to the host when it cannot be answered early', async () => {
    const worker = fakeScope(workerName({ v: PROTOCOL_VERSION, id: 5, type: 'parseScenario', text: JSON.stringify(SCENARIO) }));
    const first = vi.fn(() => undefined);
    serveWorker(worker.scope, async () => sampleHost(), { first });
    await vi.waitFor(() => expect(worker.sent).toHaveLength(1));
    expect(first).toHaveBeenCalledOnce();
    expect(worker.sent[0]).toMatchObject({ id: 5, type: 'scenarioParsed', result: { ok: true } });
  });

  it('leaves the carried request to the host when its early answer fails (its chunk did not load)', async () => {
    const worker = fakeScope(workerName(FETCH_SAMPLE));
    const load = vi.fn(async () => sampleHost());
    serveWorker(worker.scope, load, { first: () => Promise.reject(new Error('Failed to fetch dynamically imported module')) });
    await vi.waitFor(() => expect(worker.sent).toHaveLength(1));
    expect(worker.sent[0]).toMatchObject({ id: 7, type: 'scenarioFetched', result: { ok: true } });
    expect(load).toHaveBeenCalledOnce();
  });

  it('fails the worker when the host cannot be loaded, after an early answer too, and answers what waits with an error', async () => {
    const worker = fakeScope(workerName(FETCH_SAMPLE));
    const failure = new Error('Failed to fetch dynamically imported module');
    const load = vi.fn(() => Promise.reject(failure));
    const onHostFailed = vi.fn();
    serveWorker(worker.scope, load, { first: async (request) => fetchedScenarioAnswer(request.id, { ok: true, text: JSON.stringify(SCENARIO) }), onHostFailed });
    await vi.waitFor(() => expect(onHostFailed).toHaveBeenCalledWith(failure));
    worker.post({ v: PROTOCOL_VERSION, id: 8, type: 'setWorld', scenario: SCENARIO });
    await vi.waitFor(() => expect(worker.sent).toHaveLength(2));
    expect(worker.sent[1]).toEqual({ v: PROTOCOL_VERSION, id: 8, type: 'error', message: `The engine could not be loaded: ${failure.message}` });
    // Not tried again in this worker (the page starts a fresh one).
    expect(load).toHaveBeenCalledOnce();
    expect(onHostFailed).toHaveBeenCalledOnce();
  });

  it('answers with an error an answer that cannot be sent, rather than losing it', async () => {
    const worker = fakeScope(workerName(FETCH_SAMPLE));
    const sent: WorkerResponse[] = [];
    const scope = {
      ...worker.scope,
      postMessage: (m: WorkerResponse) => {
        if ('beside' in m) throw new Error('DataCloneError: a function could not be cloned');
        sent.push(m);
      },
    };
    serveWorker(scope, async () => sampleHost(), { first: async (request) => fetchedScenarioAnswer(request.id, { ok: true, text: JSON.stringify(SCENARIO) }, () => () => 'not cloneable') });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ v: PROTOCOL_VERSION, id: 7, type: 'error', message: 'The answer could not be sent: DataCloneError: a function could not be cloned' });
  });
});

describe('fetchedScenarioAnswer', () => {
  it('computes nothing beside an invalid world, and a failure beside a valid one costs only that', () => {
    const beside = vi.fn(() => 'map');
    expect(fetchedScenarioAnswer(1, { ok: true, text: '{}' }, beside)).not.toHaveProperty('beside');
    expect(beside).not.toHaveBeenCalled();
    const answer = fetchedScenarioAnswer(2, { ok: true, text: JSON.stringify(SCENARIO) }, () => {
      throw new Error('layout failed');
    });
    expect(answer).toMatchObject({ id: 2, type: 'scenarioFetched', result: { ok: true } });
    expect(answer).not.toHaveProperty('beside');
    expect(fetchedScenarioAnswer(3, { ok: false, message: 'HTTP 404' })).toEqual({ v: PROTOCOL_VERSION, id: 3, type: 'scenarioFetched', result: { ok: false, message: 'HTTP 404' } });
  });
});
