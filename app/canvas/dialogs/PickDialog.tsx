/**
 * The keyboard's way to link two nodes ("Attach policy…", "Add to group…", "Allow to
 * assume a role…"): the nodes the relation can join this one with, in a list; choosing one
 * makes the same edit as dragging one onto the other.
 */
import { useState } from 'react';
import { translateEditError, useLang, type MessageKey } from '../../i18n';
import { relate } from '../actions';
import { useBuilder } from '../BuilderContext';
import { nodeName } from '../flowElements';
import { placeNew } from '../placement';
import { pickerChoices, type RelationKind } from '../relations';
import { MIN_BOX } from '../../world/layout';
import { Dialog } from './Dialog';
import { SelectField } from './fields';

const TITLE: Readonly<Record<RelationKind, Readonly<Record<'from' | 'to', MessageKey>>>> = {
  member: { from: 'builder.pick.memberFrom', to: 'builder.pick.memberTo' },
  attach: { from: 'builder.pick.attachFrom', to: 'builder.pick.attachTo' },
  boundary: { from: 'builder.pick.boundaryFrom', to: 'builder.pick.boundaryTo' },
  trust: { from: 'builder.pick.trustFrom', to: 'builder.pick.trustTo' },
  orgPolicy: { from: 'builder.pick.orgPolicyFrom', to: 'builder.pick.orgPolicyTo' },
  moveAccount: { from: 'builder.pick.moveAccount', to: 'builder.pick.moveAccount' },
  moveUnit: { from: 'builder.pick.moveAccount', to: 'builder.pick.moveAccount' },
};

interface PickDialogProps {
  readonly nodeId: string;
  readonly relation: RelationKind;
  readonly direction: 'from' | 'to';
  readonly onClose: () => void;
}

export function PickDialog({ nodeId, relation, direction, onClose }: PickDialogProps) {
  const b = useBuilder();
  const { t, graph } = b;
  const lang = useLang();
  const node = graph.nodes.find((n) => n.id === nodeId);
  const choices = node ? pickerChoices(graph, relation, node, direction) : [];
  const accountName = new Map(graph.nodes.filter((n) => n.kind === 'account').map((n) => [n.account, n.label]));
  const [chosen, setChosen] = useState(() => choices[0]?.node.id ?? '');
  const [error, setError] = useState<string | null>(null);
  if (!node) return null;
  const title = t(TITLE[relation][direction], { name: nodeName(t, node) });

  if (choices.length === 0) {
    return (
      <Dialog title={title} submitLabel={t('builder.close')} onClose={onClose}>
        <p className="muted">{t('builder.pick.none')}</p>
      </Dialog>
    );
  }

  const submit = () => {
    const choice = choices.find((c) => c.node.id === chosen);
    if (!choice) return;
    const [from, to] = direction === 'from' ? [node, choice.node] : [choice.node, node];
    // An account moved by the menu goes to a free spot of its new box.
    const place = choice.relation.kind === 'moveAccount' || choice.relation.kind === 'moveUnit' ? { id: node.id, at: placeNew(b.placed, choice.node.id, b.placed.size.get(node.id) ?? MIN_BOX) } : undefined;
    const result = relate(b, choice.relation, from, to, place);
    if (result.ok) onClose();
    else setError(translateEditError(lang, result.error));
  };

  const options = choices.map(({ node: n }) => {
    const account = n.entity?.account ?? n.account;
    const where = account && n.kind !== 'account' ? ` · ${accountName.get(account) ?? account}` : '';
    return { value: n.id, label: `${nodeName(t, n)}${where}` };
  });

  return (
    <Dialog title={title} submitLabel={t('builder.pick.submit')} onSubmit={submit} onClose={onClose}>
      <SelectField name="choice" label={t('builder.pick.label')} value={chosen} options={options} onChange={setChosen} error={error} autoFocus />
    </Dialog>
  );
}
