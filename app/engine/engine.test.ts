import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineEvent } from './engineClient';

afterEach(() => vi.unstubAllGlobals());

describe('the app engine', () => {
  it('tells the first listener what happened before anyone listened (the engine starts before main.tsx subscribes)', async () => {
    // No Worker in Node: the engine moves to the main thread at once, as in a browser that refuses workers.
    vi.stubGlobal('document', { baseURI: 'https://playground.test/' });
    const { engine, onEngineEvent } = await import('./engine');
    engine.start();
    expect((await engine.call({ type: 'ping' })).type).toBe('pong');

    const first: EngineEvent[] = [];
    onEngineEvent((event) => first.push(event));
    expect(first).toEqual([{ type: 'mainThread', reason: 'This browser cannot run Web Workers.' }]);
    const second: EngineEvent[] = [];
    onEngineEvent((event) => second.push(event));
    expect(second).toEqual([]);
  });
});
