/** The title of the details panel: the node's kind, name and ARN. */
import { Icon } from '../components/Icon';
import { NODE_KINDS } from '../canvas/kinds';
import { useT } from '../i18n';
import type { WorldNode } from '../world/graph';

export function NodeHeading({ node }: { readonly node: WorldNode }) {
  const t = useT();
  const kind = NODE_KINDS[node.kind];
  return (
    <header className={`details-heading ${kind.tone}`}>
      <span className="entity-icon">
        <Icon name={kind.icon} size={20} />
      </span>
      <div>
        <p className="details-kind">{t(kind.label)}</p>
        <h2 className="details-name" id="details-title">
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
