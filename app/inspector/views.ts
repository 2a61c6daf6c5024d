/** The inspector's views, in their own chunk: the panel is empty on first paint, so DetailsPanel loads them right after it. */
export { EntityView } from '../panel/EntityView';
export { PolicyMeta } from './PolicyMeta';
