/** A user group: name and path, members, attached and inline policies. */
import type { GroupJson, ScenarioJson } from '../../engine/scenario/types';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { nodeId } from '../world/ids';
import { DeleteEntity, NameField, PathField } from './EntityFields';
import { AttachedPolicies, InlinePolicies } from './HolderPolicies';
import { accountOf } from './lookup';
import { IconButton, Item, ItemList, useActionProblem } from './ui/lists';
import { AddSelect } from './ui/pickers';
import { ProblemText } from './ui/Problem';
import { Section } from './ui/Section';
import { useEdits } from './useEdits';

export function GroupInspector({ world, account, group }: { readonly world: ScenarioJson; readonly account: string; readonly group: GroupJson }) {
  const t = useT();
  const edits = useEdits();
  const select = useAppStore((s) => s.select);
  const [problem, setProblem, problemId] = useActionProblem();
  const entity = { account, kind: 'group' as const, name: group.name };
  const users = accountOf(world, account)?.users ?? [];
  const members = users.filter((u) => u.groups?.includes(group.name));
  const others = users.filter((u) => !u.groups?.includes(group.name));
  return (
    <>
      <Section title={t('inspector.identity')}>
        <NameField entity={entity} />
        <PathField entity={entity} path={group.path} />
      </Section>
      <Section title={t('inspector.members.title')} count={members.length}>
        <ItemList empty={t('inspector.members.none')}>
          {members.map((u) => (
            <Item key={u.name} name={u.name} onOpen={() => select(nodeId.user(account, u.name))} openLabel={t('inspector.open', { name: u.name })}>
              <IconButton icon="minus" label={t('inspector.members.remove', { user: u.name })} onClick={() => setProblem(edits.run({ op: 'removeUserFromGroup', account, user: u.name, group: group.name }))} />
            </Item>
          ))}
        </ItemList>
        <ProblemText id={problemId} problem={problem} />
        <AddSelect
          label={t('inspector.members.add')}
          placeholder={others.length === 0 ? t('inspector.members.noOther') : t('inspector.choose')}
          choices={others.map((u) => ({ value: u.name, label: u.name }))}
          button={t('inspector.add')}
          onAdd={(user) => edits.run({ op: 'addUserToGroup', account, user, group: group.name })}
        />
      </Section>
      <AttachedPolicies world={world} holder={entity} json={group} />
      <InlinePolicies holder={entity} json={group} />
      <DeleteEntity entity={entity} label={t('inspector.group.delete')} question={t('inspector.group.deleteQuestion', { name: group.name, count: members.length })} />
    </>
  );
}
