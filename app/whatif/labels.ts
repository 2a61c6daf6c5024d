/**
 * Names for what-if targets: a policy is named as the engine named it in the trace on
 * screen (a resource policy by its resource), else as the world's map names it, else by
 * its id — a switched-off policy must stay recognisable even when it no longer exists.
 */
import type { TraceEvent } from '../../engine/evaluate/types';
import type { Translate } from '../i18n';
import type { WorldGraph } from '../world/graph';
import type { WhatIfTarget } from './targets';

export function policyName(id: string, trace: readonly TraceEvent[] | undefined, graph: WorldGraph | null): string {
  const ref = trace?.find((e) => e.policy?.id === id)?.policy;
  if (ref) return ref.name;
  return graph?.nodes.find((n) => n.id === id)?.label ?? id;
}

/** What the target is, for people ("Policy DenyS3", "Statement 2 of DenyS3", "Service control policies"). */
export function targetName(t: Translate, target: WhatIfTarget, name: (policy: string) => string): string {
  switch (target.kind) {
    case 'policy':
      return t('whatif.policy', { name: name(target.id) });
    case 'statement':
      return t('whatif.statement', { index: target.index + 1, policy: name(target.policy) });
    case 'layer':
      return t(`stage.${target.layer}`);
  }
}

/** The accessible name of the switch that switches the target off. */
export function switchName(t: Translate, target: WhatIfTarget, name: (policy: string) => string): string {
  switch (target.kind) {
    case 'policy':
      return t('whatif.switchOffPolicy', { name: name(target.id) });
    case 'statement':
      return t('whatif.switchOffStatement', { index: target.index + 1, policy: name(target.policy) });
    case 'layer':
      return t('whatif.switchOffLayer', { layer: t(`stage.${target.layer}`) });
  }
}
