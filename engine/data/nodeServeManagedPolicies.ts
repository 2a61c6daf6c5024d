/**
 * For tests of the worker host: `fetch` stubbed to serve `data/managed-policies/*.json` under
 * `base`, as the site's data plugin does (everything else is 404). Returns the URLs asked
 * for, so a test can see what the worker fetched.
 */
import { vi } from 'vitest';
import { managedPolicyFileName } from './managedPolicies';
import { latestManagedPolicies } from './nodeManagedPolicies';

export function serveManagedPolicies(base: string): string[] {
  const files = new Map(latestManagedPolicies().map((r) => [`${base}data/managed-policies/${managedPolicyFileName(r.name)}`, r]));
  const requested: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    requested.push(url);
    const record = files.get(url);
    return { ok: !!record, status: record ? 200 : 404, json: async () => record };
  });
  return requested;
}
