/**
 * One icon per node outcome, each a different shape, so the outcome never rests on colour
 * (the word beside it carries the meaning; the icon is hidden from assistive technology).
 */
import type { ReactElement } from 'react';
import type { NodeOutcome } from './stages';
import { LineSvg } from '../components/Icon';

const shapes: Readonly<Record<NodeOutcome | 'hidden', ReactElement>> = {
  allow: (<><circle cx="12" cy="12" r="9" /><path d="M8 12.5l2.8 2.8L16.5 9.5" /></>),
  deny: (<><circle cx="12" cy="12" r="9" /><path d="M5.7 5.7l12.6 12.6" /></>),
  implicitDeny: (<><circle cx="12" cy="12" r="9" strokeDasharray="3 2.4" /><path d="M8 12h8" /></>),
  notApplicable: (<><rect x="4" y="4" width="16" height="16" rx="4" strokeDasharray="2.5 2.5" /><path d="M9 12h6" /></>),
  pass: (<><path d="M5 12.5l4.5 4.5L19 7.5" /></>),
  fail: (<><circle cx="12" cy="12" r="9" /><path d="M9 9l6 6M15 9l-6 6" /></>),
  info: (<><circle cx="12" cy="12" r="9" /><path d="M12 11v6M12 7.5v.2" /></>),
  skipped: (<><path d="M6 7l5 5-5 5M13 7l5 5-5 5" /></>),
  hidden: (<><circle cx="12" cy="12" r="9" /><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .8-1 1.5v.7M12 16.8v.2" /></>),
};

export function OutcomeIcon({ outcome, size = 18 }: { readonly outcome: NodeOutcome | 'hidden'; readonly size?: number }) {
  return (
    <LineSvg className={`outcome-icon outcome-icon-${outcome}`} size={size} strokeWidth={1.8}>
      {shapes[outcome]}
    </LineSvg>
  );
}
