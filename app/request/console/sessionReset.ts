/**
 * Sessions belong to the world that issued them: when another world opens (a workspace
 * switch, the sample reopened, an import) the engine forgets them and the console's list
 * empties; when the engine restarts (the watchdog), the worker's sessions are gone, so the
 * list is read again. Wired once, at start-up (main.tsx).
 */
import { engine, onEngineEvent } from '../../engine/engine';
import { useAppStore } from '../../store';

let wired = false;

export function watchSessions(): void {
  if (wired) return;
  wired = true;
  useAppStore.subscribe((state, previous) => {
    if (state.worldVersion === previous.worldVersion) return;
    state.setSessions([]);
    state.setBatch({ state: 'idle' });
    // A failure here means the worker restarted, which forgets every session anyway.
    engine.call({ type: 'clearSessions' }).catch(() => undefined);
  });
  onEngineEvent((event) => {
    if (event.type === 'restarted') useAppStore.getState().setSessions([]);
  });
}
