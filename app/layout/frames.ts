/**
 * Work that would delay the picture the learner waits for — copying a large world to the
 * engine or into the database, both done on the page's thread — runs once the next frame is
 * drawn. A hidden tab draws no frames: then it runs after `maxWaitMs`.
 */

/** The longest anything waits for a frame by default. */
const FRAME_MAX_WAIT_MS = 200;

/** Runs `run` once the next frame is drawn (or after `maxWaitMs`); returns a function that cancels it. */
export function afterNextFrame(run: () => void, maxWaitMs = FRAME_MAX_WAIT_MS): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }
  let frameTimer: ReturnType<typeof setTimeout> | undefined;
  const fallback = setTimeout(() => {
    cancelAnimationFrame(frame);
    run();
  }, maxWaitMs);
  const frame = requestAnimationFrame(() => {
    clearTimeout(fallback);
    // The frame is drawn after the animation frame callbacks: a task queued now runs after it.
    frameTimer = setTimeout(run, 0);
  });
  return () => {
    clearTimeout(fallback);
    cancelAnimationFrame(frame);
    if (frameTimer !== undefined) clearTimeout(frameTimer);
  };
}

/** Resolves once the next frame is drawn (or after `maxWaitMs`). */
export function nextFrame(maxWaitMs = FRAME_MAX_WAIT_MS): Promise<void> {
  return new Promise((resolve) => void afterNextFrame(resolve, maxWaitMs));
}
