/**
 * The map is the largest view (React Flow, d3, dagre: ~60 kB gzip): it is its own chunk so
 * the first paint stays within budget, and its loading starts at once, beside the first render.
 */
export const loadCanvas = () => import('./WorldCanvas').then((m) => ({ default: m.WorldCanvas }));
