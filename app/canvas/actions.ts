/**
 * The builder's commands: create, rename, delete, relate, detach and move. Each goes
 * through the store (`applyEdit`, `movePositions`), so it is one undo step, and says what
 * it did in the live region. The toolbar, the menus, the dialogs, the keyboard and a drag
 * all run these same functions.
 */
import type { EditResult, WorldEdit } from '../../engine/edit/types';
import { translateEditError, type MessageKey } from '../i18n';
import { useAppStore } from '../store';
import type { Positions, XY } from '../store/worldSlice';
import { isContainer, type WorldNode } from '../world/graph';
import { HEADER, MIN_BOX, NODE_HEIGHT, NODE_WIDTH, PAD } from '../world/layout';
import { graphOf } from '../world/useWorld';
import type { Builder } from './BuilderContext';
import { createdNodeId } from './creation';
import { nodeName } from './flowElements';
import { carriedPositions, deleteEdit, renamedId, renameEdit } from './nodeEdits';
import { clampInside, placeNew } from './placement';
import type { Relation, RelationKind } from './relations';
import { undoKeys } from './shortcuts';

const ANNOUNCE: Readonly<Record<RelationKind, MessageKey>> = {
  member: 'builder.announce.member',
  attach: 'builder.announce.attach',
  boundary: 'builder.announce.boundary',
  trust: 'builder.announce.trust',
  orgPolicy: 'builder.announce.orgPolicy',
  moveAccount: 'builder.announce.moveAccount',
  moveUnit: 'builder.announce.moveAccount',
};

function nodeById(b: Builder, id: string): WorldNode | undefined {
  return b.graph.nodes.find((n) => n.id === id);
}

function platform(): string {
  return typeof navigator === 'undefined' ? '' : navigator.platform;
}

function refused(b: Builder, result: EditResult): EditResult {
  if (!result.ok) b.announce(translateEditError(useAppStore.getState().language, result.error));
  return result;
}

/** Creates what `edits` describe (the first creates the node; the rest, e.g. a move into an OU, go with it as one step). */
export function createNode(b: Builder, edits: readonly WorldEdit[], at?: XY): EditResult {
  const store = useAppStore.getState();
  const before = b.placed;
  const [first] = edits;
  if (!first) throw new Error('createNode: no edit to apply.');
  const result = edits.length === 1 ? store.applyEdit(first) : store.applyEdits(edits, first.op);
  if (!result.ok) return result;
  const id = createdNodeId(first);
  const node = id ? graphOf(result.world).nodes.find((n) => n.id === id) : undefined;
  if (!id || !node) return result;

  const patch: Record<string, XY> = {};
  if (node.kind === 'orgRoot') {
    // The management account moves into the new organization: the box is drawn around it, where it was.
    const management = graphOf(result.world).nodes.find((n) => n.kind === 'account' && n.parent === id);
    const where = management ? before.abs.get(management.id) : undefined;
    if (management && where) {
      patch[id] = { x: where.x - PAD, y: where.y - HEADER };
      patch[management.id] = { x: PAD, y: HEADER };
    } else {
      patch[id] = placeNew(before, undefined, MIN_BOX, at);
    }
  } else {
    const size = isContainer(node) ? MIN_BOX : { width: NODE_WIDTH, height: NODE_HEIGHT };
    patch[id] = placeNew(before, node.parent, size, at ?? b.viewCenter());
  }
  useAppStore.getState().movePositions(patch, { undoable: false });
  b.reveal(id);
  b.announce(b.t('builder.announce.created', { name: nodeName(b.t, node) }));
  return result;
}

/** Renames a node; its saved place (and that of what it holds) follows it to its new id. */
export function renameNode(b: Builder, id: string, name: string): EditResult {
  const node = nodeById(b, id);
  const edit = node && renameEdit(node, name);
  if (!node || !edit) throw new Error(`renameNode: \`${id}\` cannot be renamed.`);
  const store = useAppStore.getState();
  const result = store.applyEdit(edit);
  if (!result.ok) return result;
  const to = renamedId(node, name);
  const carried = carriedPositions(useAppStore.getState().positions, id, to, node);
  if (Object.keys(carried).length > 0) useAppStore.getState().movePositions(carried, { undoable: false });
  if (useAppStore.getState().selectedId === id) useAppStore.getState().select(to);
  b.announce(b.t('builder.announce.renamed', { name: name === '' ? node.label : name }));
  if (to !== id) b.reveal(to);
  return result;
}

/**
 * What stays on the map where it was when a box is deleted: an OU's accounts and OUs move
 * to its parent, and the organization's accounts to the top level, each at the same spot.
 */
function keptInPlace(b: Builder, node: WorldNode): Positions {
  const out: Record<string, XY> = {};
  if (node.kind === 'orgUnit') {
    const offset = b.placed.rel.get(node.id) as XY;
    for (const child of b.placed.children.get(node.id) ?? []) {
      const p = b.placed.rel.get(child) as XY;
      out[child] = { x: p.x + offset.x, y: p.y + offset.y };
    }
  } else if (node.kind === 'orgRoot') {
    for (const n of b.graph.nodes) if (n.kind === 'account' && b.placed.abs.has(n.id) && n.parent !== undefined) {
      const box = b.placed.abs.get(n.id) as XY;
      out[n.id] = { x: box.x, y: box.y };
    }
  }
  return out;
}

/** Deletes what a node stands for (with what depends on it), says so and how to undo it. */
export function deleteNode(b: Builder, id: string): boolean {
  const node = nodeById(b, id);
  const edit = node && deleteEdit(node);
  if (!node || !edit) {
    if (node) b.announce(b.t('builder.announce.cannotDelete', { name: nodeName(b.t, node) }));
    return false;
  }
  const kept = keptInPlace(b, node);
  const result = refused(b, useAppStore.getState().applyEdit(edit));
  if (!result.ok) return false;
  if (Object.keys(kept).length > 0) useAppStore.getState().movePositions(kept, { undoable: false });
  const selected = useAppStore.getState().selectedId;
  if (selected !== null && !graphOf(result.world).nodes.some((n) => n.id === selected)) useAppStore.getState().select(null);
  b.announce(b.t('builder.announce.deleted', { name: nodeName(b.t, node), keys: undoKeys(platform()) }));
  return true;
}

/** Makes a relation (a drop, a connection, a picker's choice); an account moved into an OU lands at `place`. */
export function relate(b: Builder, relation: Relation, from: WorldNode, to: WorldNode, place?: { readonly id: string; readonly at: XY }): EditResult {
  const result = refused(b, useAppStore.getState().applyEdit(relation.edit));
  if (!result.ok) return result;
  if (place) useAppStore.getState().movePositions({ [place.id]: place.at }, { undoable: false });
  const names = { from: nodeName(b.t, from), to: nodeName(b.t, to) };
  b.announce(b.t(ANNOUNCE[relation.kind], names));
  return result;
}

/** Removes the relation a link of the map stands for. */
export function detachEdge(b: Builder, edgeId: string): boolean {
  const edge = b.graph.edges.find((e) => e.id === edgeId);
  if (!edge?.detach || edge.detach.length === 0) return false;
  const [first] = edge.detach;
  const result = refused(b, useAppStore.getState().applyEdits(edge.detach, first?.op));
  if (!result.ok) return false;
  b.selectEdge(null);
  const source = nodeById(b, edge.source);
  const target = nodeById(b, edge.target);
  b.announce(b.t('builder.announce.detached', { from: source ? nodeName(b.t, source) : edge.source, to: target ? nodeName(b.t, target) : edge.target, keys: undoKeys(platform()) }));
  return true;
}

/** Moves a node to `at` (relative to its box, kept inside it); moves with the same `mergeKey` are one undo step. */
export function moveNode(b: Builder, id: string, at: XY, mergeKey: string): void {
  const parent = b.placed.parentOf.get(id);
  useAppStore.getState().movePositions({ [id]: clampInside(parent, at) }, { mergeKey });
}

/** Deletes the selected link or node (Delete, Backspace, the toolbar). */
export function deleteSelection(b: Builder): boolean {
  if (b.selectedEdge !== null) return detachEdge(b, b.selectedEdge);
  const selected = useAppStore.getState().selectedId;
  return selected !== null && deleteNode(b, selected);
}
