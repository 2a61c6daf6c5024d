/**
 * The builder's toolbar above the map: add an account, a user, a group, a role, a policy,
 * a resource, and — in a small menu — the organization, an OU, an SCP or an RCP; undo and redo, named after the step they take back or again; tidy up; delete the
 * selection. Arrow keys move between its buttons.
 */
import type { KeyboardEvent } from 'react';
import { Icon, type IconName } from '../components/Icon';
import type { MessageKey } from '../i18n';
import { useAppStore } from '../store';
import { deleteSelection } from './actions';
import { BuilderIcon } from './BuilderIcon';
import { useBuilder } from './BuilderContext';
import type { CreateKind } from './creation';
import { deleteEdit } from './nodeEdits';
import { undoKeys } from './shortcuts';
import { stepLabel } from './steps';

interface AddButton {
  readonly kind: CreateKind;
  readonly label: MessageKey;
  readonly name: MessageKey;
  readonly icon: IconName;
}

const ADD: readonly AddButton[] = [
  { kind: 'account', label: 'builder.tool.account', name: 'builder.tool.addAccount', icon: 'account' },
  { kind: 'user', label: 'builder.tool.user', name: 'builder.tool.addUser', icon: 'user' },
  { kind: 'group', label: 'builder.tool.group', name: 'builder.tool.addGroup', icon: 'group' },
  { kind: 'role', label: 'builder.tool.role', name: 'builder.tool.addRole', icon: 'role' },
  { kind: 'policy', label: 'builder.tool.policy', name: 'builder.tool.addPolicy', icon: 'policy' },
  { kind: 'resource', label: 'builder.tool.resource', name: 'builder.tool.addResource', icon: 'resource' },
];


/** Arrow keys move between the toolbar's enabled buttons. */
function onArrows(e: KeyboardEvent<HTMLDivElement>) {
  if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft' && e.key !== 'Home' && e.key !== 'End') return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : (at + (e.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length;
  buttons[next]?.focus();
  e.preventDefault();
}

export function Toolbar() {
  const b = useBuilder();
  const { t, graph } = b;
  const past = useAppStore((s) => s.past.at(-1)?.label ?? null);
  const future = useAppStore((s) => s.future.at(-1)?.label ?? null);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  const resetPositions = useAppStore((s) => s.resetPositions);
  const selectedId = useAppStore((s) => s.selectedId);

  const selected = selectedId === null ? undefined : graph.nodes.find((n) => n.id === selectedId);
  const accounts = graph.nodes.filter((n) => n.kind === 'account');
  const canDelete = b.selectedEdge !== null || (selected !== undefined && deleteEdit(selected) !== undefined);
  const keys = undoKeys(typeof navigator === 'undefined' ? '' : navigator.platform);

  /** The account of the selection, to preselect in the dialog. */
  const selectedAccount = (): string | undefined => {
    if (!selected) return undefined;
    if (selected.entity) return selected.entity.account;
    if (selected.account) return selected.account;
    const parent = graph.nodes.find((n) => n.id === selected.parent);
    return parent?.account;
  };
  const selectedUnit = selected && (selected.kind === 'orgRoot' || selected.kind === 'orgUnit') ? selected.id : undefined;

  const add = (button: AddButton, disabled: boolean) => (
    <button
      key={button.kind}
      type="button"
      className="tool-button"
      aria-label={t(button.name)}
      title={disabled ? t('builder.tool.needsAccount') : t(button.name)}
      disabled={disabled}
      onClick={() => {
        const account = selectedAccount();
        b.openDialog({ type: 'create', kind: button.kind, ...(account ? { account } : {}), ...(selectedUnit && (button.kind === 'orgUnit' || button.kind === 'account') ? { unit: selectedUnit } : {}) });
      }}
    >
      <Icon name={button.icon} size={16} className="tool-kind-icon" />
      <span>{t(button.label)}</span>
    </button>
  );

  const undoName = past === null ? t('builder.undo') : t('builder.undoStep', { step: t(stepLabel(past)) });
  const redoName = future === null ? t('builder.redo') : t('builder.redoStep', { step: t(stepLabel(future)) });

  return (
    <div className="builder-toolbar" role="toolbar" aria-label={t('builder.toolbar')} onKeyDown={onArrows}>
      <div className="tool-group" role="group" aria-label={t('builder.tool.add')}>
        <span className="tool-caption" aria-hidden="true">
          <BuilderIcon name="plus" size={14} />
          {t('builder.tool.add')}
        </span>
        {ADD.map((button) => add(button, button.kind !== 'account' && accounts.length === 0))}
        {accounts.length > 0 ? (
          <button
            type="button"
            className="tool-button tool-menu-button"
            aria-label={t('builder.tool.organization')}
            aria-haspopup="menu"
            title={t('builder.tool.organizationHint')}
            onClick={(e) => {
              const r = e.currentTarget.getBoundingClientRect();
              b.openMenu({ x: r.left, y: r.bottom + 4, target: { kind: 'organization', ...(selectedUnit ? { unit: selectedUnit } : {}) } });
            }}
          >
            <BuilderIcon name="org" />
            <BuilderIcon name="chevron" size={12} />
          </button>
        ) : null}
      </div>
      <div className="tool-group tool-group-end">
        <button type="button" className="tool-icon" aria-label={undoName} title={`${undoName} (${keys})`} disabled={past === null} onClick={undo}>
          <BuilderIcon name="undo" />
        </button>
        <button type="button" className="tool-icon" aria-label={redoName} title={redoName} disabled={future === null} onClick={redo}>
          <BuilderIcon name="redo" />
        </button>
        <span className="tool-separator" aria-hidden="true" />
        <button type="button" className="tool-icon" aria-label={t('builder.tidy')} title={t('builder.tidyHint')} disabled={graph.nodes.length === 0} onClick={resetPositions}>
          <BuilderIcon name="tidy" />
        </button>
        <button type="button" className="tool-icon is-danger" aria-label={t('builder.deleteSelected')} title={t('builder.deleteSelectedHint')} disabled={!canDelete} onClick={() => deleteSelection(b)}>
          <BuilderIcon name="trash" />
        </button>
      </div>
    </div>
  );
}
