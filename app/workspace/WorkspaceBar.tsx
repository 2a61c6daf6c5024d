/**
 * The header's workspace controls: the workspace menu, the File menu and the save status,
 * and the choice to make when another tab changed the open workspace (it opens by itself
 * when that happens; "Decide later" leaves it behind the status button).
 */
import { useRef, useState } from 'react';
import { useAppStore } from '../store';
import { ConflictDialog } from './ConflictDialog';
import { FileMenu } from './FileMenu';
import { SaveStatus } from './SaveStatus';
import { WorkspaceMenu } from './WorkspaceMenu';
import '../styles/workspace.css';

export function WorkspaceBar() {
  const conflict = useAppStore((s) => s.saveState.state === 'conflict');
  const statusButton = useRef<HTMLButtonElement>(null);
  const [dismissed, setDismissed] = useState(false);
  // A new conflict opens the dialog again, even if the last one was put off.
  const [wasConflict, setWasConflict] = useState(conflict);
  if (conflict !== wasConflict) {
    setWasConflict(conflict);
    setDismissed(false);
  }
  const showConflict = () => setDismissed(false);

  return (
    <div className="ws-bar">
      <WorkspaceMenu onConflict={showConflict} />
      <FileMenu onConflict={showConflict} />
      <SaveStatus onConflict={showConflict} buttonRef={statusButton} />
      {conflict && !dismissed ? <ConflictDialog onClose={() => setDismissed(true)} returnFocus={statusButton} /> : null}
    </div>
  );
}
