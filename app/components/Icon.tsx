/**
 * A small set of line icons drawn for this app (no icon font: nothing to fetch, nothing
 * from another origin). Icons are decorative: the text beside them carries the meaning,
 * so they are hidden from assistive technology.
 */
import type { ReactElement, ReactNode } from 'react';

export type IconName =
  | 'account' | 'root' | 'user' | 'group' | 'role' | 'resource'
  | 'policy' | 'awsPolicy' | 'inline' | 'resourcePolicy' | 'trust'
  | 'allowed' | 'explicitDeny' | 'implicitDeny' | 'error'
  | 'globe' | 'close' | 'send' | 'info' | 'warning' | 'refresh' | 'logo' | 'arrow' | 'legend';

const paths: Record<IconName, ReactElement> = {
  account: (<><rect x="3" y="5" width="18" height="15" rx="2" /><path d="M3 9h18M7 13h4M7 16h6" /></>),
  root: (<><circle cx="12" cy="8" r="3.5" /><path d="M5 20c0-3.9 3.1-6.5 7-6.5s7 2.6 7 6.5" /><path d="M9 3.5l1.5 1.5L12 3l1.5 2L15 3.5" /></>),
  user: (<><circle cx="12" cy="8" r="3.5" /><path d="M5 20c0-3.9 3.1-6.5 7-6.5s7 2.6 7 6.5" /></>),
  group: (<><circle cx="9" cy="9" r="3" /><circle cx="16.5" cy="10" r="2.5" /><path d="M3 19c0-3.3 2.7-5.5 6-5.5s6 2.2 6 5.5M15 14c3 0 5.5 1.8 5.5 5" /></>),
  role: (<><path d="M12 3l7 3v5c0 4.5-3 8-7 10-4-2-7-5.5-7-10V6z" /><path d="M9 12l2 2 4-4" /></>),
  resource: (<><ellipse cx="12" cy="6" rx="7" ry="2.5" /><path d="M5 6v12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5V6" /><path d="M5 12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5" /></>),
  policy: (<><path d="M7 3h7l4 4v14H7z" /><path d="M14 3v4h4M10 12h5M10 15h5M10 18h3" /></>),
  awsPolicy: (<><path d="M7 3h7l4 4v14H7z" /><path d="M14 3v4h4" /><path d="M9.5 16.5c1.8 1.2 4.2 1.2 6 0M14.5 17.5l1-1-1.3-.4" /></>),
  inline: (<><path d="M7 3h7l4 4v14H7z" /><path d="M14 3v4h4M10 13l-2 2 2 2M15 13l2 2-2 2" /></>),
  resourcePolicy: (<><path d="M6 3h7l4 4v6" /><path d="M13 3v4h4M6 3v18h6" /><ellipse cx="17.5" cy="15" rx="3.5" ry="1.4" /><path d="M14 15v4.6c0 .8 1.6 1.4 3.5 1.4s3.5-.6 3.5-1.4V15" /></>),
  trust: (<><path d="M7 3h7l4 4v14H7z" /><path d="M14 3v4h4" /><path d="M12.5 11.5l-3 3 1.5 1.5 3-3M12 17l3-3" /></>),
  allowed: (<><circle cx="12" cy="12" r="9" /><path d="M8 12.5l2.8 2.8L16.5 9.5" /></>),
  explicitDeny: (<><circle cx="12" cy="12" r="9" /><path d="M5.7 5.7l12.6 12.6" /></>),
  implicitDeny: (<><circle cx="12" cy="12" r="9" strokeDasharray="3 2.4" /><path d="M8 12h8" /></>),
  error: (<><path d="M12 3l9.5 17h-19z" /><path d="M12 10v4.5M12 17.3v.2" /></>),
  globe: (<><circle cx="12" cy="12" r="9" /><path d="M3 12h18M12 3c2.6 2.6 3.8 5.6 3.8 9s-1.2 6.4-3.8 9c-2.6-2.6-3.8-5.6-3.8-9S9.4 5.6 12 3z" /></>),
  close: <path d="M6 6l12 12M18 6L6 18" />,
  send: (<><path d="M4 12l16-8-6 16-2.5-6.5z" /><path d="M11.5 13.5L20 4" /></>),
  info: (<><circle cx="12" cy="12" r="9" /><path d="M12 11v6M12 7.5v.2" /></>),
  warning: (<><path d="M12 3l9.5 17h-19z" /><path d="M12 10v4.5M12 17.3v.2" /></>),
  refresh: (<><path d="M20 11a8 8 0 1 0-2.3 5.7" /><path d="M20 4v7h-7" /></>),
  logo: (<><path d="M12 2.5l8 3.5v5.5c0 5-3.4 8.8-8 10.5-4.6-1.7-8-5.5-8-10.5V6z" /><circle cx="12" cy="10.5" r="2.5" /><path d="M12 13v4.5M12 15.5h2" /></>),
  arrow: <path d="M5 12h14M13 6l6 6-6 6" />,
  legend: (<><path d="M4 6h3M4 12h3M4 18h3M10 6h10M10 12h10M10 18h10" /></>),
};

/** The frame every line icon of the app is drawn in (24 × 24, stroked, hidden from assistive technology). */
export function LineSvg({ className, size, strokeWidth = 1.7, children }: { readonly className: string; readonly size: number; readonly strokeWidth?: number; readonly children: ReactNode }) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function Icon({ name, size = 18, className }: { readonly name: IconName; readonly size?: number; readonly className?: string }) {
  return (
    <LineSvg className={className ? `icon ${className}` : 'icon'} size={size}>
      {paths[name]}
    </LineSvg>
  );
}
