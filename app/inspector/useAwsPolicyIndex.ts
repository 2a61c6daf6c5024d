/**
 * Every AWS managed policy's name and ARN (the site's `data/managed-policies/index.json`),
 * for the attach picker. Fetched once, when a picker first asks; offline before the first
 * visit cached it, the picker simply offers fewer names (any ARN can still be typed).
 */
import { useEffect, useState } from 'react';
import { fetchManagedPolicyIndex, type ManagedPolicyIndexEntry } from '../../engine/data/managedPolicies';
import { siteBaseUrl } from '../engine/engine';

let pending: Promise<readonly ManagedPolicyIndexEntry[]> | null = null;
let loaded: readonly ManagedPolicyIndexEntry[] = [];

function load(): Promise<readonly ManagedPolicyIndexEntry[]> {
  if (!pending) {
    pending = fetchManagedPolicyIndex(new URL('data/', siteBaseUrl()).href).then(
      (entries) => (loaded = entries),
      () => {
        pending = null; // try again next time
        return loaded;
      },
    );
  }
  return pending;
}

/** The index once `wanted` has been true (e.g. the picker was focused); empty until it arrives. */
export function useAwsPolicyIndex(wanted: boolean): readonly ManagedPolicyIndexEntry[] {
  const [entries, setEntries] = useState(loaded);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    void load().then((e) => live && setEntries(e));
    return () => {
      live = false;
    };
  }, [wanted]);
  return entries;
}
