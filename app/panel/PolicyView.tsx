/** A policy's document in the lazy Monaco editor, with the statement that decided the last request marked. */
import { lazy, Suspense } from 'react';
import { Icon } from '../components/Icon';
import { loadPolicyEditor } from '../editor/loadEditor';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import type { WorldGraph, WorldNode } from '../world/graph';
import { policySourceText } from '../world/policyText';
import { targetsOf } from '../world/related';
import { NodeHeading } from './NodeHeading';
import { useAwsManagedPolicy } from './useAwsManagedPolicy';

const PolicyEditor = lazy(loadPolicyEditor);

export function PolicyView({ node, graph }: { readonly node: WorldNode; readonly graph: WorldGraph }) {
  const t = useT();
  const highlight = useAppStore((s) => (s.highlight?.nodeId === node.id ? s.highlight : null));
  const select = useAppStore((s) => s.select);
  const policy = node.policy;
  const managed = useAwsManagedPolicy(policy?.kind === 'awsManaged' ? policy.arn : undefined);
  if (!policy) return null;

  const document = policy.kind === 'awsManaged' ? (managed.state === 'ready' ? managed.document : undefined) : policy.document;
  const targets = targetsOf(graph, node.id);

  return (
    <article className="policy-view" aria-labelledby="details-title">
      <NodeHeading node={node} />
      {targets.length > 0 ? (
        <div className="details-section">
          <h3 className="section-title">{t('panel.attachedTo')}</h3>
          <ul className="chip-list">
            {targets.map((target) => (
              <li key={target.id}>
                <button type="button" className="chip" onClick={() => select(target.id)}>
                  {target.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="details-section editor-section">
        <h3 className="section-title">{t('panel.document')}</h3>
        {highlight ? (
          <p className="highlight-note">
            <span className="highlight-swatch" aria-hidden="true" />
            {t('panel.highlighted')}
          </p>
        ) : null}
        {policy.kind === 'awsManaged' && managed.state === 'failed' ? (
          <p className="inline-error" role="alert">
            <Icon name="warning" size={16} /> {t('panel.policyUnavailable', { message: managed.message })}
          </p>
        ) : document === undefined ? (
          <p className="muted">{t('panel.loadingPolicy')}</p>
        ) : (
          <div className="editor-frame">
            <Suspense fallback={<p className="muted editor-loading">{t('panel.loadingEditor')}</p>}>
              <PolicyEditor text={policySourceText(document)} ariaLabel={t('panel.editorLabel', { name: node.label })} highlight={highlight?.span} />
            </Suspense>
          </div>
        )}
        <p className="muted small">{t('panel.readOnly')}</p>
      </div>
    </article>
  );
}
