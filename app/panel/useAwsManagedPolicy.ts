/**
 * The document of an AWS managed policy, fetched on demand from the site's `data/`
 * folder (served by the IAM data plugin; cached by the service worker for offline use).
 */
import { useEffect, useState } from 'react';
import { fetchManagedPolicies } from '../../engine/data/managedPolicies';
import { siteBaseUrl } from '../engine/engine';

const cache = new Map<string, Promise<unknown>>();

function load(arn: string): Promise<unknown> {
  let pending = cache.get(arn);
  if (!pending) {
    pending = fetchManagedPolicies([arn], new URL('data/', siteBaseUrl()).href).then(({ records }) => {
      const record = records[0];
      if (!record) throw new Error(`\`${arn}\` is not an AWS managed policy this playground knows.`);
      return record.document;
    });
    // A failure (offline on a first visit) is not remembered: the next look tries again.
    pending.catch(() => cache.delete(arn));
    cache.set(arn, pending);
  }
  return pending;
}

export type Loaded = { readonly state: 'loading' } | { readonly state: 'ready'; readonly document: unknown } | { readonly state: 'failed'; readonly message: string };

export function useAwsManagedPolicy(arn: string | undefined): Loaded {
  const [result, setResult] = useState<{ arn: string; loaded: Loaded } | null>(null);
  useEffect(() => {
    if (!arn) return;
    let live = true;
    load(arn).then(
      (document) => live && setResult({ arn, loaded: { state: 'ready', document } }),
      (error: unknown) => live && setResult({ arn, loaded: { state: 'failed', message: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      live = false;
    };
  }, [arn]);
  return result && result.arn === arn ? result.loaded : { state: 'loading' };
}
