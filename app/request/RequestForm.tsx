/**
 * The request console: three kinds of request as tabs — an API call (who calls, the action,
 * the resource, context keys), an STS call whose session the next request can use, or a
 * signed HTTP request (its own panel) — then Run. The form only makes a request
 * well-formed; the engine decides, and the decision view shows how.
 */
import { lazy, Suspense, useId, useMemo, useState, type FormEvent } from 'react';
import { Icon } from '../components/Icon';
import { useT, type MessageKey } from '../i18n';
import { useAppStore } from '../store';
import { ActionField } from './console/ActionField';
import { CallerPicker } from './console/CallerPicker';
import { buildRequest, type BuildProblems } from './console/buildRequest';
import { loadedRequest, prepareRequest, runFromConsole, withoutExpect } from './console/consoleRun';
import { ContextKeysField } from './console/ContextKeysField';
import type { ConsoleMode } from './console/draft';
import { IssuedSession } from './console/IssuedSession';
import { writeSpecOf } from './console/iamParams';
import { ModeTabs, modePanelId, modeTabId } from './console/ModeTabs';
import { ParamsField } from './console/ParamsField';
import { ResourceField } from './console/ResourceField';
import { SaveRequest } from './console/SaveRequest';
import { StsFields } from './console/StsFields';
import { nextSessionName } from './console/sts';
import { useKeyTypes } from './console/useKeyTypes';
import './console/console.css';

// The signed HTTP panel is its own chunk: most requests never need it.
const HttpRequestPanel = lazy(() => import('./http/HttpRequestPanel').then((m) => ({ default: m.HttpRequestPanel })));

const NO_PROBLEMS: BuildProblems = { fields: {}, context: [] };

export function RequestForm() {
  const t = useT();
  const ids = useId();
  const world = useAppStore((s) => s.world);
  const draft = useAppStore((s) => s.draft);
  const running = useAppStore((s) => s.result.state === 'running');
  const setDraft = useAppStore((s) => s.setDraft);
  const { typeOf, suggestions } = useKeyTypes();
  // Missing fields are pointed out once the learner tries to send; malformed values as they are typed.
  const [attempted, setAttempted] = useState(false);

  const live = useMemo(() => {
    const built = buildRequest(draft, { typeOf });
    return built.ok ? NO_PROBLEMS : built.problems;
  }, [draft, typeOf]);
  const fieldProblem = (field: keyof BuildProblems['fields']): string | undefined => {
    const problem = live.fields[field];
    if (problem === undefined || (problem === 'required' && !attempted)) return undefined;
    return t(`console.problem.${problem}` as MessageKey);
  };
  const contextProblems = live.context.map((problem, i) => {
    if (problem === undefined || attempted) return problem;
    const entry = draft.context[i];
    if (problem === 'valueMissing') return undefined;
    if (problem === 'keyInvalid') return entry?.key.trim() === '' ? undefined : problem;
    return problem;
  });

  const changeMode = (mode: ConsoleMode) => {
    if (mode === draft.mode) return;
    const { sessions, world: w } = useAppStore.getState();
    const taken = [...sessions.map((s) => s.name), ...(w?.requests ?? []).map((r) => r.as)];
    // A fresh STS call keeps its session under a new name, so an earlier session stays usable.
    const as = mode === 'sts' && (draft.sts.as.trim() === '' || taken.includes(draft.sts.as.trim())) ? nextSessionName(taken) : draft.sts.as;
    setDraft({ mode, sts: { ...draft.sts, as } });
    setAttempted(false);
  };

  const build = async () => (world ? prepareRequest(useAppStore.getState().draft, world, typeOf) : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (running || !world) return;
    setAttempted(true);
    const current = useAppStore.getState().draft;
    const saved = loadedRequest(current, world);
    if (saved) {
      runFromConsole(withoutExpect(saved), saved.expect);
      setAttempted(false);
      return;
    }
    const built = await build();
    if (!built?.ok) return;
    runFromConsole(built.request, undefined);
    // Sent: the next request starts with a clean slate of problems.
    setAttempted(false);
  };

  const blocked = attempted && (Object.keys(live.fields).length > 0 || live.context.some((p) => p !== undefined) || Object.keys(live.params ?? {}).length > 0);
  const stsCall = draft.mode === 'sts';
  // An IAM write the simulated IAM API plays: its parameters (the table in engine/iamApi drives the form).
  const writeSpec = stsCall ? undefined : writeSpecOf(draft.action);

  return (
    <div className="console-body">
      <ModeTabs ids={ids} mode={draft.mode} onChange={changeMode} />
      <div id={modePanelId(ids)} role="tabpanel" aria-labelledby={modeTabId(ids, draft.mode)} className="console-panel">
        {draft.mode === 'http' ? (
          <Suspense fallback={<p className="muted">{t('main.loading')}</p>}>
            <HttpRequestPanel />
          </Suspense>
        ) : (
          <>
            <form className="request-form" onSubmit={(e) => void submit(e)} aria-describedby={`${ids}-intro`} noValidate>
              <p id={`${ids}-intro`} className="muted">
                {t('request.intro')}
              </p>
              {!stsCall || draft.sts.call !== 'AssumeRoleWithWebIdentity' ? (
                <CallerPicker ids={ids} problem={fieldProblem('principal')} federatedProblems={{ name: fieldProblem('federatedName'), issuer: fieldProblem('federatedIssuer') }} />
              ) : null}
              {stsCall ? (
                <StsFields ids={ids} problems={attempted ? live.fields : Object.fromEntries(Object.entries(live.fields).filter(([, p]) => p !== 'required'))} />
              ) : (
                <>
                  <ActionField ids={ids} problem={fieldProblem('action')} />
                  <ResourceField ids={ids} problem={fieldProblem('resource')} />
                  {writeSpec ? <ParamsField ids={ids} spec={writeSpec} problems={live.params ?? {}} /> : null}
                </>
              )}
              <ContextKeysField ids={ids} typeOf={typeOf} suggestions={suggestions} problems={contextProblems} />
              <button type="submit" className="button primary" disabled={running} aria-describedby={blocked ? `${ids}-blocked` : undefined}>
                <Icon name="send" size={16} />
                {running ? t('request.running') : stsCall ? t('console.submit.sts', { call: draft.sts.call }) : t('request.submit')}
              </button>
              {blocked ? (
                <p id={`${ids}-blocked`} className="console-problem" role="alert">
                  <Icon name="warning" size={14} />
                  <span>{t('console.problems')}</span>
                </p>
              ) : null}
            </form>
            <IssuedSession />
            <SaveRequest build={build} onInvalid={() => setAttempted(true)} />
          </>
        )}
        {draft.mode === 'http' ? <IssuedSession /> : null}
      </div>
    </div>
  );
}
