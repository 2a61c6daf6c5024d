import { describe, expect, it } from 'vitest';
import { worldGraph } from '../world/graph';
import { layoutWorld } from '../world/layout';
import { baseEdges, baseNodes } from './flowElements';
import { placeNodes } from './placement';
import { TEST_WORLD } from './testWorld';
import { areaAround, areaContents, contains, mapBounds, openingViewport, READABLE_ZOOM, visibleRect } from './viewWindow';
import { translate } from '../i18n';

const graph = worldGraph(TEST_WORLD);
const placed = placeNodes(graph, {}, () => layoutWorld(graph));
const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);
const ALICE = 'acct:111111111111/user:alice';
const DEVS = 'acct:111111111111/group:devs';

/** A tiny area around the middle of a node. */
function around(id: string) {
  const box = placed.abs.get(id)!;
  return { x: box.x + box.width / 2 - 1, y: box.y + box.height / 2 - 1, width: 2, height: 2 };
}

describe('the view of the map', () => {
  it('is the part of the map the frame shows at the viewport', () => {
    expect(visibleRect({ x: -100, y: 50, zoom: 2 }, { width: 800, height: 600 })).toEqual({ x: 50, y: -25, width: 400, height: 300 });
  });

  it('is handed over with a margin, so a pan inside the margin changes nothing', () => {
    const view = { x: 0, y: 0, width: 1000, height: 500 };
    const area = areaAround(view);
    expect(contains(area, view)).toBe(true);
    expect(contains(area, { ...view, x: 200, y: 100 })).toBe(true);
    expect(contains(area, { ...view, x: 1000 })).toBe(false);
  });

  it('fits the whole map by its top-level boxes', () => {
    const bounds = mapBounds(placed)!;
    for (const box of placed.abs.values()) expect(contains(bounds, box)).toBe(true);
  });

  it('opens fitted when the whole map reads in the frame', () => {
    const fit = { padding: 0.06, maxZoom: 1.1 };
    const frame = { width: 4000, height: 3000 };
    const view = visibleRect(openingViewport(placed, frame, fit), frame);
    expect(contains(view, mapBounds(placed)!)).toBe(true);
    expect(openingViewport(placed, frame, fit).zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
  });

  it('opens a map too large to read whole at a readable scale on its top-left corner, not shrunk to a blur', () => {
    const frame = { width: 300, height: 200 };
    const viewport = openingViewport(placed, frame, { padding: 0.06, maxZoom: 1.1 });
    expect(viewport.zoom).toBe(READABLE_ZOOM);
    const bounds = mapBounds(placed)!;
    const view = visibleRect(viewport, frame);
    // The map's top-left corner is in view, just inside the frame's.
    expect(view.x).toBeLessThan(bounds.x);
    expect(view.y).toBeLessThan(bounds.y);
    expect(bounds.x - view.x).toBeLessThan(view.width / 4);
    expect(bounds.y - view.y).toBeLessThan(view.height / 4);
  });
});

describe('areaContents', () => {
  it('hands over the nodes in the area, the boxes around them, their links and the nodes at the links’ other ends', () => {
    const { nodes, edges } = areaContents(graph, placed, around(ALICE), []);
    expect(nodes.has(ALICE)).toBe(true);
    // The boxes holding alice: her account and the organization's boxes above it.
    for (let up = placed.parentOf.get(ALICE); up !== undefined; up = placed.parentOf.get(up)) expect(nodes.has(up), up).toBe(true);
    // Alice is in devs: the link and the group come along, wherever the group is.
    expect(edges.some((e) => e.source === DEVS && e.target === ALICE) || edges.some((e) => e.source === ALICE && e.target === DEVS)).toBe(true);
    expect(nodes.has(DEVS)).toBe(true);
    // Every link handed over has both ends handed over.
    for (const e of edges) expect(nodes.has(e.source) && nodes.has(e.target), e.id).toBe(true);
    // Carol, in another account with no link to alice, is left out.
    expect(nodes.has('acct:222222222222/user:carol')).toBe(false);
  });

  it('keeps the nodes asked for (the selection, a drag) wherever they are', () => {
    const { nodes } = areaContents(graph, placed, { x: -1e6, y: -1e6, width: 1, height: 1 }, ['acct:222222222222/user:carol', null]);
    expect(nodes.has('acct:222222222222/user:carol')).toBe(true);
    expect(nodes.has('acct:222222222222')).toBe(true);
    expect(nodes.has(ALICE)).toBe(false);
  });

  it('gives React Flow every box before what it holds, as the whole map does', () => {
    const { nodes, edges } = areaContents(graph, placed, around(ALICE), []);
    const flowNodes = baseNodes(graph, placed, t, nodes);
    expect(flowNodes.map((n) => n.id).sort()).toEqual([...nodes].sort());
    const seen = new Set<string>();
    for (const n of flowNodes) {
      if (n.parentId !== undefined) expect(seen.has(n.parentId), n.id).toBe(true);
      seen.add(n.id);
    }
    // The same objects as the whole map's, so moving the area re-renders nothing that stays.
    const whole = new Map(baseNodes(graph, placed, t).map((n) => [n.id, n]));
    for (const n of flowNodes) expect(n).toBe(whole.get(n.id));
    expect(baseEdges(graph, placed, t, edges).map((e) => e.id)).toEqual(edges.map((e) => e.id));
  });
});
