/**
 * The title of the details panel: the node's kind, name and ARN. Rendered once per panel:
 * DetailsPanel puts it above the inspector's fields, and a view nested below it (PolicyView)
 * that renders its own is given nothing to render (`HeadingShown`).
 */
import { createContext, useContext } from 'react';
import { Icon, type IconName } from '../components/Icon';
import { NODE_KINDS } from '../canvas/kinds';
import { type MessageKey, useT } from '../i18n';
import type { NodeKind, WorldNode } from '../world/graph';

/** True below a heading already rendered. */
export const HeadingShown = createContext(false);

/** Kinds the map may show before the legend's table names them (the organization's boxes and policies). */
const FALLBACK: Partial<Readonly<Record<NodeKind, { readonly icon: IconName; readonly label: MessageKey; readonly tone: string }>>> = {
  orgRoot: { icon: 'account', label: 'inspector.org.root', tone: 'tone-account' },
  orgUnit: { icon: 'account', label: 'inspector.org.ou', tone: 'tone-account' },
  scp: { icon: 'policy', label: 'kind.scp', tone: 'tone-policy' },
  rcp: { icon: 'policy', label: 'kind.rcp', tone: 'tone-policy' },
};

export function NodeHeading({ node }: { readonly node: WorldNode }) {
  const t = useT();
  const shown = useContext(HeadingShown);
  if (shown) return null;
  const kind = NODE_KINDS[node.kind] ?? FALLBACK[node.kind] ?? { icon: 'info', label: 'panel.title', tone: '' };
  return (
    <header className={`details-heading ${kind.tone}`}>
      <span className="entity-icon">
        <Icon name={kind.icon} size={20} />
      </span>
      <div className="details-heading-text">
        <p className="details-kind">{t(kind.label)}</p>
        {/* Focusable from script only: after a delete, focus lands here rather than on the page. */}
        <h2 className="details-name" id="details-title" tabIndex={-1} dir="auto" title={node.label}>
          {node.label}
        </h2>
        {node.arn ? (
          <p className="details-arn">
            <span className="visually-hidden">{t('panel.arn')}: </span>
            <code>{node.arn}</code>
          </p>
        ) : null}
      </div>
    </header>
  );
}
