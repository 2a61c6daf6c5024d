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

/** The longest a newly opened world waits for the frame that shows it (a hidden tab draws none). */
const OPENED_MAX_WAIT_MS = 200;

/**
 * Runs `send` once the next frame is drawn (or after OPENED_MAX_WAIT_MS): posting a world
 * clones it on the main thread, which for a large world would delay the first view of it.
 * Nothing is lost by waiting: a request flushes the world before it is sent.
 */
function afterNextFrame(send: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(send, 0);
    return () => clearTimeout(timer);
  }
  let frameTimer: ReturnType<typeof setTimeout> | undefined;
  const fallback = setTimeout(send, OPENED_MAX_WAIT_MS);
  const frame = requestAnimationFrame(() => {
    clearTimeout(fallback);
    frameTimer = setTimeout(send, 0);
  });
  return () => {
    clearTimeout(fallback);
    cancelAnimationFrame(frame);
    if (frameTimer !== undefined) clearTimeout(frameTimer);
  };
}

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
    // A newly opened world goes as soon as it is drawn (the learner waits for both); edits are coalesced.
    const immediate = state.worldVersion !== previous.worldVersion;
    opening ||= immediate;
    pending?.();
    const send = () => void flushWorld();
    pending = immediate ? afterNextFrame(send) : later(send, delayMs);
  });
}
