/** Every policy that applies to a principal or resource, directly or through a group: the read-only summary of the map's edges. */
import { NODE_KINDS } from '../canvas/kinds';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import type { WorldGraph } from '../world/graph';
import { policiesOf } from '../world/related';
import { Section } from './ui/Section';

export function AppliedPolicies({ graph, id }: { readonly graph: WorldGraph; readonly id: string }) {
  const t = useT();
  const select = useAppStore((s) => s.select);
  // Only policies: the map's other relations (who may assume a role) are not permissions of this node.
  const applied = policiesOf(graph, id).filter((p) => p.node.policy !== undefined);
  return (
    <Section title={t('panel.policies')} count={applied.length}>
      {applied.length === 0 ? (
        <p className="muted small inspector-empty">{t('panel.noPolicies')}</p>
      ) : (
        <ul className="policy-list">
          {applied.map((p) => (
            <li key={`${p.node.id}:${p.group?.id ?? ''}`}>
              <button type="button" className="policy-link" onClick={() => select(p.node.id)}>
                <span className="policy-link-name" dir="auto">
                  {p.node.label}
                </span>
                <span className="policy-link-kind">
                  {NODE_KINDS[p.node.kind] ? t(NODE_KINDS[p.node.kind].label) : p.node.kind}
                  {p.group ? ` · ${t('panel.viaGroup', { group: p.group.label })}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
