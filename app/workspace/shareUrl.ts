/**
 * The share link of the open world: this page's address without its fragment, then `#`
 * and the world encoded by app/share/shareLink.ts (no server ever sees a fragment), with
 * how far a link that long gets (some apps cut long links; browsers have a limit too).
 */
import { encodeShareFragment, shareUrl, shareUrlReach, type ShareUrlReach } from '../share/shareLink';
import { useAppStore } from '../store';

export interface MadeLink {
  readonly url: string;
  readonly reach: ShareUrlReach;
}

export async function makeShareLink(): Promise<MadeLink> {
  const { world, positions, workspace } = useAppStore.getState();
  if (!world) throw new Error('No world is open.');
  const fragment = await encodeShareFragment({ scenario: world, positions, ...(workspace ? { name: workspace.name } : {}) });
  const url = shareUrl(location.href, fragment);
  return { url, reach: shareUrlReach(url.length) };
}
