import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { worldGraph } from '../world/graph';
import { layoutWorld } from '../world/layout';
import { baseEdges, baseNodes, facingSides, overlayNodes } from './flowElements';
import { placeNodes } from './placement';
import { TEST_WORLD } from './testWorld';

const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);
const graph = worldGraph(TEST_WORLD);
const placed = placeNodes(graph, {}, () => layoutWorld(graph));
const card = (x: number, y: number) => ({ x, y, width: 200, height: 50 });
const none = { selectedId: null, highlightedId: null, moved: new Map(), grown: new Map(), targets: new Set<string>(), hover: null };

describe('the nodes React Flow draws', () => {
  it('name each node by its kind and name, an account with its id', () => {
    const nodes = baseNodes(graph, placed, t);
    expect(nodes.find((n) => n.id === 'acct:111111111111')?.ariaLabel).toBe('Account main (111111111111)');
    expect(nodes.find((n) => n.id === 'acct:111111111111/user:alice')?.ariaLabel).toBe('IAM user alice');
  });

  it('stay the same objects when nothing about them changed, so a move or a selection re-renders only what it touched', () => {
    const before = baseNodes(graph, placed, t);
    const moved = placeNodes(graph, { ...placed.computed, 'acct:111111111111/user:bob': { x: 900, y: 900 } }, () => layoutWorld(graph));
    const after = baseNodes(graph, moved, t);
    const changed = after.filter((n, i) => n !== before[i]).map((n) => n.id);
    // bob, and the boxes that grew around him.
    expect(changed).toEqual(['org', 'acct:111111111111', 'acct:111111111111/user:bob']);
    const selected = overlayNodes(after, { ...none, selectedId: 'acct:111111111111/user:alice' });
    expect(selected.filter((n, i) => n !== after[i]).map((n) => n.id)).toEqual(['acct:111111111111/user:alice']);
  });

  it('link two cards by the sides that face each other, and around the cards between two of one column', () => {
    expect(facingSides(card(0, 0), card(400, 10), true)).toEqual({ sourceHandle: 'right', targetHandle: 'left' });
    expect(facingSides(card(400, 0), card(0, 0), true)).toEqual({ sourceHandle: 'left', targetHandle: 'right' });
    expect(facingSides(card(0, 0), card(0, 70), true)).toEqual({ sourceHandle: 'bottom', targetHandle: 'top' });
    expect(facingSides(card(0, 300), card(0, 0), true)).toEqual({ sourceHandle: 'right', targetHandle: 'right' });
    expect(facingSides(card(0, 0), { x: -50, y: 300, width: 900, height: 400 }, false)).toEqual({ sourceHandle: 'bottom', targetHandle: 'top' });
  });

  it('let only links that can be removed on their own be focused and selected', () => {
    const edges = baseEdges(graph, placed, t);
    expect(edges.find((e) => e.id.startsWith('member:'))).toMatchObject({ focusable: true, selectable: true });
    expect(edges.find((e) => e.id.startsWith('trust:'))).toMatchObject({ focusable: false, selectable: false });
  });
});
