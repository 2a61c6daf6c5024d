/**
 * What a policy is, above its document in the editor (DetailsPanel renders it before
 * PolicyView): a customer managed policy's name, path, description and attachments; an
 * inline policy's name and owner; a trust policy's principals; an SCP's or RCP's name and
 * targets; an AWS managed policy's facts. And deleting where AWS allows it.
 */
import type { ReactNode } from 'react';
import type { ScenarioJson } from '../../engine/scenario/types';
import { type MessageKey, useT } from '../i18n';
import { useAppStore } from '../store';
import type { EdgeKind, WorldGraph, WorldNode } from '../world/graph';
import { entityNodeId, nodeId } from '../world/ids';
import { DeleteEntity, DescriptionField, NameField, PathField } from './EntityFields';
import { followRename, selectAfterDelete } from './follow';
import { policyOf, roleOf } from './lookup';
import { orgTargets } from './orgLabels';
import { TrustSection } from './TrustSection';
import { DeleteButton } from './ui/DeleteButton';
import { IconButton, Item, ItemList, useActionProblem } from './ui/lists';
import { AddSelect } from './ui/pickers';
import { EditField } from './ui/EditField';
import { ProblemText } from './ui/Problem';
import { Fact, Section } from './ui/Section';
import { useEdits } from './useEdits';

const VIA: Partial<Readonly<Record<EdgeKind, MessageKey>>> = {
  boundary: 'kind.boundary',
};

/** Where a managed policy, SCP or RCP is attached, each with its detach (the graph's edges carry the edits). */
function Attachments({ graph, node }: { readonly graph: WorldGraph; readonly node: WorldNode }) {
  const t = useT();
  const edits = useEdits();
  const select = useAppStore((s) => s.select);
  const [problem, setProblem, problemId] = useActionProblem();
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges = graph.edges.filter((e) => e.source === node.id && e.detach !== undefined);
  return (
    <>
      <ItemList empty={t('inspector.attachments.none')}>
        {edges.map((e) => {
          const target = byId.get(e.target);
          const name = target?.label ?? e.target;
          const via = VIA[e.kind];
          return (
            <Item key={e.id} name={name} note={via ? t(via) : target ? t(kindLabel(target)) : undefined} onOpen={() => select(e.target)} openLabel={t('inspector.open', { name })}>
              <IconButton icon="minus" label={t('inspector.policies.detachFrom', { name })} onClick={() => setProblem(edits.run(e.detach ?? []))} />
            </Item>
          );
        })}
      </ItemList>
      <ProblemText id={problemId} problem={problem} />
    </>
  );
}

/** The policy's actions, right under the panel's heading: the editor below is tall, so nothing is left after it. */
function PolicyActions({ children }: { readonly children: ReactNode }) {
  return <div className="details-actions policy-actions">{children}</div>;
}

function kindLabel(node: WorldNode): MessageKey {
  const labels: Partial<Record<WorldNode['kind'], MessageKey>> = { user: 'kind.user', group: 'kind.group', role: 'kind.role', account: 'kind.account', orgRoot: 'inspector.org.root', orgUnit: 'inspector.org.ou' };
  return labels[node.kind] ?? 'inspector.trust.other';
}

function CustomerManaged({ world, graph, node, account, name }: { readonly world: ScenarioJson; readonly graph: WorldGraph; readonly node: WorldNode; readonly account: string; readonly name: string }) {
  const t = useT();
  const policy = policyOf(world, account, name);
  if (!policy) return null;
  const entity = { account, kind: 'policy' as const, name };
  const count = graph.edges.filter((e) => e.source === node.id && e.detach !== undefined).length;
  return (
    <>
      <PolicyActions>
        <DeleteEntity bare entity={entity} label={t('inspector.policy.delete')} question={t('inspector.policy.deleteQuestion', { name, count })} />
      </PolicyActions>
      <Section title={t('inspector.identity')}>
        <NameField entity={entity} />
        <PathField entity={entity} path={policy.path} />
        <DescriptionField entity={entity} description={policy.description} />
      </Section>
      <Section title={t('inspector.attachments.title')} count={count}>
        <Attachments graph={graph} node={node} />
        <p className="hint">{t('inspector.attachments.hint')}</p>
      </Section>
    </>
  );
}

function AwsManaged({ graph, node }: { readonly graph: WorldGraph; readonly node: WorldNode }) {
  const t = useT();
  const policyArn = node.policy?.arn ?? node.arn ?? '';
  const path = policyArn.replace(/^arn:[^:]+:iam::aws:policy/, '').replace(/[^/]*$/, '') || '/';
  return (
    <>
      <Section title={t('inspector.identity')}>
        <dl className="inspector-facts">
          <Fact label={t('inspector.name')} mono>
            {node.label}
          </Fact>
          <Fact label={t('inspector.path')} mono>
            {path}
          </Fact>
        </dl>
        <p className="hint">{t('inspector.policy.awsOwned')}</p>
      </Section>
      <Section title={t('inspector.attachments.title')}>
        <Attachments graph={graph} node={node} />
      </Section>
    </>
  );
}

function Inline({ node }: { readonly node: WorldNode }) {
  const t = useT();
  const edits = useEdits();
  const select = useAppStore((s) => s.select);
  if (node.document?.kind !== 'inline') return null;
  const { owner, name } = node.document;
  const ownerNode = entityNodeId(owner);
  return (
    <>
      <PolicyActions>
        <DeleteButton
          label={t('inspector.inline.deleteShort')}
          question={t('inspector.inline.deleteQuestion', { name, owner: owner.name })}
          onDelete={() => {
            const refused = edits.run({ op: 'deleteInlinePolicy', owner, name });
            if (!refused) selectAfterDelete(ownerNode);
            return refused;
          }}
        />
      </PolicyActions>
      <Section title={t('inspector.identity')}>
        <EditField
          id="inspector-name"
          label={t('inspector.name')}
          value={name}
          hint={t('inspector.rule.inlineName')}
          mono
          toEdit={(newName) => ({ op: 'renameInlinePolicy', owner, name, newName })}
          onDone={(newName) => followRename(node.id, nodeId.inline(ownerNode, newName))}
        />
        <OwnerLink label={t('inspector.policy.owner')} name={owner.name} kind={t(`kind.${owner.kind}` as MessageKey)} onOpen={() => select(ownerNode)} />
      </Section>
    </>
  );
}

function OwnerLink({ label, name, kind, onOpen }: { readonly label: string; readonly name: string; readonly kind: string; readonly onOpen: () => void }) {
  const t = useT();
  return (
    <div className="inspector-field">
      <span className="inspector-label">{label}</span>
      <ul className="inspector-list">
        <Item name={name} note={kind} onOpen={onOpen} openLabel={t('inspector.open', { name })} />
      </ul>
    </div>
  );
}

function Trust({ world, node }: { readonly world: ScenarioJson; readonly node: WorldNode }) {
  const t = useT();
  const select = useAppStore((s) => s.select);
  if (node.document?.kind !== 'trust') return null;
  const { account, role } = node.document;
  const json = roleOf(world, account, role);
  if (!json) return null;
  return (
    <>
      <Section title={t('inspector.policy.about')}>
        <OwnerLink label={t('inspector.policy.ownerRole')} name={role} kind={t('kind.role')} onOpen={() => select(nodeId.role(account, role))} />
      </Section>
      <TrustSection world={world} account={account} role={json} />
    </>
  );
}

function ResourcePolicy({ node }: { readonly node: WorldNode }) {
  const t = useT();
  const select = useAppStore((s) => s.select);
  if (node.document?.kind !== 'resource') return null;
  const { account, arn } = node.document;
  return (
    <Section title={t('inspector.policy.about')}>
      <OwnerLink label={t('inspector.policy.ownerResource')} name={arn} kind={t('kind.resource')} onOpen={() => select(nodeId.resource(account, arn))} />
    </Section>
  );
}

function OrgPolicy({ world, graph, node }: { readonly world: ScenarioJson; readonly graph: WorldGraph; readonly node: WorldNode }) {
  const t = useT();
  const edits = useEdits();
  if (node.document?.kind !== 'org') return null;
  const name = node.document.name;
  const policy = world.organization?.policies?.find((p) => p.name === name);
  if (!policy) return null;
  const attached = new Set(policy.targets ?? []);
  return (
    <>
      <PolicyActions>
        <DeleteButton
          label={t('inspector.policy.delete')}
          question={t('inspector.org.deletePolicyQuestion', { name, count: attached.size })}
          onDelete={() => {
            const refused = edits.run({ op: 'deleteOrgPolicy', name });
            if (!refused) selectAfterDelete(nodeId.orgRoot());
            return refused;
          }}
        />
      </PolicyActions>
      <Section title={t('inspector.identity')}>
        <EditField
          id="inspector-name"
          label={t('inspector.name')}
          value={name}
          hint={t('inspector.rule.orgName')}
          toEdit={(newName) => ({ op: 'renameOrgPolicy', name, newName })}
          onDone={(newName) => followRename(node.id, nodeId.orgPolicy(policy.type, newName))}
        />
        <dl className="inspector-facts">
          <Fact label={t('inspector.policy.type')}>{t(policy.type === 'SCP' ? 'kind.scp' : 'kind.rcp')}</Fact>
        </dl>
      </Section>
      <Section title={t('inspector.org.targets')} count={attached.size}>
        <Attachments graph={graph} node={node} />
        <AddSelect
          label={t('inspector.org.attachTo')}
          placeholder={orgTargets(world).every((c) => attached.has(c.value)) ? t('inspector.org.everywhere') : t('inspector.choose')}
          choices={orgTargets(world).filter((c) => !attached.has(c.value))}
          button={t('inspector.attach')}
          onAdd={(target) => edits.run({ op: 'attachOrgPolicy', name, target })}
        />
        <p className="hint">{t(policy.type === 'SCP' ? 'inspector.org.scpHint' : 'inspector.org.rcpHint')}</p>
      </Section>
    </>
  );
}

export function PolicyMeta({ world, graph, node }: { readonly world: ScenarioJson; readonly graph: WorldGraph; readonly node: WorldNode }) {
  const kind = node.policy?.kind;
  let body = null;
  if (kind === 'customerManaged' && node.entity?.kind === 'policy') body = <CustomerManaged world={world} graph={graph} node={node} account={node.entity.account} name={node.entity.name} />;
  else if (kind === 'awsManaged') body = <AwsManaged graph={graph} node={node} />;
  else if (kind === 'inline') body = <Inline node={node} />;
  else if (kind === 'trustPolicy') body = <Trust world={world} node={node} />;
  else if (kind === 'resourcePolicy') body = <ResourcePolicy node={node} />;
  else if (kind === 'scp' || kind === 'rcp') body = <OrgPolicy world={world} graph={graph} node={node} />;
  return body ? <div className="inspector policy-meta">{body}</div> : null;
}

