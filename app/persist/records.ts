/**
 * Reading what was stored (or arrived in a link) back into typed values. What IndexedDB
 * returns was written by some version of this app, perhaps an older one, perhaps damaged by
 * hand in the developer tools: every field is copied one by one and checked, never spread.
 * The scenario itself is checked for its outline only; it was a valid world when saved.
 */
import type { ScenarioJson } from '../../engine/scenario/types';
import type { Viewport } from '../store/selectionSlice';
import type { Positions, WorldDocument, XY } from '../store/worldSlice';
import { EMPTY_VIEW, type WorkspaceRecord, type WorkspaceView } from './schema';

/** The longest workspace name kept (a name is a label in a menu, not a document). */
export const NAME_MAX_LENGTH = 100;

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A workspace name as shown: trimmed, inner runs of white space made one space, at most NAME_MAX_LENGTH characters. */
export function cleanName(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const name = value.replace(/\s+/g, ' ').trim().slice(0, NAME_MAX_LENGTH).trim();
  return name === '' ? null : name;
}

/** Sets `key` as an own property: a key `__proto__` (from a damaged record or a link) stays a plain key. */
function put<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Node positions: only entries whose x and y are finite numbers are kept. */
export function readPositions(value: unknown): Positions {
  if (!isObject(value)) return {};
  const positions: Record<string, XY> = {};
  for (const [id, xy] of Object.entries(value)) {
    if (isObject(xy) && isFiniteNumber(xy.x) && isFiniteNumber(xy.y)) put(positions, id, { x: xy.x, y: xy.y });
  }
  return positions;
}

function readViewport(value: unknown): Viewport | null {
  if (!isObject(value) || !isFiniteNumber(value.x) || !isFiniteNumber(value.y) || !isFiniteNumber(value.zoom) || value.zoom <= 0) return null;
  return { x: value.x, y: value.y, zoom: value.zoom };
}

function readDrafts(value: unknown): Readonly<Record<string, string>> {
  if (!isObject(value)) return {};
  const drafts: Record<string, string> = {};
  for (const [id, text] of Object.entries(value)) if (typeof text === 'string') put(drafts, id, text);
  return drafts;
}

export function readView(value: unknown): WorkspaceView {
  if (!isObject(value)) return EMPTY_VIEW;
  return {
    selectedId: typeof value.selectedId === 'string' ? value.selectedId : null,
    viewport: readViewport(value.viewport),
    policyDrafts: readDrafts(value.policyDrafts),
  };
}

/** The outline every scenario has (format, version, accounts); the rest was validated when it was opened. */
export function isScenarioOutline(value: unknown): value is ScenarioJson {
  return isObject(value) && value.format === 'iam-playground/scenario' && value.version === 1 && Array.isArray(value.accounts);
}

function readDocument(value: unknown): WorldDocument | null {
  if (!isObject(value) || !isScenarioOutline(value.scenario)) return null;
  return { scenario: value.scenario, positions: readPositions(value.positions) };
}

/** A stored workspace, or `null` when the value is not one (it is then left out of the list). */
export function readWorkspaceRecord(value: unknown): WorkspaceRecord | null {
  if (!isObject(value) || typeof value.id !== 'string' || value.id === '') return null;
  const document = readDocument(value.document);
  if (!document) return null;
  const createdAt = isFiniteNumber(value.createdAt) ? value.createdAt : 0;
  return {
    id: value.id,
    name: cleanName(value.name) ?? value.id,
    createdAt,
    updatedAt: isFiniteNumber(value.updatedAt) ? value.updatedAt : createdAt,
    revision: Number.isSafeInteger(value.revision) && (value.revision as number) > 0 ? (value.revision as number) : 1,
    document,
    view: readView(value.view),
  };
}
