/** Fields every named entity has: its name (F2 focuses it: id `inspector-name`), path, description, and its deletion. */
import type { EntityRef, NamedEntityKind } from '../../engine/edit/types';
import { type MessageKey, useT } from '../i18n';
import { entityNodeId, nodeId } from '../world/ids';
import { followRename, selectAfterDelete } from './follow';
import { DeleteButton } from './ui/DeleteButton';
import { EditField } from './ui/EditField';
import { Section } from './ui/Section';
import { useEdits } from './useEdits';

/** The element id of the selected item's name field: the F2 shortcut focuses it. */
export const INSPECTOR_NAME_ID = 'inspector-name';

/** Focuses the name field of the inspector, if the selected item has one; true when it did. */
export function focusInspectorName(): boolean {
  const field = document.getElementById(INSPECTOR_NAME_ID);
  if (!(field instanceof HTMLInputElement)) return false;
  field.focus();
  field.select();
  return true;
}

const NAME_RULES: Readonly<Record<NamedEntityKind, MessageKey>> = {
  user: 'inspector.rule.userName',
  group: 'inspector.rule.groupName',
  role: 'inspector.rule.roleName',
  policy: 'inspector.rule.policyName',
};

type NamedRef = EntityRef & { readonly kind: NamedEntityKind };

export function NameField({ entity }: { readonly entity: NamedRef }) {
  const t = useT();
  return (
    <EditField
      id={INSPECTOR_NAME_ID}
      label={t('inspector.name')}
      value={entity.name}
      hint={t(NAME_RULES[entity.kind])}
      mono
      toEdit={(newName) => ({ op: 'rename', ref: entity, newName })}
      onDone={(newName) => followRename(entityNodeId(entity), entityNodeId({ ...entity, name: newName }))}
    />
  );
}

export function PathField({ entity, path }: { readonly entity: NamedRef; readonly path: string | undefined }) {
  const t = useT();
  return <EditField label={t('inspector.path')} value={path ?? '/'} hint={t('inspector.rule.path')} mono toEdit={(text) => ({ op: 'setPath', ref: entity, path: text })} />;
}

export function DescriptionField({ entity, description }: { readonly entity: { readonly account: string; readonly kind: 'role' | 'policy'; readonly name: string }; readonly description: string | undefined }) {
  const t = useT();
  return (
    <EditField
      label={t('inspector.description')}
      value={description ?? ''}
      hint={t('inspector.rule.description')}
      multiline
      toEdit={(text) => ({ op: 'setDescription', ref: entity, description: text === '' ? null : text })}
    />
  );
}

/** Delete, with what goes with it said in the question: the last section, or (`bare`) just the button. */
export function DeleteEntity({ entity, label, question, bare }: { readonly entity: EntityRef; readonly label: string; readonly question: string; readonly bare?: boolean }) {
  const t = useT();
  const edits = useEdits();
  const button = (
    <DeleteButton
        label={label}
        question={question}
        onDelete={() => {
          const refused = edits.run({ op: 'delete', ref: entity });
          if (!refused) selectAfterDelete(nodeId.account(entity.account));
          return refused;
        }}
      />
  );
  return bare ? button : (
    <Section title={t('inspector.danger')} className="danger-zone">
      {button}
    </Section>
  );
}
