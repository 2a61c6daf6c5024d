/** "Rename": one field with the node's name (an account's alias, a resource's ARN); the engine judges the new name. */
import { useState } from 'react';
import { translateEditError, useLang } from '../../i18n';
import { renameNode } from '../actions';
import { useBuilder } from '../BuilderContext';
import { nodeName } from '../flowElements';
import { renameValue } from '../nodeEdits';
import { Dialog } from './Dialog';
import { TextField } from './fields';

export function RenameDialog({ nodeId, onClose }: { readonly nodeId: string; readonly onClose: () => void }) {
  const b = useBuilder();
  const { t } = b;
  const lang = useLang();
  const node = b.graph.nodes.find((n) => n.id === nodeId);
  const [value, setValue] = useState(() => (node ? (renameValue(node) ?? '') : ''));
  const [error, setError] = useState<string | null>(null);
  if (!node) return null;
  const label = node.kind === 'account' ? t('builder.field.alias') : node.kind === 'resource' ? t('builder.field.arn') : t('builder.field.name');

  const submit = () => {
    const result = renameNode(b, node.id, node.kind === 'account' ? value.trim() : value);
    if (result.ok) onClose();
    else setError(translateEditError(lang, result.error));
  };

  return (
    <Dialog title={t('builder.rename.title', { name: nodeName(t, node) })} submitLabel={t('builder.rename.submit')} onSubmit={submit} onClose={onClose}>
      <TextField name="name" label={label} value={value} onChange={setValue} error={error} mono={node.kind === 'resource'} hint={node.kind === 'account' ? t('builder.field.aliasHint') : undefined} autoFocus />
    </Dialog>
  );
}
