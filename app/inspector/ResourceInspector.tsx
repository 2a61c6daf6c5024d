/** A resource: its ARN, its resource-based policy (open or add one), tags, and what applies to it. */
import type { ResourceJson } from '../../engine/scenario/types';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import type { WorldGraph } from '../world/graph';
import { nodeId } from '../world/ids';
import { AppliedPolicies } from './AppliedPolicies';
import { DeleteEntity } from './EntityFields';
import { followRename } from './follow';
import { TagsEditor } from './TagsEditor';
import { accountResourcePolicy } from './templates';
import { useActionProblem } from './ui/lists';
import { EditField } from './ui/EditField';
import { ActionIcon } from './ui/icons';
import { ProblemText } from './ui/Problem';
import { Section } from './ui/Section';
import { useEdits } from './useEdits';

export function ResourceInspector({ graph, account, resource }: { readonly graph: WorldGraph; readonly account: string; readonly resource: ResourceJson }) {
  const t = useT();
  const edits = useEdits();
  const select = useAppStore((s) => s.select);
  const [problem, setProblem, problemId] = useActionProblem();
  const entity = { account, kind: 'resource' as const, arn: resource.arn };
  const policyNode = nodeId.resourcePolicy(account, resource.arn);

  const addPolicy = () => {
    const refused = edits.run({ op: 'setDocument', ref: { kind: 'resource', account, arn: resource.arn }, document: accountResourcePolicy(account, resource.arn) });
    setProblem(refused);
    if (!refused) select(policyNode);
  };

  return (
    <>
      <Section title={t('inspector.identity')}>
        <EditField
          id="inspector-name"
          label={t('panel.arn')}
          value={resource.arn}
          hint={t('inspector.rule.arn')}
          mono
          toEdit={(newArn) => ({ op: 'rename', ref: entity, newName: newArn })}
          onDone={(newArn) => followRename(nodeId.resource(account, resource.arn), nodeId.resource(account, newArn))}
        />
      </Section>
      <Section title={t('kind.resourcePolicy')}>
        {resource.policy !== undefined ? (
          <>
            <p className="muted small">{t('inspector.resource.hasPolicy')}</p>
            <button type="button" className="button secondary small inspector-more" onClick={() => select(policyNode)}>
              <ActionIcon name="open" />
              {t('inspector.resource.openPolicy')}
            </button>
          </>
        ) : (
          <>
            <p className="muted small">{t('inspector.resource.noPolicy')}</p>
            <button type="button" className="button secondary small inspector-more" onClick={addPolicy}>
              <ActionIcon name="plus" />
              {t('inspector.resource.addPolicy')}
            </button>
          </>
        )}
        <ProblemText id={problemId} problem={problem} />
      </Section>
      <TagsEditor entity={entity} tags={resource.tags ?? {}} />
      <AppliedPolicies graph={graph} id={nodeId.resource(account, resource.arn)} />
      <DeleteEntity entity={entity} label={t('inspector.resource.delete')} question={t('inspector.resource.deleteQuestion', { name: resource.arn })} />
    </>
  );
}
