/**
 * Line icons the builder needs beside the app's own set (components/Icon.tsx): drawn the
 * same way, decorative (the text or accessible name beside them carries the meaning).
 */
import type { ReactElement } from 'react';

export type BuilderIconName = 'plus' | 'undo' | 'redo' | 'tidy' | 'trash' | 'rename' | 'link' | 'unit' | 'org' | 'chevron' | 'move';

const paths: Record<BuilderIconName, ReactElement> = {
  plus: <path d="M12 5v14M5 12h14" />,
  undo: (<><path d="M9 14L4 9l5-5" /><path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" /></>),
  redo: (<><path d="M15 14l5-5-5-5" /><path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" /></>),
  tidy: (<><rect x="3" y="4" width="7" height="5" rx="1.2" /><rect x="14" y="4" width="7" height="5" rx="1.2" /><rect x="8.5" y="15" width="7" height="5" rx="1.2" /><path d="M6.5 9v3h11V9M12 12v3" /></>),
  trash: (<><path d="M4 7h16M10 11v6M14 11v6" /><path d="M6 7l1 13h10l1-13M9 7V4h6v3" /></>),
  rename: (<><path d="M4 20h4L19 9l-4-4L4 16z" /><path d="M13.5 6.5l4 4" /></>),
  link: (<><path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" /><path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" /></>),
  unit: (<><path d="M3 6.5A1.5 1.5 0 0 1 4.5 5H9l2 2h8.5A1.5 1.5 0 0 1 21 8.5v9a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17.5z" /></>),
  org: (<><rect x="9" y="3" width="6" height="5" rx="1" /><rect x="3" y="16" width="6" height="5" rx="1" /><rect x="15" y="16" width="6" height="5" rx="1" /><path d="M12 8v4M6 16v-4h12v4" /></>),
  chevron: <path d="M6 9l6 6 6-6" />,
  move: (<><path d="M12 3v18M3 12h18" /><path d="M9 6l3-3 3 3M9 18l3 3 3-3M6 9l-3 3 3 3M18 9l3 3-3 3" /></>),
};

export function BuilderIcon({ name, size = 16 }: { readonly name: BuilderIconName; readonly size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.7} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {paths[name]}
    </svg>
  );
}
