/**
 * The state of one analysis under its form: progress with a Cancel button while it runs,
 * the failure or the cancellation, and a note when the world changed since the result.
 */
import type { AnalysisKind } from '../../engine/analysis/types';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { cancelAnalysis } from './run';

export function RunStatus({ kind }: { readonly kind: AnalysisKind }) {
  const t = useT();
  const run = useAppStore((s) => s.analyses[kind]);
  const world = useAppStore((s) => s.world);
  if (!run) return null;
  switch (run.state) {
    case 'running':
      return (
        <div className="analysis-status" role="status">
          <progress max={run.total || undefined} value={run.total ? run.done : undefined} aria-label={t('analysis.runningNoTotal')} />
          <span>{run.total ? t('analysis.running', { done: run.done, total: run.total }) : t('analysis.runningNoTotal')}</span>
          <button type="button" className="button secondary small" onClick={() => cancelAnalysis(kind)}>
            {t('analysis.cancel')}
          </button>
        </div>
      );
    case 'failed':
      return (
        <p className="analysis-status is-error" role="alert">
          {t('analysis.failed', { message: run.message })}
        </p>
      );
    case 'cancelled':
      return (
        <p className="analysis-status" role="status">
          {t('analysis.cancelled')}
        </p>
      );
    case 'done':
      return run.world === world ? null : (
        <p className="analysis-status is-stale" role="status">
          {t('analysis.stale')}
        </p>
      );
  }
}
