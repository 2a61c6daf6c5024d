/** A world without accounts (a new workspace): what to do first, and the button to do it. */
import { useEffect } from 'react';
import { Icon } from '../components/Icon';
import { firstViewShown } from '../layout/firstView';
import { useBuilder } from './BuilderContext';
import { BuilderIcon } from './BuilderIcon';

export function EmptyState() {
  const b = useBuilder();
  const { t } = b;
  useEffect(firstViewShown, []);
  return (
    <div className="map-empty">
      <section className="map-empty-card" aria-labelledby="map-empty-title">
        <span className="map-empty-icon">
          <Icon name="account" size={28} />
        </span>
        <h3 className="map-empty-title" id="map-empty-title">
          {t('builder.empty.title')}
        </h3>
        <p className="map-empty-text">{t('builder.empty.text')}</p>
        <button type="button" className="button primary" onClick={() => b.openDialog({ type: 'create', kind: 'account' })}>
          <BuilderIcon name="plus" />
          {t('builder.empty.addAccount')}
        </button>
        <p className="map-empty-hint">{t('builder.empty.hint')}</p>
      </section>
    </div>
  );
}
