/**
 * The chunks of the main region's views that are not needed for the first paint: each is
 * loaded when its tab is first shown, and all are preloaded once the browser is idle
 * (app/main.tsx), so a tab opens at once even on a slow network.
 */
export const loadDecisionPanel = () => import('../decision/DecisionPanel');
export const loadEventLog = () => import('../trail/EventLog');
export const loadExercisesView = () => import('../exercises/ExercisesView');
export const loadAnalysisView = () => import('../analysis/AnalysisView');

export function preloadViews(): void {
  for (const load of [loadDecisionPanel, loadEventLog, loadExercisesView, loadAnalysisView]) void load().catch(() => undefined);
}
