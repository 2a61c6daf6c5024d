/**
 * The IAM service catalogue of the editor's completion and hover, on the main thread: one
 * per page, fetching each service's files from the site's `data/iam-data/` on first use
 * (the service worker caches them for offline use). Validation has its own in the worker.
 */
import { fetchServiceCatalogue, type ServiceCatalogue } from '../../engine/data/serviceData';
import { siteBaseUrl } from '../engine/engine';

let catalogue: ServiceCatalogue | undefined;

export function editorCatalogue(): ServiceCatalogue {
  catalogue ??= fetchServiceCatalogue(new URL('data/', siteBaseUrl()).href);
  return catalogue;
}
