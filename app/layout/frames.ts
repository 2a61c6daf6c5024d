/**
 * Work that would delay the picture the learner waits for — copying a large world to the
 * engine or into the database, both done on the page's thread — runs once the next frame is
 * drawn and the page is idle, so it holds back neither that frame nor the next one. A hidden
 * tab draws no frames: then it runs after `maxWaitMs`.
 */

/** The longest anything waits for a frame by default. */
export const FRAME_MAX_WAIT_MS = 200;

/** The longest work waits for an idle moment once its frame is drawn. */
const IDLE_MAX_WAIT_MS = 300;

/** Runs `run` once the next frame is drawn and the page is idle (or after `maxWaitMs`); returns a function that cancels it. */
export function afterNextFrame(run: () => void, maxWaitMs = FRAME_MAX_WAIT_MS): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }
  let cancelLater: (() => void) | undefined;
  const fallback = setTimeout(() => {
    cancelAnimationFrame(frame);
    run();
  }, maxWaitMs);
  const frame = requestAnimationFrame(() => {
    clearTimeout(fallback);
    // The frame is drawn after the animation frame callbacks: what is queued now runs after it.
    if (typeof requestIdleCallback === 'function') {
      const idle = requestIdleCallback(run, { timeout: IDLE_MAX_WAIT_MS });
      cancelLater = () => cancelIdleCallback(idle);
    } else {
      const timer = setTimeout(run, 0);
      cancelLater = () => clearTimeout(timer);
    }
  });
  return () => {
    clearTimeout(fallback);
    cancelAnimationFrame(frame);
    cancelLater?.();
  };
}

/** Resolves once the next frame is drawn (or after `maxWaitMs`). */
export function nextFrame(maxWaitMs = FRAME_MAX_WAIT_MS): Promise<void> {
  return new Promise((resolve) => void afterNextFrame(resolve, maxWaitMs));
}
