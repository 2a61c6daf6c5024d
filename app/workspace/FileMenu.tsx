/**
 * The File menu: import files (or drop them on the page), export the scenario file, share
 * a link. Import reads the files in the engine; the learner then chooses where the world
 * opens, or reads every fault — and nothing changed.
 */
import { useRef, useState } from 'react';
import type { WorldFault } from '../../engine/worker/protocol';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { exportScenario, importFiles, type ImportOutcome } from './fileTransfer';
import { ImportChoiceDialog, ImportFailedDialog } from './ImportDialogs';
import { PopoverMenu } from './PopoverMenu';
import { ShareDialog } from './ShareDialog';
import { useFileDrop } from './useFileDrop';

type Step =
  | { readonly step: 'idle' }
  | { readonly step: 'reading'; readonly count: number }
  | { readonly step: 'choose'; readonly imported: Extract<ImportOutcome, { ok: true }> }
  | { readonly step: 'failed'; readonly errors: readonly WorldFault[] }
  | { readonly step: 'share' };

const ACCEPT = '.json,.txt,application/json,text/plain';

export function FileMenu({ onConflict }: { readonly onConflict: () => void }) {
  const t = useT();
  const hasWorld = useAppStore((s) => s.world !== null);
  const button = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [step, setStep] = useState<Step>({ step: 'idle' });
  const close = () => setStep({ step: 'idle' });

  const read = (files: File[]) => {
    if (files.length === 0) return;
    setStep({ step: 'reading', count: files.length });
    void importFiles(files).then((outcome) => setStep(outcome.ok ? { step: 'choose', imported: outcome } : { step: 'failed', errors: outcome.errors }));
  };
  const dragging = useFileDrop(read);

  return (
    <>
      <PopoverMenu buttonRef={button} className="ws-file-menu" buttonContent={t('workspace.file.menu')}>
        {(closeMenu) => (
          <div className="ws-menu-actions">
            <button
              type="button"
              className="ws-menu-item"
              onClick={() => {
                closeMenu();
                input.current?.click();
                button.current?.focus();
              }}
            >
              {t('workspace.file.import')}
            </button>
            <button
              type="button"
              className="ws-menu-item"
              disabled={!hasWorld}
              onClick={() => {
                closeMenu();
                exportScenario();
                button.current?.focus();
              }}
            >
              {t('workspace.file.export')}
            </button>
            <button
              type="button"
              className="ws-menu-item"
              disabled={!hasWorld}
              onClick={() => {
                closeMenu();
                setStep({ step: 'share' });
              }}
            >
              {t('workspace.file.share')}
            </button>
          </div>
        )}
      </PopoverMenu>
      <input
        ref={input}
        className="visually-hidden"
        type="file"
        multiple
        accept={ACCEPT}
        tabIndex={-1}
        aria-label={t('workspace.file.importInput')}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // The same file chosen again must fire `change` again.
          event.target.value = '';
          read(files);
        }}
      />
      {step.step === 'reading' ? (
        <p className="ws-reading" role="status">
          {t('workspace.import.reading', { count: step.count })}
        </p>
      ) : null}
      {step.step === 'choose' ? <ImportChoiceDialog imported={step.imported} onClose={close} onConflict={onConflict} returnFocus={button} /> : null}
      {step.step === 'failed' ? <ImportFailedDialog errors={step.errors} onClose={close} returnFocus={button} /> : null}
      {step.step === 'share' ? <ShareDialog onClose={close} returnFocus={button} /> : null}
      {dragging ? (
        <div className="ws-drop" aria-hidden="true">
          <div className="ws-drop-card">
            <p className="ws-drop-title">{t('workspace.file.drop')}</p>
            <p className="muted">{t('workspace.file.dropHint')}</p>
          </div>
        </div>
      ) : null}
    </>
  );
}
