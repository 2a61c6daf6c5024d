/**
 * A policy's document in the lazy Monaco editor: editable for every document the world owns
 * (customer managed, inline, trust, resource-based, SCP/RCP), read-only for AWS managed
 * policies. Below the editor, whether what was typed is in the world; the statement that
 * decided the last request is marked in the text. (What the policy is and where it is
 * attached is the inspector's, above it: app/inspector/PolicyMeta.tsx.)
 */
import type { DocumentRef } from '../../engine/edit/types';
import type { PolicySizeLimitName } from '../../engine/policy/sizeLimits';
import { lazy, Suspense } from 'react';
import { Icon } from '../components/Icon';
import { loadPolicyEditor } from '../editor/loadEditor';
import { documentAt } from '../editor/policyDocument';
import { usePolicyEditing, type EditStatus } from '../editor/usePolicyEditing';
import { useT, type Translate } from '../i18n';
import { useAppStore } from '../store';
import type { WorldGraph, WorldNode } from '../world/graph';
import { policySourceText } from '../world/policyText';
import { NodeHeading } from './NodeHeading';
import { useAwsManagedPolicy } from './useAwsManagedPolicy';
import '../styles/editor.css';

const PolicyEditor = lazy(loadPolicyEditor);

function statusText(t: Translate, status: EditStatus): string {
  switch (status.kind) {
    case 'readOnly':
      return t('editor.awsManaged');
    case 'saved':
      return t('editor.saved');
    case 'invalidJson':
      return t('editor.invalidJson', { line: status.line, column: status.column, detail: status.detail });
    case 'notObject':
      return t('editor.notObject');
    case 'refused':
      return status.message === undefined ? t('editor.unsaved') : t('editor.refused', { reason: status.message });
  }
}

/** `graph` is the caller's: the view itself reads the document from the world by the node's DocumentRef. */
export function PolicyView({ node }: { readonly node: WorldNode; readonly graph?: WorldGraph }) {
  const t = useT();
  const highlight = useAppStore((s) => (s.highlight?.nodeId === node.id ? s.highlight : null));
  const world = useAppStore((s) => s.world);
  const draft = useAppStore((s) => (Object.hasOwn(s.policyDrafts, node.id) ? s.policyDrafts[node.id] : undefined));
  const policy = node.policy;
  const managed = useAwsManagedPolicy(policy?.kind === 'awsManaged' ? policy.arn : undefined);
  const ref = node.document;
  const editable = ref === undefined ? undefined : documentAt(world, ref);
  const editing = usePolicyEditing(node.id, editable === undefined ? undefined : ref);
  if (!policy && !editable) return null;

  const document =
    editable !== undefined ? editable.document
    : policy?.kind === 'awsManaged' ? (managed.state === 'ready' ? managed.document : undefined)
    : policy?.document;
  const readOnly = editable === undefined;
  const status = editing.status;
  const unsaved = status.kind === 'invalidJson' || status.kind === 'notObject' || status.kind === 'refused';

  return (
    <article className="policy-view" aria-labelledby="details-title">
      <NodeHeading node={node} />
      <div className="details-section editor-section">
        <h3 className="section-title">{t('panel.document')}</h3>
        {highlight ? (
          <p className="highlight-note">
            <span className="highlight-swatch" aria-hidden="true" />
            {t('panel.highlighted')}
          </p>
        ) : null}
        {policy?.kind === 'awsManaged' && managed.state === 'failed' ? (
          <p className="inline-error" role="alert">
            <Icon name="warning" size={16} /> {t('panel.policyUnavailable', { message: managed.message })}
          </p>
        ) : document === undefined ? (
          <p className="muted">{t('panel.loadingPolicy')}</p>
        ) : (
          <Suspense fallback={<p className="muted editor-loading">{t('panel.loadingEditor')}</p>}>
            <PolicyEditor
              nodeId={node.id}
              kind={editable?.kind ?? 'identity'}
              document={document}
              initialText={draft ?? policySourceText(document)}
              readOnly={readOnly}
              checks={documentChecks(node.document)}
              ariaLabel={t(readOnly ? 'editor.labelReadOnly' : 'editor.label', { name: node.label })}
              highlight={highlight?.span}
              onTextChange={readOnly ? undefined : editing.onTextChange}
              onReplacedByWorld={readOnly ? undefined : editing.onReplacedByWorld}
            />
          </Suspense>
        )}
        <p className={`policy-save-status${unsaved ? ' is-unsaved' : ''}`} role="status">
          {unsaved ? <Icon name="warning" size={14} /> : null}
          <span>{statusText(t, status)}</span>
        </p>
        {readOnly ? null : <p className="muted small">{t('editor.help')}</p>}
      </div>
    </article>
  );
}

/** An inline policy counts against its owner's inline quota; a resource policy is checked for its resource's type. */
function documentChecks(ref: DocumentRef | undefined): { sizeLimit?: PolicySizeLimitName; resourceArn?: string } | undefined {
  if (ref?.kind === 'inline') return { sizeLimit: INLINE_QUOTA[ref.owner.kind] };
  if (ref?.kind === 'resource') return { resourceArn: ref.arn };
  return undefined;
}

const INLINE_QUOTA = { user: 'userInlinePolicies', group: 'groupInlinePolicies', role: 'roleInlinePolicies' } as const satisfies Record<DocumentRefOwnerKind, PolicySizeLimitName>;
type DocumentRefOwnerKind = Extract<DocumentRef, { kind: 'inline' }>['owner']['kind'];
