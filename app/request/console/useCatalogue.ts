/**
 * The IAM service catalogue (the editor's, app/editor/serviceCatalogue.ts: fetched file by
 * file, no Monaco) for the console: the global condition keys once its index is loaded, and
 * one service's actions when the learner types its prefix. Components re-render when a
 * load finishes; until then they show what the world itself names.
 */
import { useEffect, useState } from 'react';
import type { ServiceCatalogue } from '../../../engine/data/serviceData';
import { editorCatalogue } from '../../editor/serviceCatalogue';

export interface CatalogueView {
  readonly catalogue: ServiceCatalogue;
  /** The index (services, global keys) is loaded. */
  readonly indexReady: boolean;
  /** The service of `prefix` is loaded (or known not to exist). */
  readonly serviceReady: boolean;
}

/** The catalogue, loading its index and the service `prefix` (lower case, may be empty). */
export function useCatalogue(prefix: string): CatalogueView {
  const catalogue = editorCatalogue();
  const [indexReady, setIndexReady] = useState(false);
  const [loaded, setLoaded] = useState<string>('');

  useEffect(() => {
    let live = true;
    // Offline before the first visit cached the data: the console works from the world alone.
    catalogue.loadIndex().then(
      () => live && setIndexReady(true),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [catalogue]);

  useEffect(() => {
    if (!indexReady || prefix === '' || !catalogue.hasService(prefix)) return;
    let live = true;
    catalogue.loadServiceData(prefix).then(
      () => live && setLoaded(prefix),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [catalogue, indexReady, prefix]);

  const serviceReady = indexReady && (prefix === '' || !catalogue.hasService(prefix) || loaded === prefix || catalogue.loadedService(prefix) !== undefined);
  return { catalogue, indexReady, serviceReady };
}
