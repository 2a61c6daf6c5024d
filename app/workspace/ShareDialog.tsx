/**
 * The share link of the open world: made when the dialog opens, copied to the clipboard
 * when the browser allows it, and always shown in a read-only field to copy from. A link
 * long enough that some apps would cut it says so.
 */
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useT } from '../i18n';
import { Dialog } from './Dialog';
import { ErrorLine } from './WorkspaceDialogs';
import { makeShareLink } from './shareUrl';
import type { ShareUrlReach } from '../share/shareLink';

type Link =
  | { readonly state: 'making' }
  | { readonly state: 'made'; readonly url: string; readonly reach: ShareUrlReach; readonly copied: boolean | null }
  | { readonly state: 'failed'; readonly message: string };

async function copy(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // no permission, or the page is not focused: the field is there to copy from
  }
}

export function ShareDialog({ onClose, returnFocus }: { readonly onClose: () => void; readonly returnFocus: RefObject<HTMLElement | null> }) {
  const t = useT();
  const fieldId = useId();
  const field = useRef<HTMLInputElement>(null);
  const [link, setLink] = useState<Link>({ state: 'making' });

  useEffect(() => {
    let live = true;
    makeShareLink().then(
      async ({ url, reach }) => {
        if (!live) return;
        setLink({ state: 'made', url, reach, copied: null });
        // A link no browser opens is not worth the clipboard.
        const copied = reach === 'tooLong' ? null : await copy(url);
        if (live) setLink({ state: 'made', url, reach, copied });
      },
      (error: unknown) => live && setLink({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (link.state === 'made') field.current?.select();
  }, [link.state]);

  return (
    <Dialog title={t('workspace.share.title')} onClose={onClose} returnFocus={returnFocus} className="ws-share">
      <div className="ws-dialog-body">
        <p className="muted">{t('workspace.share.body')}</p>
        {link.state === 'making' ? <p role="status">{t('workspace.share.making')}</p> : null}
        {link.state === 'failed' ? <ErrorLine message={t('workspace.share.failed', { message: link.message })} /> : null}
        {link.state === 'made' && link.reach === 'tooLong' ? <ErrorLine message={t('workspace.share.tooLong', { length: link.url.length.toLocaleString() })} /> : null}
        {link.state === 'made' && link.reach !== 'tooLong' ? (
          <>
            <div className="ws-field">
              <label htmlFor={fieldId}>{t('workspace.share.link')}</label>
              <div className="ws-copy-row">
                <input ref={field} id={fieldId} type="url" readOnly value={link.url} onFocus={(e) => e.target.select()} />
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => {
                    field.current?.select();
                    void copy(link.url).then((copied) => setLink({ ...link, copied }));
                  }}
                >
                  {t('workspace.share.copy')}
                </button>
              </div>
            </div>
            <p role="status" className="ws-copy-status">
              {link.copied === true ? t('workspace.share.copied') : link.copied === false ? t('workspace.share.copyYourself') : ''}
            </p>
            {link.reach === 'browsersOnly' ? <p className="ws-warning">{t('workspace.share.long', { length: link.url.length.toLocaleString() })}</p> : null}
          </>
        ) : null}
        <div className="ws-dialog-actions">
          <button type="button" className="button primary" onClick={onClose}>
            {t('workspace.dialog.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
