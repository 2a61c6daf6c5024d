/** The type of a context key for the console: the known global keys, then the service catalogue once loaded. */
import { useCallback, useMemo } from 'react';
import { KNOWN_KEYS, keyTypeOf, type KeyType } from './contextKeys';
import { useCatalogue } from './useCatalogue';

export interface KeyTypes {
  readonly typeOf: (key: string) => KeyType;
  /** Keys to offer: the known ones first, then the catalogue's global keys (a tag key template as `prefix/`). */
  readonly suggestions: readonly string[];
}

export function useKeyTypes(): KeyTypes {
  const { catalogue, indexReady } = useCatalogue('');
  const typeOf = useCallback((key: string) => keyTypeOf(key, (k) => (indexReady ? catalogue.conditionKey(k)?.type : undefined)), [catalogue, indexReady]);
  const suggestions = useMemo(() => {
    const out = new Set(KNOWN_KEYS.map((k) => k.key));
    if (indexReady) for (const info of catalogue.globalConditionKeys()) out.add(info.key.includes('/') ? info.key.slice(0, info.key.indexOf('/') + 1) : info.key);
    return [...out];
  }, [catalogue, indexReady]);
  return { typeOf, suggestions };
}
