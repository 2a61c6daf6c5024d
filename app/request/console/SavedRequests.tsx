/**
 * The scenario's saved requests, in the order they run: one click fills the form; each can
 * be moved or deleted (undoable edits). "Run all" sends them one after another as a batch
 * (sessions chain through `as` / `$NAME`) and the results table shows each answer.
 */
import { useId, useMemo, useState } from 'react';
import type { RequestJson } from '../../../engine/scenario/types';
import { Icon } from '../../components/Icon';
import { expectationWords } from '../../exercises/describeGoal';
import { translateEditError, useLang, useT } from '../../i18n';
import { useAppStore } from '../../store';
import type { BatchRow } from '../../store/requestSlice';
import { principalChoices } from '../../world/choices';
import { runRequest } from '../runRequest';
import { BatchResults } from './BatchResults';
import { withoutExpect } from './consoleRun';
import { draftOfRequest } from './loadRequest';

const NO_REQUESTS: readonly RequestJson[] = [];

/** Sends every saved request in file order, keeping the batch table up to date. */
async function runAll(requests: readonly RequestJson[]): Promise<void> {
  const { setBatch } = useAppStore.getState();
  const rows: BatchRow[] = [];
  setBatch({ state: 'running', rows, total: requests.length });
  for (const [i, request] of requests.entries()) {
    // INVARIANT: one at a time, in order: a request may call as the session an earlier one issued.
    const result = await runRequest(withoutExpect(request), { source: 'batch', ...(request.expect !== undefined ? { expected: request.expect } : {}) });
    rows.push({ id: request.id ?? `#${i + 1}`, result });
    setBatch({ state: 'running', rows: [...rows], total: requests.length });
  }
  setBatch({ state: 'done', rows, total: requests.length });
}

export function SavedRequests() {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const world = useAppStore((s) => s.world);
  const requests = useAppStore((s) => s.world?.requests ?? NO_REQUESTS);
  const exampleId = useAppStore((s) => s.draft.exampleId);
  const batch = useAppStore((s) => s.batch);
  const applyEdit = useAppStore((s) => s.applyEdit);
  const listed = useMemo(() => new Set((world ? principalChoices(world) : []).map((p) => p.arn)), [world]);
  const running = batch.state === 'running';
  const [refusal, setRefusal] = useState<string | undefined>(undefined);

  const load = (request: RequestJson) => {
    const { draft, setDraft } = useAppStore.getState();
    setDraft(draftOfRequest(request, draft, (p) => listed.has(p)));
  };
  const edit = (result: ReturnType<typeof applyEdit>) => {
    setRefusal(result.ok ? undefined : result.error.code === 'documentInvalid' ? result.error.message : translateEditError(lang, result.error));
  };

  return (
    <section className="examples console-saved" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`} className="section-title">
        {t('console.saved.title')}
      </h3>
      {requests.length === 0 ? (
        <p className="hint">{t('console.saved.empty')}</p>
      ) : (
        <>
          <p id={`${ids}-hint`} className="hint">
            {t('console.saved.hint')}
          </p>
          <ol className="console-saved-list" aria-describedby={`${ids}-hint`}>
            {requests.map((r, i) => {
              const id = r.id;
              const rowId = `${ids}-row-${i}`;
              return (
                <li key={id ?? `#${i}`} className="console-saved-row">
                  <span className="console-saved-main">
                    {id !== undefined ? (
                      <button type="button" className="chip" id={rowId} aria-pressed={exampleId === id} onClick={() => load(r)}>
                        {id}
                      </button>
                    ) : (
                      <span className="chip" id={rowId}>
                        #{i + 1}
                      </span>
                    )}
                    <span className="console-saved-what">
                      <code>{r.action}</code>
                      {r.expect !== undefined ? <span className="muted"> · {t('console.saved.expect', { expect: expectationWords(t, r.expect) })}</span> : null}
                    </span>
                  </span>
                  {id !== undefined ? (
                    <span className="console-saved-tools">
                      <button type="button" className="icon-button" aria-label={t('console.saved.up')} aria-describedby={rowId} title={t('console.saved.up')} disabled={i === 0 || running} onClick={() => edit(applyEdit({ op: 'moveRequest', id, to: i - 1 }))}>
                        <span aria-hidden="true">↑</span>
                      </button>
                      <button type="button" className="icon-button" aria-label={t('console.saved.down')} aria-describedby={rowId} title={t('console.saved.down')} disabled={i === requests.length - 1 || running} onClick={() => edit(applyEdit({ op: 'moveRequest', id, to: i + 1 }))}>
                        <span aria-hidden="true">↓</span>
                      </button>
                      <button type="button" className="icon-button" aria-label={t('console.saved.delete')} aria-describedby={rowId} title={t('console.saved.delete')} disabled={running} onClick={() => edit(applyEdit({ op: 'removeRequest', id }))}>
                        <Icon name="close" size={14} />
                      </button>
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ol>
          {refusal !== undefined ? (
            <p className="console-problem" role="alert">
              <Icon name="warning" size={14} />
              <span>{refusal}</span>
            </p>
          ) : null}
          <button type="button" className="button primary" disabled={running} onClick={() => void runAll(requests)}>
            <Icon name="send" size={14} />
            {running ? t('console.runAll.running', { done: batch.rows.length, total: batch.total }) : t('console.runAll')}
          </button>
        </>
      )}
      <BatchResults />
    </section>
  );
}
