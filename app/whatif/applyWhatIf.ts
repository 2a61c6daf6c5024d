/**
 * Applies a what-if: stores it and asks the engine again about the request on screen, with
 * those parts switched off. A what-if run is never logged and issues no session
 * (`runRequest` with `source: 'whatIf'`); with nothing switched off it gives the real
 * decision again, still without logging.
 */
import type { WhatIf } from '../../engine/evaluate/types';
import { runRequest } from '../request/runRequest';
import { useAppStore } from '../store';
import { setSwitchedOff, type WhatIfTarget } from './targets';
import { NO_WHAT_IF } from '../store/whatIfSlice';

export async function applyWhatIf(whatIf: WhatIf): Promise<void> {
  const store = useAppStore.getState();
  store.setWhatIf(whatIf);
  const { result } = store;
  // Nothing asked yet: the switches wait for the next request (a console run clears them).
  if (result.state === 'idle') return;
  await runRequest(result.request, { source: 'whatIf', whatIf });
}

/** Switches `target` off (or back on) and re-runs the request on screen. */
export function switchTarget(target: WhatIfTarget, off: boolean): Promise<void> {
  return applyWhatIf(setSwitchedOff(useAppStore.getState().whatIf, target, off));
}

/** Switches everything back on: the real decision, re-run without logging. */
export function resetWhatIf(): Promise<void> {
  return applyWhatIf(NO_WHAT_IF);
}
