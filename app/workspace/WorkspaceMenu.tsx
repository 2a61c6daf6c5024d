/**
 * The workspace menu in the header: the open workspace's name; the list of workspaces to
 * switch to; New (empty, or from the sample world), Rename, Duplicate, Delete. While
 * another tab's change waits for the learner's choice, actions that would leave this tab's
 * unsaved work behind show that choice instead.
 */
import { useRef, useState } from 'react';
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { ConfirmDeleteDialog, NameDialog } from './WorkspaceDialogs';
import { PopoverMenu } from './PopoverMenu';
import { ConflictPendingError } from './session';
import { uniqueName } from './names';
import { workspaceActions } from './workspaces';

type OpenDialog = 'new' | 'newFromSample' | 'rename' | 'delete' | null;

export function WorkspaceMenu({ onConflict }: { readonly onConflict: () => void }) {
  const t = useT();
  const workspace = useAppStore((s) => s.workspace);
  const workspaces = useAppStore((s) => s.workspaces);
  const button = useRef<HTMLButtonElement>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = () => setDialog(null);
  const taken = workspaces.map((w) => w.name);

  /** Runs an action of a dialog; a conflict waiting for the learner's choice shows that choice, another failure stays in the dialog. */
  const guarded = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (error) {
      if (error instanceof ConflictPendingError) onConflict();
      else throw error;
    }
  };
  /** Runs an action without a dialog: a failure becomes a notice. */
  const direct = (action: () => Promise<unknown>) =>
    void guarded(action).catch((error: unknown) =>
      useAppStore.getState().addWorkspaceNotice({ kind: 'actionFailed', message: error instanceof Error ? error.message : String(error) }),
    );

  return (
    <>
      <PopoverMenu
        buttonRef={button}
        className="ws-workspace-menu"
        buttonContent={
          <>
            <span className="ws-menu-kicker">{t('workspace.menu.label')}</span>
            <span className="ws-menu-name">{workspace?.name ?? '…'}</span>
          </>
        }
      >
        {(closeMenu) => {
          const choose = (next: OpenDialog) => () => {
            closeMenu();
            setDialog(next);
          };
          return (
            <>
              <p className="ws-menu-heading" id="ws-list-heading">
                {t('workspace.menu.list')}
              </p>
              <ul className="ws-menu-list" aria-labelledby="ws-list-heading">
                {workspaces.map((w) => {
                  const current = w.id === workspace?.id;
                  return (
                    <li key={w.id}>
                      <button
                        type="button"
                        className="ws-menu-item ws-workspace-item"
                        aria-current={current ? 'true' : undefined}
                        onClick={() => {
                          closeMenu();
                          if (!current) direct(() => workspaceActions.open(w.id));
                          button.current?.focus();
                        }}
                      >
                        <span className="ws-item-name">{w.name}</span>
                        {/* aria-current already tells assistive technology which one is open. */}
                        {current ? (
                          <span className="ws-item-badge" aria-hidden="true">
                            {t('workspace.menu.open')}
                          </span>
                        ) : null}
                      </button>
                    </li>
                  );
                })}
              </ul>
              <div className="ws-menu-actions">
                <button type="button" className="ws-menu-item" onClick={choose('new')}>
                  {t('workspace.menu.new')}
                </button>
                <button type="button" className="ws-menu-item" onClick={choose('newFromSample')}>
                  {t('workspace.menu.newFromSample')}
                </button>
                {workspace ? (
                  <>
                    <button type="button" className="ws-menu-item" onClick={choose('rename')}>
                      {t('workspace.menu.rename')}
                    </button>
                    <button
                      type="button"
                      className="ws-menu-item"
                      onClick={() => {
                        closeMenu();
                        direct(() => workspaceActions.duplicate(workspace.id));
                        button.current?.focus();
                      }}
                    >
                      {t('workspace.menu.duplicate')}
                    </button>
                    <button type="button" className="ws-menu-item ws-danger" onClick={choose('delete')}>
                      <Icon name="close" size={14} />
                      {t('workspace.menu.delete')}
                    </button>
                  </>
                ) : null}
              </div>
            </>
          );
        }}
      </PopoverMenu>

      {dialog === 'new' ? (
        <NameDialog
          title={t('workspace.dialog.newTitle')}
          body={t('workspace.dialog.newBody')}
          initialName={uniqueName(t('workspace.untitled'), taken)}
          confirm={t('workspace.dialog.create')}
          onConfirm={(name) => guarded(() => workspaceActions.newEmpty(name))}
          onClose={close}
          returnFocus={button}
        />
      ) : null}
      {dialog === 'newFromSample' ? (
        <NameDialog
          title={t('workspace.dialog.newFromSampleTitle')}
          body={t('workspace.dialog.newFromSampleBody')}
          initialName={uniqueName(t('workspace.sampleName'), taken)}
          confirm={t('workspace.dialog.create')}
          onConfirm={(name) =>
            guarded(async () => {
              const made = await workspaceActions.newFromSample(name);
              if (!made.ok) throw new Error(made.message);
            })
          }
          onClose={close}
          returnFocus={button}
        />
      ) : null}
      {dialog === 'rename' && workspace ? (
        <NameDialog
          title={t('workspace.dialog.renameTitle')}
          initialName={workspace.name}
          confirm={t('workspace.dialog.renameConfirm')}
          onConfirm={(name) => workspaceActions.rename(workspace.id, name)}
          onClose={close}
          returnFocus={button}
        />
      ) : null}
      {dialog === 'delete' && workspace ? (
        <ConfirmDeleteDialog name={workspace.name} isOpen onConfirm={() => workspaceActions.remove(workspace.id)} onClose={close} returnFocus={button} />
      ) : null}
    </>
  );
}
