/**
 * What-if: the parts of the world a learner switched off for one evaluation (see `WhatIf`
 * in ./types.ts), checked once and turned into sets the evaluation consults.
 */
import type { WhatIf, WhatIfLayer } from './types';

export const WHAT_IF_LAYERS: readonly WhatIfLayer[] = ['scp', 'rcp', 'resource', 'identity', 'boundary', 'session'];

/** What is switched off, as the evaluation asks about it. */
export interface SwitchedOff {
  readonly policies: ReadonlySet<string>;
  /** Statement indexes by policy id. */
  readonly statements: ReadonlyMap<string, ReadonlySet<number>>;
  readonly layers: ReadonlySet<WhatIfLayer>;
}

function fail(path: string, message: string): never {
  throw new Error(`whatIf${path}: ${message}`);
}

/**
 * Checks a what-if from outside (the app, a saved request) and compiles it; `undefined`
 * when nothing is switched off, so the ordinary path stays the fast one.
 * Throws an error naming the path of a malformed part.
 */
export function compileWhatIf(whatIf: WhatIf | undefined): SwitchedOff | undefined {
  if (whatIf === undefined || whatIf === null) return undefined;
  if (typeof whatIf !== 'object' || Array.isArray(whatIf)) fail('', 'must be an object with `policies`, `statements` and `layers`.');
  const policies = new Set<string>();
  const statements = new Map<string, Set<number>>();
  const layers = new Set<WhatIfLayer>();
  const list = (key: keyof WhatIf): readonly unknown[] => {
    const value: unknown = whatIf[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) fail(`.${key}`, 'must be an array.');
    return value;
  };
  list('policies').forEach((id, i) => {
    if (typeof id !== 'string' || id === '') fail(`.policies[${i}]`, 'must be a policy id (a non-empty string).');
    policies.add(id);
  });
  list('statements').forEach((entry, i) => {
    const e = entry as { policy?: unknown; index?: unknown } | null;
    if (typeof e !== 'object' || e === null || typeof e.policy !== 'string' || e.policy === '') fail(`.statements[${i}].policy`, 'must be a policy id (a non-empty string).');
    if (typeof e.index !== 'number' || !Number.isInteger(e.index) || e.index < 0) fail(`.statements[${i}].index`, 'must be a statement index (an integer from 0).');
    let set = statements.get(e.policy);
    if (!set) statements.set(e.policy, (set = new Set()));
    set.add(e.index);
  });
  list('layers').forEach((layer, i) => {
    if (!WHAT_IF_LAYERS.includes(layer as WhatIfLayer)) fail(`.layers[${i}]`, `\`${String(layer)}\` is not a layer; the layers are ${WHAT_IF_LAYERS.join(', ')}.`);
    layers.add(layer as WhatIfLayer);
  });
  if (policies.size === 0 && statements.size === 0 && layers.size === 0) return undefined;
  return { policies, statements, layers };
}
