/**
 * The what-if state at a glance, at the top of the Decision tab: a switch per layer, the
 * switched-off policies and statements (each can be switched on again), "switch everything
 * back on", and a banner while the decision shown is hypothetical.
 */
import { useId } from 'react';
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { resetWhatIf, switchTarget } from './applyWhatIf';
import { targetName } from './labels';
import { switchedOffItems, targetKey, WHAT_IF_LAYERS } from './targets';
import { usePolicyName } from './usePolicyName';
import { WhatIfToggle } from './WhatIfToggle';
import { isWhatIfActive } from '../request/runRequest';
import './whatif.css';

function OffList() {
  const t = useT();
  const whatIf = useAppStore((s) => s.whatIf);
  const name = usePolicyName();
  const items = switchedOffItems(whatIf);
  if (items.length === 0) return null;
  return (
    <div className="whatif-off">
      <h3 className="section-title">{t('whatif.offItems')}</h3>
      <ul className="whatif-off-list">
        {items.map((target) => {
          const label = targetName(t, target, name);
          return (
            <li key={targetKey(target)} className="whatif-off-item">
              <s>{label}</s>
              <button
                type="button"
                className="icon-button"
                aria-label={t('whatif.switchOnNamed', { name: label })}
                title={t('whatif.switchOnNamed', { name: label })}
                onClick={() => void switchTarget(target, false)}
              >
                <Icon name="close" size={14} />
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function WhatIfBar() {
  const t = useT();
  const whatIf = useAppStore((s) => s.whatIf);
  const result = useAppStore((s) => s.result);
  const active = isWhatIfActive(whatIf);
  const titleId = useId();
  // The banner speaks of the answer on screen: a what-if answer, or one being asked for.
  const hypothetical = (result.state === 'done' && isWhatIfActive(result.whatIf)) || (result.state === 'running' && active);
  return (
    <section className={`whatif-bar${active ? ' is-active' : ''}`} aria-labelledby={titleId}>
      <div className="whatif-head">
        <h2 id={titleId} className="whatif-title">
          {t('whatif.title')}
        </h2>
        {active ? (
          <button type="button" className="button secondary small" onClick={() => void resetWhatIf()}>
            <Icon name="refresh" size={14} />
            {t('whatif.reset')}
          </button>
        ) : null}
      </div>
      <p className="whatif-intro muted">{result.state === 'idle' ? t('whatif.waiting') : t('whatif.intro')}</p>
      <fieldset className="whatif-layers">
        <legend>{t('whatif.layers')}</legend>
        <ul>
          {WHAT_IF_LAYERS.map((layer) => (
            <li key={layer}>
              <WhatIfToggle target={{ kind: 'layer', layer }} />
              <span className="whatif-layer-name">{t(`stage.${layer}`)}</span>
            </li>
          ))}
        </ul>
      </fieldset>
      <OffList />
      <div role="status" className="whatif-status">
        {hypothetical ? (
          <p className="whatif-banner">
            <Icon name="info" size={16} />
            <span>
              <strong className="whatif-badge">{t('whatif.badge')}</strong> {result.state === 'running' ? t('whatif.running') : t('whatif.banner')}
            </span>
          </p>
        ) : active ? null : (
          <p className="muted whatif-none">{t('whatif.noneOff')}</p>
        )}
      </div>
    </section>
  );
}
