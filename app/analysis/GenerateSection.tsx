/**
 * Least-privilege policy generation, as IAM Access Analyzer does it from CloudTrail: pick a
 * user or role, the worker reads its allowed requests in the event log and writes the
 * smallest policy that still allows them. The view shows the policy (read-only, with Copy),
 * the diff against the principal's current permissions (signs and words, not colour
 * alone), the actions it drops, and adds it as an inline policy in one undoable step, so
 * the learner can remove the broad policy and try the requests again.
 */
import { useId, useState } from 'react';
import type { GeneratedPolicy } from '../../engine/analysis/types';
import type { PolicyDocumentJson } from '../../engine/scenario/types';
import { Icon } from '../components/Icon';
import { translateEditError, useLang, useT } from '../i18n';
import { useAppStore } from '../store';
import { nodeId } from '../world/ids';
import { AuditHead, PrincipalRunForm, ToConsoleButton } from './AuditParts';
import { diffCounts, diffSign, inlinePolicyName, resultOf, worldPrincipals } from './auditView';
import { RunStatus } from './RunStatus';
import { analysisEvents, startAnalysis } from './run';

export function GenerateSection() {
  const id = useId();
  const world = useAppStore((s) => s.world);
  const run = useAppStore((s) => s.analyses.generatePolicy);
  const principals = worldPrincipals(world);
  const [chosen, setChosen] = useState('');
  // The choice falls back to the first principal when the world no longer has it.
  const principal = principals.some((p) => p.arn === chosen) ? chosen : (principals[0]?.arn ?? '');
  const result = resultOf(run, 'generatePolicy');

  return (
    <section className="audit" aria-labelledby={`${id}-title`}>
      <AuditHead id={`${id}-title`} title="audit.generate.title" intro="audit.generate.intro" />
      <PrincipalRunForm
        id={id}
        options={principals}
        value={principal}
        onChange={setChosen}
        run={(arn) => startAnalysis({ kind: 'generatePolicy', query: { principal: arn, events: analysisEvents(useAppStore.getState().trail) } })}
      />
      <RunStatus kind="generatePolicy" />
      {result ? <Generated key={result.policy.principal.arn + result.policy.text} policy={result.policy} /> : null}
    </section>
  );
}

function Generated({ policy }: { readonly policy: GeneratedPolicy }) {
  const t = useT();
  const who = policy.principal;
  if (policy.eventsUsed === 0 || policy.statementCount === 0) {
    return (
      <div className="audit-empty" role="status">
        <Icon name="info" size={22} />
        <div>
          <p>{t('audit.generate.noEvents', { name: who.name })}</p>
          <ToConsoleButton />
        </div>
      </div>
    );
  }
  const principalLabel = `${t(who.kind === 'user' ? 'kind.user' : who.kind === 'role' ? 'kind.role' : 'kind.root')} ${who.name}`;
  return (
    <>
      <p className="audit-summary" role="status">
        {t('audit.generate.from', { name: principalLabel, count: policy.eventsUsed })}
      </p>
      <GeneratedText text={policy.text} />
      <PolicyDiff diff={policy.diff} />
      <Dropped dropped={policy.dropped} />
      {who.kind === 'root' ? null : <AddInline policy={policy} principalLabel={principalLabel} />}
    </>
  );
}

function GeneratedText({ text }: { readonly text: string }) {
  const t = useT();
  const id = useId();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const doCopy = () => {
    navigator.clipboard.writeText(text).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };
  return (
    <section className="audit-group" aria-labelledby={`${id}-title`}>
      <div className="audit-group-head">
        <h4 id={`${id}-title`} className="audit-group-title">
          {t('audit.generate.policy')}
        </h4>
        <button type="button" className="button secondary small" onClick={doCopy}>
          {t('audit.generate.copy')}
        </button>
        <span role="status" className="muted small">
          {copy === 'copied' ? t('audit.generate.copied') : copy === 'failed' ? t('audit.generate.copyFailed') : ''}
        </span>
      </div>
      {/* Focusable so the keyboard can scroll a long policy. */}
      <pre className="audit-code" tabIndex={0}>
        {text}
      </pre>
    </section>
  );
}

/** The line diff: each line marked with a sign and, for screen readers, a word. */
function PolicyDiff({ diff }: { readonly diff: GeneratedPolicy['diff'] }) {
  const t = useT();
  const id = useId();
  const counts = diffCounts(diff);
  return (
    <section className="audit-group" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="audit-group-title">
        {t('audit.generate.diff')}
      </h4>
      <p className="muted small">{t('audit.generate.diffSummary', counts)}</p>
      {/* Focusable so the keyboard can scroll a long diff. */}
      <ol className="audit-diff" aria-labelledby={`${id}-title`} tabIndex={0}>
        {diff.map((line, i) => (
          <li key={i} className={`audit-diff-line is-${line.op}`}>
            <span className="audit-diff-sign" aria-hidden="true">
              {diffSign(line.op)}
            </span>
            {line.op === 'same' ? null : <span className="visually-hidden">{t(line.op === 'added' ? 'audit.generate.added' : 'audit.generate.removed')} </span>}
            <code>{line.line}</code>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Dropped({ dropped }: { readonly dropped: readonly string[] }) {
  const t = useT();
  const id = useId();
  return (
    <section className="audit-group" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="audit-group-title">
        {t('audit.generate.dropped')} <span className="audit-count">{dropped.length}</span>
      </h4>
      {dropped.length === 0 ? (
        <p className="muted">{t('audit.generate.droppedNone')}</p>
      ) : (
        <ul className="audit-codes audit-dropped">
          {dropped.map((a) => (
            <li key={a}>
              <code>{a}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Shows the map with a node selected (the inspector opens it). */
function showOnMap(id: string): void {
  const store = useAppStore.getState();
  store.setMainView('map');
  store.select(id);
}

function AddInline({ policy, principalLabel }: { readonly policy: GeneratedPolicy; readonly principalLabel: string }) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const world = useAppStore((s) => s.world);
  const who = policy.principal;
  const kind = who.kind === 'role' ? 'role' : 'user';
  const [name, setName] = useState(() => inlinePolicyName(world, who));
  const [outcome, setOutcome] = useState<{ readonly ok: true; readonly name: string } | { readonly ok: false; readonly message: string } | null>(null);

  const add = () => {
    const owner = { account: who.account, kind, name: who.name } as const;
    const document = JSON.parse(policy.text) as PolicyDocumentJson;
    const result = useAppStore.getState().applyEdits([{ op: 'putInlinePolicy', owner, name, document }], `putInlinePolicy ${name}`);
    setOutcome(result.ok ? { ok: true, name } : { ok: false, message: translateEditError(lang, result.error) });
  };
  const ownerNode = kind === 'user' ? nodeId.user(who.account, who.name) : nodeId.role(who.account, who.name);

  return (
    <div className="audit-form audit-add">
      <div className="field audit-field">
        <label htmlFor={`${id}-name`}>{t('audit.generate.name')}</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} spellCheck={false} />
      </div>
      <button type="button" className="button primary small" onClick={add} disabled={name.trim() === ''}>
        {t('audit.generate.add')}
      </button>
      {outcome?.ok ? (
        <p className="audit-done" role="status">
          <Icon name="allowed" size={14} />
          {t('audit.generate.added.done', { name: outcome.name, principal: principalLabel })}{' '}
          <button type="button" className="button secondary small" onClick={() => showOnMap(nodeId.inline(ownerNode, outcome.name))}>
            {t('audit.generate.showAdded')}
          </button>
        </p>
      ) : outcome ? (
        <p className="audit-failed" role="alert">
          {t('audit.generate.failed', { message: outcome.message })}
        </p>
      ) : null}
    </div>
  );
}
