/**
 * Under the map while the Analysis tab highlights principals on it: what is highlighted
 * (the path in words, or how many administrators) and a button that clears it.
 */
import { nameOfArn } from '../analysis/accessWords';
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import { useAppStore } from '../store';

export function AccessHighlightBar() {
  const t = useT();
  const highlight = useAppStore((s) => s.accessHighlight);
  const clear = useAppStore((s) => s.setAccessHighlight);
  if (!highlight || (highlight.path.length === 0 && highlight.admins.length === 0)) return null;
  return (
    <div className="access-bar" role="region" aria-label={t('analysis.title')}>
      <Icon name="warning" size={15} />
      <p className="access-bar-text">
        {highlight.path.length > 0
          ? t('analysis.map.pathShown', { path: highlight.path.map(nameOfArn).join(' → ') })
          : t('analysis.map.adminsShown', { count: highlight.admins.length })}
      </p>
      <button type="button" className="button secondary small" onClick={() => clear(null)}>
        {t('analysis.map.clear')}
      </button>
    </div>
  );
}
