/**
 * Who may assume a role: the principals its trust policy names (remove = `untrustPrincipal`),
 * a field to trust another (a user, role or account of the world, an account ID, an ARN, or
 * a service such as `ec2.amazonaws.com`), and the way to the trust policy's document.
 */
import type { RoleJson, ScenarioJson } from '../../engine/scenario/types';
import { type MessageKey, useT } from '../i18n';
import { useAppStore } from '../store';
import { arn } from '../world/arns';
import { nodeId } from '../world/ids';
import { describePrincipal, type PrincipalKind, trustedPrincipals } from '../world/policyPrincipals';
import { IconButton, Item, ItemList, useActionProblem } from './ui/lists';
import { AddCombo } from './ui/pickers';
import { ActionIcon } from './ui/icons';
import { ProblemText } from './ui/Problem';
import { Section } from './ui/Section';
import { useEdits } from './useEdits';

const KIND_LABEL: Readonly<Record<PrincipalKind, MessageKey>> = {
  user: 'kind.user',
  role: 'kind.role',
  roleSession: 'inspector.trust.roleSession',
  account: 'kind.account',
  service: 'inspector.trust.service',
  federated: 'inspector.trust.federated',
  everyone: 'inspector.trust.everyone',
  other: 'inspector.trust.other',
};

/** Services learners meet first: EC2 instances and Lambda functions take roles. */
const COMMON_SERVICES = ['ec2.amazonaws.com', 'lambda.amazonaws.com', 'ecs-tasks.amazonaws.com'];

export function TrustSection({ world, account, role }: { readonly world: ScenarioJson; readonly account: string; readonly role: RoleJson }) {
  const t = useT();
  const edits = useEdits();
  const select = useAppStore((s) => s.select);
  const [problem, setProblem, problemId] = useActionProblem();
  const trusted = trustedPrincipals(role.trustPolicy);
  const roleNode = nodeId.role(account, role.name);

  const choices = world.accounts.flatMap((a) => {
    const where = a.alias ?? a.id;
    return [
      { value: a.id, label: `${t('kind.account')} · ${where}` },
      ...(a.users ?? []).map((u) => ({ value: arn.user(a.id, u.name, u.path), label: `${t('kind.user')} · ${u.name} · ${where}` })),
      ...(a.roles ?? []).filter((r) => !(a.id === account && r.name === role.name)).map((r) => ({ value: arn.role(a.id, r.name, r.path), label: `${t('kind.role')} · ${r.name} · ${where}` })),
    ];
  });
  for (const service of COMMON_SERVICES) choices.push({ value: service, label: t('inspector.trust.service') });

  return (
    <Section title={t('inspector.trust.title')} count={trusted.length}>
      <ItemList empty={t('inspector.trust.none')}>
        {trusted.map((p) => {
          const d = describePrincipal(world, p);
          // An account is shown by its alias; its ID goes in the note.
          const accountId = d.kind === 'account' && d.name !== p.value ? /\d{12}/.exec(p.value)?.[0] : undefined;
          const note = [t(KIND_LABEL[d.kind]), accountId, p.conditional ? t('inspector.trust.conditional') : undefined].filter(Boolean).join(' · ');
          const target = d.nodeId;
          return (
            <Item key={`${p.type}:${p.value}`} name={d.name} title={p.value} mono={d.kind !== 'account' && d.kind !== 'user' && d.kind !== 'role'} note={note} onOpen={target ? () => select(target) : undefined} openLabel={target ? t('inspector.open', { name: d.name }) : undefined}>
              <IconButton icon="minus" label={t('inspector.trust.remove', { name: p.value })} onClick={() => setProblem(edits.run({ op: 'untrustPrincipal', account, role: role.name, principal: p.value }))} />
            </Item>
          );
        })}
      </ItemList>
      <ProblemText id={problemId} problem={problem} />
      <AddCombo
        label={t('inspector.trust.add')}
        hint={t('inspector.trust.addHint')}
        placeholder="123456789012"
        choices={choices}
        button={t('inspector.trust.allow')}
        onAdd={(principal) => edits.run({ op: 'trustPrincipal', account, role: role.name, principal })}
      />
      <button type="button" className="button secondary small inspector-more" onClick={() => select(nodeId.trust(roleNode))}>
        <ActionIcon name="open" />
        {t('inspector.trust.edit')}
      </button>
    </Section>
  );
}
