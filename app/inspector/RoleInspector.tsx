/** A role: name, path, description, maximum session duration, who may assume it, its permissions and tags. */
import type { RoleJson, ScenarioJson } from '../../engine/scenario/types';
import { useT } from '../i18n';
import type { WorldGraph } from '../world/graph';
import { nodeId } from '../world/ids';
import { AppliedPolicies } from './AppliedPolicies';
import { DeleteEntity, DescriptionField, NameField, PathField } from './EntityFields';
import { AttachedPolicies, Boundary, InlinePolicies } from './HolderPolicies';
import { TagsEditor } from './TagsEditor';
import { TrustSection } from './TrustSection';
import { EditField } from './ui/EditField';
import { Section } from './ui/Section';

/** AWS's default when a role does not say: one hour. */
const DEFAULT_MAX_SESSION_SECONDS = 3600;

/** Hours as the learner reads them: `1`, `1.5`, `12`. */
function hoursOf(seconds: number): string {
  return String(Math.round((seconds / 3600) * 1000) / 1000);
}

export function RoleInspector({ world, graph, account, role }: { readonly world: ScenarioJson; readonly graph: WorldGraph; readonly account: string; readonly role: RoleJson }) {
  const t = useT();
  const entity = { account, kind: 'role' as const, name: role.name };
  return (
    <>
      <Section title={t('inspector.identity')}>
        <NameField entity={entity} />
        <PathField entity={entity} path={role.path} />
        <DescriptionField entity={entity} description={role.description} />
        <EditField
          label={t('inspector.role.maxSession')}
          value={hoursOf(role.maxSessionDuration ?? DEFAULT_MAX_SESSION_SECONDS)}
          hint={t('inspector.rule.maxSession')}
          type="number"
          inputMode="decimal"
          min={1}
          max={12}
          step="any"
          // Hours in the field, seconds in the model (IAM's MaxSessionDuration); an unreadable number is the engine's to refuse.
          toEdit={(text) => ({ op: 'setMaxSessionDuration', account, role: role.name, seconds: text.trim() === '' ? Number.NaN : Math.round(Number(text) * 3600) })}
        />
      </Section>
      <TrustSection world={world} account={account} role={role} />
      <AttachedPolicies world={world} holder={entity} json={role} />
      <InlinePolicies holder={entity} json={role} />
      <Boundary world={world} holder={entity} json={role} />
      <TagsEditor entity={entity} tags={role.tags ?? {}} />
      <AppliedPolicies graph={graph} id={nodeId.role(account, role.name)} />
      <DeleteEntity entity={entity} label={t('inspector.role.delete')} question={t('inspector.role.deleteQuestion', { name: role.name })} />
    </>
  );
}
