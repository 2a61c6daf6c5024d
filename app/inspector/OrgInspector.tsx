/**
 * The organization's root and its OUs: what each holds, adding an OU inside, an OU's name
 * and parent, the SCPs and RCPs attached, and deleting (an OU's children move to its
 * parent; deleting the root deletes the organization).
 */
import type { OrganizationJson, ScenarioJson } from '../../engine/scenario/types';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { nodeId } from '../world/ids';
import { selectAfterDelete } from './follow';
import { OrgPoliciesOf } from './OrgPolicies';
import { rootUnit, targetLabel, unitChoices } from './orgLabels';
import { DeleteButton } from './ui/DeleteButton';
import { Item, ItemList } from './ui/lists';
import { AddCombo, CommitSelect } from './ui/pickers';
import { EditField } from './ui/EditField';
import { Fact, Section } from './ui/Section';
import { useEdits } from './useEdits';

/** The OUs and accounts directly under `unit`, to open. */
function Children({ world, org, unit }: { readonly world: ScenarioJson; readonly org: OrganizationJson; readonly unit: string }) {
  const t = useT();
  const edits = useEdits();
  const select = useAppStore((s) => s.select);
  const units = (org.units ?? []).filter((u) => u.parent === unit);
  const accounts = (org.accounts ?? []).filter((a) => a.parent === unit);
  return (
    <Section title={t('inspector.org.children')} count={units.length + accounts.length}>
      <ItemList empty={t('inspector.org.empty')}>
        {[
          ...units.map((u) => <Item key={u.id} name={u.name ?? u.id} note={t('inspector.org.ou')} onOpen={() => select(nodeId.orgUnit(u.id))} openLabel={t('inspector.open', { name: u.name ?? u.id })} />),
          ...accounts.map((a) => <Item key={a.id} name={targetLabel(world, a.id)} note={t('kind.account')} onOpen={() => select(nodeId.account(a.id))} openLabel={t('inspector.open', { name: targetLabel(world, a.id) })} />),
        ]}
      </ItemList>
      <AddCombo label={t('inspector.org.addOu')} hint={t('inspector.rule.orgName')} choices={[]} mono={false} button={t('inspector.add')} onAdd={(name) => edits.run({ op: 'createOrgUnit', name, parent: unit })} />
    </Section>
  );
}

export function OrgRootInspector({ world, org }: { readonly world: ScenarioJson; readonly org: OrganizationJson }) {
  const t = useT();
  const edits = useEdits();
  const select = useAppStore((s) => s.select);
  const root = rootUnit(org);
  return (
    <>
      <Section title={t('inspector.org.title')}>
        <dl className="inspector-facts">
          <Fact label={t('inspector.org.id')} mono>
            {org.id}
          </Fact>
          {root ? (
            <Fact label={t('inspector.org.rootId')} mono>
              {root.id}
            </Fact>
          ) : null}
        </dl>
        <button type="button" className="button secondary small inspector-more" onClick={() => select(nodeId.account(org.managementAccount))}>
          {t('inspector.org.openManagement', { name: targetLabel(world, org.managementAccount) })}
        </button>
      </Section>
      {root ? <Children world={world} org={org} unit={root.id} /> : null}
      {root ? <OrgPoliciesOf world={world} target={root.id} /> : null}
      <Section title={t('inspector.danger')} className="danger-zone">
        <DeleteButton
          label={t('inspector.org.delete')}
          question={t('inspector.org.deleteQuestion')}
          onDelete={() => {
            const refused = edits.run({ op: 'deleteOrganization' });
            if (!refused) selectAfterDelete(nodeId.account(org.managementAccount));
            return refused;
          }}
        />
      </Section>
    </>
  );
}

/** The ids of `id` and every unit under it: where it cannot move. */
function subtree(org: OrganizationJson, id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of org.units ?? []) {
      if (u.parent !== undefined && out.has(u.parent) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}

export function OrgUnitInspector({ world, org, id }: { readonly world: ScenarioJson; readonly org: OrganizationJson; readonly id: string }) {
  const t = useT();
  const edits = useEdits();
  const unit = org.units?.find((u) => u.id === id);
  if (!unit) return null;
  const inside = subtree(org, id);
  return (
    <>
      <Section title={t('inspector.identity')}>
        <dl className="inspector-facts">
          <Fact label={t('inspector.org.ouId')} mono>
            {unit.id}
          </Fact>
        </dl>
        <EditField id="inspector-name" label={t('inspector.name')} value={unit.name ?? ''} hint={t('inspector.rule.orgName')} toEdit={(name) => ({ op: 'renameOrgUnit', id, name })} />
        <CommitSelect
          label={t('inspector.org.parent')}
          value={unit.parent ?? ''}
          choices={unitChoices(org, (u) => inside.has(u))}
          onCommit={(parent) => edits.run({ op: 'moveOrgUnit', id, parent })}
        />
      </Section>
      <Children world={world} org={org} unit={id} />
      <OrgPoliciesOf world={world} target={id} />
      <Section title={t('inspector.danger')} className="danger-zone">
        <DeleteButton
          label={t('inspector.org.deleteOu')}
          question={t('inspector.org.deleteOuQuestion', { name: unit.name ?? id })}
          onDelete={() => {
            const refused = edits.run({ op: 'deleteOrgUnit', id });
            if (!refused) selectAfterDelete(unit.parent === undefined || unit.parent === rootUnit(org)?.id ? nodeId.orgRoot() : nodeId.orgUnit(unit.parent));
            return refused;
          }}
        />
      </Section>
    </>
  );
}
