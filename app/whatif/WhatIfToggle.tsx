/**
 * One what-if switch: switches a policy, a statement or a whole layer off (checked) or back
 * on, and asks the engine again about the request on screen. Its state is the store's.
 */
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { switchTarget } from './applyWhatIf';
import { switchName } from './labels';
import { isSwitchedOff, type WhatIfTarget } from './targets';
import { usePolicyName } from './usePolicyName';
import './whatif.css';

export interface WhatIfToggleProps {
  readonly target: WhatIfTarget;
  /** The name of the policy (for a policy or statement target) when the caller knows it best. */
  readonly label?: string;
}

export function WhatIfToggle({ target, label }: WhatIfToggleProps) {
  const t = useT();
  const lookup = usePolicyName();
  const off = useAppStore((s) => isSwitchedOff(s.whatIf, target));
  const idle = useAppStore((s) => s.result.state === 'idle');
  const name = switchName(t, target, (id) => label ?? lookup(id));
  return (
    <label className={`whatif-toggle${off ? ' is-off' : ''}`} title={name}>
      <input
        type="checkbox"
        role="switch"
        aria-label={name}
        checked={off}
        disabled={idle}
        onChange={(event) => void switchTarget(target, event.currentTarget.checked)}
      />
      <span className="whatif-toggle-track" aria-hidden="true" />
      <span className="whatif-toggle-text" aria-hidden="true">
        {t('whatif.switchOff')}
      </span>
    </label>
  );
}
