/**
 * The permissions of a user, group or role: attached managed policies (detach; attach by
 * picking or typing any policy), inline policies (open in the editor, rename, delete, add)
 * and, for users and roles, the permissions boundary.
 */
import { useState } from 'react';
import type { HolderRef } from '../../engine/edit/types';
import type { ScenarioJson } from '../../engine/scenario/types';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { entityNodeId, nodeId } from '../world/ids';
import type { HolderJson } from './lookup';
import { isAwsManaged, policyChoices, policyName, policyNodeId, resolvePolicyInput } from './policyRefs';
import { emptyIdentityPolicy } from './templates';
import { focusLater } from './ui/focus';
import { IconButton, Item, ItemList, useActionProblem } from './ui/lists';
import { AddCombo, CommitSelect } from './ui/pickers';
import { EditField } from './ui/EditField';
import { ProblemText } from './ui/Problem';
import { Section } from './ui/Section';
import { useAwsPolicyIndex } from './useAwsPolicyIndex';
import { useEdits } from './useEdits';

interface Props {
  readonly world: ScenarioJson;
  readonly holder: HolderRef;
  readonly json: HolderJson;
}

export function AttachedPolicies({ world, holder, json }: Props) {
  const t = useT();
  const edits = useEdits();
  const select = useAppStore((s) => s.select);
  const [wantIndex, setWantIndex] = useState(false);
  const awsIndex = useAwsPolicyIndex(wantIndex);
  const [problem, setProblem, problemId] = useActionProblem();
  const attached = json.managedPolicies ?? [];
  const choices = policyChoices(world, holder.account, attached, awsIndex).map((c) => ({ value: c.value, label: c.source === 'aws' ? `${c.label} · ${t('inspector.policy.aws')}` : c.label }));

  return (
    <Section title={t('inspector.policies.attached')} count={attached.length}>
      <ItemList empty={t('inspector.policies.noneAttached')}>
        {attached.map((ref) => (
          <Item key={ref} name={policyName(ref)} onOpen={() => select(policyNodeId(holder.account, ref))} openLabel={t('inspector.openPolicy', { name: policyName(ref) })} note={t(isAwsManaged(ref) ? 'inspector.policy.aws' : 'inspector.policy.customer')}>
            <IconButton icon="minus" label={t('inspector.policies.detach', { name: policyName(ref) })} onClick={() => setProblem(edits.run({ op: 'detachPolicy', target: holder, policy: ref }))} />
          </Item>
        ))}
      </ItemList>
      <ProblemText id={problemId} problem={problem} />
      <AddCombo
        label={t('inspector.policies.attach')}
        hint={t('inspector.policies.attachHint')}
        placeholder="ReadOnlyAccess"
        choices={choices}
        button={t('inspector.attach')}
        onFocus={() => setWantIndex(true)}
        onAdd={(text) => edits.run({ op: 'attachPolicy', target: holder, policy: resolvePolicyInput(text, world, holder.account, awsIndex) })}
      />
    </Section>
  );
}

function InlineRow({ holder, name }: { readonly holder: HolderRef; readonly name: string }) {
  const t = useT();
  const edits = useEdits();
  const select = useAppStore((s) => s.select);
  const [renaming, setRenaming] = useState(false);
  const [problem, setProblem, problemId] = useActionProblem();
  const focusKey = (policy: string) => `rename-inline:${policy}`;
  if (renaming) {
    return (
      <li className="inspector-item editing">
        <EditField
          label={t('inspector.inline.newName', { name })}
          value={name}
          mono
          autoFocus
          hint={t('inspector.rule.inlineName')}
          toEdit={(newName) => ({ op: 'renameInlinePolicy', owner: holder, name, newName })}
          onDone={(newName) => focusLater(focusKey(newName))}
          onSettled={() => {
            setRenaming(false);
            focusLater(focusKey(name));
          }}
        />
      </li>
    );
  }
  return (
    <>
      <Item name={name} onOpen={() => select(nodeId.inline(entityNodeId(holder), name))} openLabel={t('inspector.openPolicy', { name })}>
        <IconButton icon="pencil" focusKey={focusKey(name)} label={t('inspector.inline.rename', { name })} onClick={() => setRenaming(true)} />
        <IconButton icon="trash" danger label={t('inspector.inline.delete', { name })} onClick={() => setProblem(edits.run({ op: 'deleteInlinePolicy', owner: holder, name }))} />
      </Item>
      {problem ? (
        <li className="inspector-item-problem">
          <ProblemText id={problemId} problem={problem} />
        </li>
      ) : null}
    </>
  );
}

export function InlinePolicies({ holder, json }: Omit<Props, 'world'>) {
  const t = useT();
  const edits = useEdits();
  const names = Object.keys(json.inlinePolicies ?? {});
  return (
    <Section title={t('inspector.policies.inline')} count={names.length}>
      <ItemList empty={t('inspector.policies.noneInline')}>
        {names.map((name) => (
          <InlineRow key={name} holder={holder} name={name} />
        ))}
      </ItemList>
      <AddCombo
        label={t('inspector.inline.add')}
        hint={t('inspector.rule.inlineName')}
        choices={[]}
        button={t('inspector.add')}
        onAdd={(name) => {
          const refused = edits.run({ op: 'putInlinePolicy', owner: holder, name, document: emptyIdentityPolicy() });
          // The new policy opens in the editor: writing it is the next step.
          if (!refused) useAppStore.getState().select(nodeId.inline(entityNodeId(holder), name));
          return refused;
        }}
      />
    </Section>
  );
}

const NO_BOUNDARY = '';

export function Boundary({ world, holder, json }: Props & { readonly holder: HolderRef & { readonly kind: 'user' | 'role' } }) {
  const t = useT();
  const edits = useEdits();
  const current = json.permissionsBoundary ?? NO_BOUNDARY;
  const choices = [{ value: NO_BOUNDARY, label: t('inspector.boundary.none') }, ...policyChoices(world, holder.account, [], []).map((c) => ({ value: c.value, label: c.source === 'aws' ? `${c.label} · ${t('inspector.policy.aws')}` : c.label }))];
  if (current !== NO_BOUNDARY && !choices.some((c) => c.value === current)) choices.push({ value: current, label: policyName(current) });
  return (
    <Section title={t('kind.boundary')}>
      <CommitSelect
        label={t('inspector.boundary.label')}
        hint={t('inspector.boundary.hint')}
        value={current}
        choices={choices}
        onCommit={(value) => edits.run({ op: 'setPermissionsBoundary', target: holder, policy: value === NO_BOUNDARY ? null : value })}
      />
    </Section>
  );
}
