/**
 * "Save this request": the request the form describes goes into the scenario's `requests`
 * under an id the learner names, with an optional expected decision — an undoable edit of
 * the world (engine/edit/requests.ts), saved with the workspace and exported with the file.
 */
import { useId, useState, type FormEvent } from 'react';
import type { EditError } from '../../../engine/edit/types';
import type { RequestJson } from '../../../engine/scenario/types';
import { Icon } from '../../components/Icon';
import { translateEditError, useLang, useT } from '../../i18n';
import { useAppStore } from '../../store';
import type { Built } from './buildRequest';

const NO_REQUESTS: readonly RequestJson[] = [];
const EXPECTATIONS = ['allowed', 'explicitDeny', 'implicitDeny'] as const;

type Outcome = { readonly kind: 'saved'; readonly id: string } | { readonly kind: 'error'; readonly text: string } | undefined;

/** What the learner reads of a refused save: the translation, or the validator's own words and path for a request fault. */
function refusalText(lang: ReturnType<typeof useLang>, error: EditError): string {
  return error.code === 'documentInvalid' ? error.message : translateEditError(lang, error);
}

export function SaveRequest({ build, onInvalid }: { readonly build: () => Promise<Built | undefined>; readonly onInvalid: () => void }) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const requests = useAppStore((s) => s.world?.requests ?? NO_REQUESTS);
  const loadedId = useAppStore((s) => s.draft.exampleId);
  const applyEdit = useAppStore((s) => s.applyEdit);
  const [id, setId] = useState('');
  const [expect, setExpect] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(undefined);
  const name = (id.trim() || loadedId) ?? '';
  const exists = name !== '' && requests.some((r) => r.id === name);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const built = await build();
    if (!built) return;
    if (!built.ok) {
      onInvalid();
      setOutcome({ kind: 'error', text: t('console.problems') });
      return;
    }
    const request: RequestJson = { id: name, ...built.request, ...(expect !== '' ? { expect } : {}) };
    const result = exists ? applyEdit({ op: 'updateRequest', id: name, request }) : applyEdit({ op: 'addRequest', request });
    setOutcome(result.ok ? { kind: 'saved', id: name } : { kind: 'error', text: refusalText(lang, result.error) });
  };

  return (
    <details className="console-save">
      <summary>{t('console.save.title')}</summary>
      <form className="console-save-form" onSubmit={(e) => void save(e)}>
        <div className="field">
          <label htmlFor={`${ids}-id`}>{t('console.save.id')}</label>
          <input id={`${ids}-id`} value={id} placeholder={loadedId ?? 'alice-reads-report'} onChange={(e) => setId(e.target.value)} autoComplete="off" spellCheck={false} aria-describedby={`${ids}-id-hint`} />
          <p id={`${ids}-id-hint`} className="hint">
            {exists ? t('console.save.replaceHint', { id: name }) : t('console.save.idHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-expect`}>{t('console.save.expect')}</label>
          <select id={`${ids}-expect`} value={expect} onChange={(e) => setExpect(e.target.value)}>
            <option value="">{t('console.save.expectNone')}</option>
            {EXPECTATIONS.map((e) => (
              <option key={e} value={e}>
                {t(`decision.${e}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {exists ? t('console.save.replace') : t('console.save.button')}
        </button>
        <div role="status" className="console-save-status">
          {outcome?.kind === 'saved' ? (
            <p className="console-ok">
              <Icon name="allowed" size={14} />
              {t('console.save.saved', { id: outcome.id })}
            </p>
          ) : outcome?.kind === 'error' ? (
            <p className="console-problem">
              <Icon name="warning" size={14} />
              <span>{outcome.text}</span>
            </p>
          ) : null}
        </div>
      </form>
    </details>
  );
}
