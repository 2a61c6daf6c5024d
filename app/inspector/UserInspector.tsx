/** An IAM user: name and path, groups, permissions, credentials, tags, and what applies to it. */
import type { ScenarioJson, UserJson } from '../../engine/scenario/types';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import type { WorldGraph } from '../world/graph';
import { nodeId } from '../world/ids';
import { AppliedPolicies } from './AppliedPolicies';
import { DeleteEntity, NameField, PathField } from './EntityFields';
import { AttachedPolicies, Boundary, InlinePolicies } from './HolderPolicies';
import { accountOf } from './lookup';
import { TagsEditor } from './TagsEditor';
import { IconButton, Item, ItemList, useActionProblem } from './ui/lists';
import { AddSelect } from './ui/pickers';
import { ProblemText } from './ui/Problem';
import { Section } from './ui/Section';
import { useEdits } from './useEdits';
import { UserCredentials } from './UserCredentials';

function Groups({ world, account, user }: { readonly world: ScenarioJson; readonly account: string; readonly user: UserJson }) {
  const t = useT();
  const edits = useEdits();
  const select = useAppStore((s) => s.select);
  const [problem, setProblem, problemId] = useActionProblem();
  const groups = user.groups ?? [];
  const others = (accountOf(world, account)?.groups ?? []).filter((g) => !groups.includes(g.name));
  return (
    <Section title={t('inspector.groups.title')} count={groups.length}>
      <ItemList empty={t('inspector.groups.none')}>
        {groups.map((group) => (
          <Item key={group} name={group} onOpen={() => select(nodeId.group(account, group))} openLabel={t('inspector.open', { name: group })}>
            <IconButton icon="minus" label={t('inspector.groups.leave', { group })} onClick={() => setProblem(edits.run({ op: 'removeUserFromGroup', account, user: user.name, group }))} />
          </Item>
        ))}
      </ItemList>
      <ProblemText id={problemId} problem={problem} />
      <AddSelect
        label={t('inspector.groups.add')}
        placeholder={others.length === 0 ? t('inspector.groups.noOther') : t('inspector.choose')}
        choices={others.map((g) => ({ value: g.name, label: g.name }))}
        button={t('inspector.add')}
        onAdd={(group) => edits.run({ op: 'addUserToGroup', account, user: user.name, group })}
      />
    </Section>
  );
}

export function UserInspector({ world, graph, account, user }: { readonly world: ScenarioJson; readonly graph: WorldGraph; readonly account: string; readonly user: UserJson }) {
  const t = useT();
  const entity = { account, kind: 'user' as const, name: user.name };
  return (
    <>
      <Section title={t('inspector.identity')}>
        <NameField entity={entity} />
        <PathField entity={entity} path={user.path} />
      </Section>
      <Groups world={world} account={account} user={user} />
      <AttachedPolicies world={world} holder={entity} json={user} />
      <InlinePolicies holder={entity} json={user} />
      <Boundary world={world} holder={entity} json={user} />
      <UserCredentials account={account} user={user} />
      <TagsEditor entity={entity} tags={user.tags ?? {}} />
      <AppliedPolicies graph={graph} id={nodeId.user(account, user.name)} />
      <DeleteEntity entity={entity} label={t('inspector.user.delete')} question={t('inspector.user.deleteQuestion', { name: user.name })} />
    </>
  );
}
