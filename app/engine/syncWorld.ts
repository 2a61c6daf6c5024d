/**
 * Keeps the engine's world equal to the store's: after every change of the world (an edit,
 * an undo, another workspace) the new world is sent to the engine, at most once per
 * `delayMs` while the learner keeps typing, so typing never waits on the engine. Requests
 * sent meanwhile are queued behind the newest world by the worker (setWorld before evaluate).
 */
import type { ScenarioJson } from '../../engine/scenario/types';
import { warmDataCache } from '../pwa/warmCache';
import { useAppStore } from '../store';
import { engine, siteBaseUrl } from './engine';
import { afterNextFrame } from '../layout/frames';

/**
 * Sends `world` now; the faults come back into the store unless a newer world was sent since.
 * A newly opened world also warms the offline data cache (only a first visit's world can
 * have been fetched before the service worker was in control; later fetches go through it).
 */
export async function sendWorld(world: ScenarioJson, opened = false): Promise<void> {
  const answer = await engine.call({ type: 'setWorld', scenario: world, baseUrl: siteBaseUrl() });
  if (answer.type === 'worldSet' && useAppStore.getState().world === world) useAppStore.getState().setWorldFaults(answer.faults);
  if (opened) warmDataCache(world);
}

/** Cancels the send waiting, if any. */
let pending: (() => void) | undefined;
let sent: ScenarioJson | null = null;
/** Whether the world waiting to be sent is a newly opened one (not an edit). */
let opening = false;

function later(send: () => void, delayMs: number): () => void {
  const timer = setTimeout(send, delayMs);
  return () => clearTimeout(timer);
}

/** Sends the current world if it is not the last one sent (e.g. right before a request). */
export async function flushWorld(): Promise<void> {
  pending?.();
  pending = undefined;
  const { world } = useAppStore.getState();
  if (!world || world === sent) return;
  sent = world;
  const opened = opening;
  opening = false;
  await sendWorld(world, opened).catch(() => undefined);
}

/** Starts following the store; returns the unsubscribe function. */
export function syncWorldToEngine(delayMs = 150): () => void {
  return useAppStore.subscribe((state, previous) => {
    if (state.world === previous.world || !state.world) return;
    // A newly opened world goes as soon as it is drawn (the learner waits for both; posting it
    // copies it on this thread, which would hold the picture back); edits are coalesced.
    const immediate = state.worldVersion !== previous.worldVersion;
    opening ||= immediate;
    pending?.();
    const send = () => void flushWorld();
    pending = immediate ? afterNextFrame(send) : later(send, delayMs);
  });
}
