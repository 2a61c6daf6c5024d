/**
 * An account: its ID (fixed once created), alias, place in the organization (or creating
 * one from it), its SCPs and RCPs, its root user's credentials, and deleting it.
 */
import type { AccountJson, ScenarioJson } from '../../engine/scenario/types';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { nodeId } from '../world/ids';
import { selectAfterDelete } from './follow';
import { OrgPoliciesOf } from './OrgPolicies';
import { unitChoices } from './orgLabels';
import { RootUserFacts } from './RootUserFacts';
import { DeleteButton } from './ui/DeleteButton';
import { useActionProblem } from './ui/lists';
import { CommitSelect } from './ui/pickers';
import { EditField } from './ui/EditField';
import { ProblemText } from './ui/Problem';
import { Fact, Section } from './ui/Section';
import { useEdits } from './useEdits';

const OUTSIDE = '';

function Organization({ world, account }: { readonly world: ScenarioJson; readonly account: AccountJson }) {
  const t = useT();
  const edits = useEdits();
  const select = useAppStore((s) => s.select);
  const [problem, setProblem, problemId] = useActionProblem();
  const org = world.organization;
  if (!org) {
    return (
      <Section title={t('inspector.org.title')}>
        <p className="muted small">{t('inspector.org.none')}</p>
        <button
          type="button"
          className="button secondary small inspector-more"
          onClick={() => {
            const refused = edits.run({ op: 'createOrganization', managementAccount: account.id });
            setProblem(refused);
            if (!refused) select(nodeId.orgRoot());
          }}
        >
          {t('inspector.org.create')}
        </button>
        <p className="hint">{t('inspector.org.createHint')}</p>
        <ProblemText id={problemId} problem={problem} />
      </Section>
    );
  }
  const management = org.managementAccount === account.id;
  const place = org.accounts?.find((a) => a.id === account.id)?.parent ?? OUTSIDE;
  return (
    <Section title={t('inspector.org.title')}>
      <dl className="inspector-facts">
        <Fact label={t('inspector.org.id')} mono>
          {org.id}
        </Fact>
        {management ? <Fact label={t('inspector.org.role')}>{t('inspector.org.management')}</Fact> : null}
      </dl>
      <CommitSelect
        label={t('inspector.org.place')}
        hint={management ? t('inspector.org.managementHint') : undefined}
        value={place}
        choices={[{ value: OUTSIDE, label: t('inspector.org.outside') }, ...unitChoices(org)]}
        onCommit={(parent) => edits.run(parent === OUTSIDE ? { op: 'removeAccountFromOrganization', account: account.id } : { op: 'moveAccount', account: account.id, parent })}
      />
    </Section>
  );
}

export function AccountInspector({ world, account }: { readonly world: ScenarioJson; readonly account: AccountJson }) {
  const t = useT();
  const edits = useEdits();
  const inOrg = world.organization?.accounts?.some((a) => a.id === account.id) ?? false;
  return (
    <>
      <Section title={t('inspector.identity')}>
        <dl className="inspector-facts">
          <Fact label={t('inspector.account.id')} mono>
            {account.id}
          </Fact>
        </dl>
        <p className="hint">{t('inspector.account.idFixed')}</p>
        <EditField
          id="inspector-name"
          label={t('inspector.account.alias')}
          value={account.alias ?? ''}
          hint={t('inspector.rule.alias')}
          mono
          toEdit={(alias) => ({ op: 'updateAccount', id: account.id, alias: alias === '' ? null : alias })}
        />
      </Section>
      <Organization world={world} account={account} />
      {inOrg ? <OrgPoliciesOf world={world} target={account.id} /> : null}
      <RootUserFacts account={account} withLink />
      <Section title={t('inspector.danger')} className="danger-zone">
        <DeleteButton
          label={t('inspector.account.delete')}
          question={t('inspector.account.deleteQuestion', { name: account.alias ?? account.id })}
          onDelete={() => {
            const refused = edits.run({ op: 'deleteAccount', id: account.id });
            if (!refused) selectAfterDelete(null);
            return refused;
          }}
        />
      </Section>
    </>
  );
}
