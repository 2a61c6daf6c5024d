/**
 * The moment the learner's first view is on screen: the map has drawn its first world (its
 * cards, or the empty world's first step). What only makes later things faster — the
 * service worker's download of the whole app for offline use, the editor's chunk (~1 MB
 * gzip), the other views' chunks — waits for it (app/main.tsx): evaluated while the map's
 * own chunk is still arriving, the editor alone held the first picture back ~0.4 s.
 */
let reach: () => void = () => undefined;
const reached = new Promise<void>((resolve) => (reach = resolve));

/** Called by the map once it has drawn a world; later calls change nothing. */
export function firstViewShown(): void {
  reach();
}

/** Resolves once the first view is shown, or after `atMostMs` (a world that could not be opened draws no map). */
export function afterFirstView(atMostMs: number): Promise<void> {
  return Promise.race([reached, new Promise<void>((resolve) => setTimeout(resolve, atMostMs))]);
}
