/**
 * Reads a share link's fragment (`#w=…`) into a world, or says why it cannot be opened.
 * The link is untrusted twice over: the codec refuses a damaged or oversized payload, and
 * the scenario inside is validated by the engine like any file; positions and the name
 * are copied field by field.
 */
import type { WorldFault } from '../../engine/worker/protocol';
import { cleanName, readPositions } from '../persist/records';
import { decodeShareFragment } from '../share/shareLink';
import type { ShareRefusal } from '../store/workspaceSlice';
import type { WorldDocument } from '../store/worldSlice';
import { parseScenario } from './readScenario';
import { isShareFragment } from './visits';

export type ShareOutcome =
  /** The fragment is not a share link (an anchor such as `#request-console`). */
  | { readonly kind: 'none' }
  | { readonly kind: 'refused'; readonly reason: ShareRefusal; readonly faults: readonly WorldFault[] }
  | { readonly kind: 'world'; readonly name: string | null; readonly document: WorldDocument };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function readShareLink(fragment: string): Promise<ShareOutcome> {
  if (!isShareFragment(fragment)) return { kind: 'none' };
  let decoded: Awaited<ReturnType<typeof decodeShareFragment>>;
  try {
    decoded = await decodeShareFragment(fragment);
  } catch (error) {
    return { kind: 'refused', reason: 'unreadable', faults: [{ path: '#w', message: messageOf(error) }] };
  }
  if (!decoded.ok) {
    if (decoded.reason === 'notAShareLink') return { kind: 'none' };
    return { kind: 'refused', reason: decoded.reason, faults: [{ path: '#w', message: decoded.message }] };
  }
  try {
    const parsed = await parseScenario(JSON.stringify(decoded.shared.scenario) ?? '');
    if (!parsed.ok) return { kind: 'refused', reason: 'invalidWorld', faults: parsed.errors };
    return {
      kind: 'world',
      name: cleanName(decoded.shared.name),
      document: { scenario: parsed.scenario, positions: readPositions(decoded.shared.positions) },
    };
  } catch (error) {
    return { kind: 'refused', reason: 'unreadable', faults: [{ path: '#w', message: messageOf(error) }] };
  }
}
