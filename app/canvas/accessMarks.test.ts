import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { worldGraph } from '../world/graph';
import { layoutWorld } from '../world/layout';
import { accessMarks, NO_MARKS, pathNodeIds } from './accessMarks';
import { baseNodes, overlayEdges, overlayNodes } from './flowElements';
import { placeNodes } from './placement';
import { TEST_WORLD } from './testWorld';

const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);
const graph = worldGraph(TEST_WORLD);
const placed = placeNodes(graph, {}, () => layoutWorld(graph));
const words = { step: (n: number) => `step ${n}`, admin: 'administrator', adminBadge: 'Admin' };
const none = { selectedId: null, highlightedId: null, moved: new Map(), grown: new Map(), targets: new Set<string>(), hover: null };

const ALICE = 'arn:aws:iam::111111111111:user/alice';
const ADMIN_ROLE = 'arn:aws:iam::111111111111:role/Admin';
const ROOT = 'arn:aws:iam::111111111111:root';

describe("the map's marks for the Analysis tab's highlight", () => {
  it('number the principals of a path in order and badge the administrators, by their node ids', () => {
    const marks = accessMarks(graph, { admins: [ADMIN_ROLE, ROOT], path: [ALICE, ADMIN_ROLE], steps: [{ from: ALICE, to: ADMIN_ROLE, kind: 'assumeRole' }] }, words);
    expect(marks.get('acct:111111111111/user:alice')).toMatchObject({ steps: [1], admin: false, description: 'step 1' });
    expect(marks.get('acct:111111111111/role:Admin')).toMatchObject({ steps: [2], admin: true, description: 'step 2, administrator' });
    expect(marks.get('acct:111111111111/root')).toMatchObject({ steps: [], admin: true });
    expect(pathNodeIds(marks)).toEqual(['acct:111111111111/user:alice', 'acct:111111111111/role:Admin']);
  });

  it('mark nothing for no highlight, and skip principals the world no longer has', () => {
    expect(accessMarks(graph, null, words)).toBe(NO_MARKS);
    const marks = accessMarks(graph, { admins: ['arn:aws:iam::111111111111:user/gone'], path: [], steps: [] }, words);
    expect(marks.size).toBe(0);
  });

  it('replace only the marked nodes, which carry the mark and say it in their accessible name', () => {
    const base = baseNodes(graph, placed, t);
    const marks = accessMarks(graph, { admins: [], path: [ALICE], steps: [] }, words);
    const over = overlayNodes(base, { ...none, access: marks });
    const changed = over.filter((n, i) => n !== base[i]);
    expect(changed.map((n) => n.id)).toEqual(['acct:111111111111/user:alice']);
    expect(changed[0]?.ariaLabel).toBe('IAM user alice, step 1');
    expect(changed[0]?.type === 'entity' && changed[0].data.access?.steps).toEqual([1]);
  });

  it('draw the edges between consecutive principals of the path as part of it', () => {
    const edges = [{ id: 'e', source: 'a', target: 'b', className: 'edge-trust' }, { id: 'f', source: 'b', target: 'c', className: 'edge-trust' }];
    const out = overlayEdges(edges, null, null, new Set(['a->b']));
    expect(out[0]?.className).toBe('edge-trust is-access-step');
    expect(out[1]).toBe(edges[1]);
  });
});
