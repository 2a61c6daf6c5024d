/**
 * What the builder's parts (toolbar, map, menus, dialogs) share: the current graph and its
 * placement, and the builder's own passing state — which dialog or menu is open, the
 * selected link, the last announcement. The world itself stays in the store.
 */
import { createContext, useContext } from 'react';
import type { Translate } from '../i18n';
import type { XY } from '../store/worldSlice';
import type { WorldGraph } from '../world/graph';
import type { Size } from '../world/layout';
import type { CreateKind } from './creation';
import type { Placed } from './placement';
import type { RelationKind } from './relations';

export type DialogState =
  | {
      readonly type: 'create';
      readonly kind: CreateKind;
      /** The account to preselect. */
      readonly account?: string;
      /** The OU or root (node id) to put a new account or OU in. */
      readonly unit?: string;
      /** Where on the map the learner asked (absolute), for the new node's place. */
      readonly at?: XY;
    }
  | { readonly type: 'rename'; readonly nodeId: string }
  | { readonly type: 'pick'; readonly nodeId: string; readonly relation: RelationKind; readonly direction: 'from' | 'to' };

export type MenuTarget =
  | { readonly kind: 'pane'; readonly at: XY }
  | { readonly kind: 'node'; readonly id: string }
  | { readonly kind: 'edge'; readonly id: string }
  /** The toolbar's organization menu; `unit`: the OU or root selected, for a new OU. */
  | { readonly kind: 'organization'; readonly unit?: string };

export interface MenuState {
  /** Where to open, in the page's coordinates. */
  readonly x: number;
  readonly y: number;
  readonly target: MenuTarget;
}

export interface Builder {
  readonly graph: WorldGraph;
  readonly placed: Placed;
  readonly t: Translate;
  readonly selectedEdge: string | null;
  selectEdge(id: string | null): void;
  openDialog(dialog: DialogState): void;
  openMenu(menu: MenuState): void;
  /** Says `message` in the map's live region (screen readers hear it). */
  announce(message: string): void;
  /** Selects a node, brings it into view and focuses it once drawn. */
  reveal(id: string): void;
  /** The map point at the middle of the view, when the map is drawn. */
  viewCenter(): XY | undefined;
  /** The size of the map's frame in pixels, once it is in the page. */
  viewSize(): Size | undefined;
}

export const BuilderContext = createContext<Builder | null>(null);

export function useBuilder(): Builder {
  const builder = useContext(BuilderContext);
  if (!builder) throw new Error('useBuilder: outside the builder (WorldCanvas provides it).');
  return builder;
}
