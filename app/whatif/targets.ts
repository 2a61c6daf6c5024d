/**
 * What a what-if switch switches off — a policy, one statement of a policy, or a whole
 * layer — and the pure edits of a `WhatIf` that the switches make. The engine does the
 * what-if itself (protocol `evaluate.whatIf`); these functions only say what to send.
 */
import type { WhatIf, WhatIfLayer } from '../../engine/evaluate/types';
import { NO_WHAT_IF } from '../store/whatIfSlice';

export type WhatIfTarget =
  | { readonly kind: 'policy'; readonly id: string }
  | { readonly kind: 'statement'; readonly policy: string; readonly index: number }
  | { readonly kind: 'layer'; readonly layer: WhatIfLayer };

/** The layers that can be switched off as a whole, in AWS's evaluation order. */
export const WHAT_IF_LAYERS: readonly WhatIfLayer[] = ['scp', 'rcp', 'resource', 'identity', 'boundary', 'session'];

export function isSwitchedOff(whatIf: WhatIf, target: WhatIfTarget): boolean {
  switch (target.kind) {
    case 'policy':
      return whatIf.policies?.includes(target.id) ?? false;
    case 'statement':
      return whatIf.statements?.some((s) => s.policy === target.policy && s.index === target.index) ?? false;
    case 'layer':
      return whatIf.layers?.includes(target.layer) ?? false;
  }
}

/**
 * `whatIf` with `target` switched off (`off`) or back on. Empty lists are dropped, so
 * switching everything back on gives `NO_WHAT_IF` — the real decision. Layers keep
 * AWS's evaluation order whatever the order they were switched off in.
 */
export function setSwitchedOff(whatIf: WhatIf, target: WhatIfTarget, off: boolean): WhatIf {
  if (isSwitchedOff(whatIf, target) === off) return whatIf;
  let policies = whatIf.policies ?? [];
  let statements = whatIf.statements ?? [];
  let layers = whatIf.layers ?? [];
  switch (target.kind) {
    case 'policy':
      policies = off ? [...policies, target.id] : policies.filter((id) => id !== target.id);
      break;
    case 'statement':
      statements = off
        ? [...statements, { policy: target.policy, index: target.index }]
        : statements.filter((s) => !(s.policy === target.policy && s.index === target.index));
      break;
    case 'layer':
      layers = off ? WHAT_IF_LAYERS.filter((l) => l === target.layer || layers.includes(l)) : layers.filter((l) => l !== target.layer);
      break;
  }
  return compact({ policies, statements, layers });
}

/** Every switched-off policy and statement (not the layers), in the order they were switched off. */
export function switchedOffItems(whatIf: WhatIf): WhatIfTarget[] {
  return [
    ...(whatIf.policies ?? []).map((id): WhatIfTarget => ({ kind: 'policy', id })),
    ...(whatIf.statements ?? []).map((s): WhatIfTarget => ({ kind: 'statement', policy: s.policy, index: s.index })),
  ];
}

/** A stable key of a target, for React lists. */
export function targetKey(target: WhatIfTarget): string {
  switch (target.kind) {
    case 'policy':
      return `policy:${target.id}`;
    case 'statement':
      return `statement:${target.index}:${target.policy}`;
    case 'layer':
      return `layer:${target.layer}`;
  }
}

function compact(whatIf: WhatIf): WhatIf {
  const out: { policies?: readonly string[]; statements?: WhatIf['statements']; layers?: readonly WhatIfLayer[] } = {};
  if (whatIf.policies?.length) out.policies = whatIf.policies;
  if (whatIf.statements?.length) out.statements = whatIf.statements;
  if (whatIf.layers?.length) out.layers = whatIf.layers;
  return Object.keys(out).length === 0 ? NO_WHAT_IF : out;
}
