/**
 * The one entry to the lazy editor chunk: the panel renders it with React.lazy, and the
 * app preloads it once the first paint is done, so opening a policy is instant and the
 * chunk is in the HTTP cache (and the service worker's) before it is needed.
 */
export const loadPolicyEditor = () => import('./PolicyEditor');

let preloaded = false;

/** Starts loading the editor (call it when the browser is idle, after the first view). */
export function preloadPolicyEditor(): void {
  if (preloaded) return;
  preloaded = true;
  void loadPolicyEditor().catch(() => (preloaded = false));
}
