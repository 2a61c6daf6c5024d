/**
 * The request console's form: a principal of the world, an action, a resource (chosen or
 * typed). Submitting sends `evaluate` to the engine; the examples of the scenario fill it.
 */
import { useId, useMemo, type FormEvent } from 'react';
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { actionChoices, principalChoices, resourceChoices } from '../world/choices';
import { runRequest } from './runRequest';

export function RequestForm() {
  const t = useT();
  const ids = useId();
  const world = useAppStore((s) => s.world);
  const draft = useAppStore((s) => s.draft);
  const running = useAppStore((s) => s.result.state === 'running');
  const setDraft = useAppStore((s) => s.setDraft);

  const principals = useMemo(() => (world ? principalChoices(world) : []), [world]);
  const resources = useMemo(() => (world ? resourceChoices(world) : []), [world]);
  const actions = useMemo(() => (world ? actionChoices(world) : []), [world]);
  const complete = draft.principal.trim() !== '' && draft.action.trim() !== '' && draft.resource.trim() !== '';
  const known = principals.some((p) => p.arn === draft.principal);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!complete || running) return;
    const example = draft.exampleId !== undefined ? world?.requests?.find((r) => r.id === draft.exampleId) : undefined;
    const request = example ? { ...example, expect: undefined } : { principal: draft.principal.trim(), action: draft.action.trim(), resource: draft.resource.trim() };
    void runRequest(request, { expected: example?.expect });
  };

  const groups = (['users', 'roots', 'roles'] as const).map((group) => ({ group, items: principals.filter((p) => p.group === group) }));

  return (
    <form className="request-form" onSubmit={submit} aria-describedby={`${ids}-intro`}>
      <p id={`${ids}-intro`} className="muted">
        {t('request.intro')}
      </p>
      <div className="field">
        <label htmlFor={`${ids}-principal`}>{t('request.principal')}</label>
        <select id={`${ids}-principal`} value={draft.principal} onChange={(e) => setDraft({ principal: e.target.value })} aria-describedby={`${ids}-principal-hint`}>
          <option value="" disabled>
            {t('request.principalChoose')}
          </option>
          {/* A principal typed in an example but absent from the world stays selectable. */}
          {!known && draft.principal ? <option value={draft.principal}>{draft.principal}</option> : null}
          {groups.map(({ group, items }) =>
            items.length > 0 ? (
              <optgroup key={group} label={t(group === 'users' ? 'request.users' : group === 'roots' ? 'request.roots' : 'request.roles')}>
                {items.map((p) => (
                  <option key={p.arn} value={p.arn}>
                    {p.label}
                  </option>
                ))}
              </optgroup>
            ) : null,
          )}
        </select>
        <p id={`${ids}-principal-hint`} className="hint">
          {draft.principal ? <code>{draft.principal}</code> : t('request.principalHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-action`}>{t('request.action')}</label>
        <input
          id={`${ids}-action`}
          value={draft.action}
          onChange={(e) => setDraft({ action: e.target.value })}
          list={`${ids}-actions`}
          placeholder="s3:GetObject"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${ids}-action-hint`}
        />
        <datalist id={`${ids}-actions`}>
          {actions.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <p id={`${ids}-action-hint`} className="hint">
          {t('request.actionHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-resource`}>{t('request.resource')}</label>
        <input
          id={`${ids}-resource`}
          value={draft.resource}
          onChange={(e) => setDraft({ resource: e.target.value })}
          list={`${ids}-resources`}
          placeholder="arn:aws:s3:::bucket/key"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${ids}-resource-hint`}
        />
        <datalist id={`${ids}-resources`}>
          {resources.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
        <p id={`${ids}-resource-hint`} className="hint">
          {t('request.resourceHint')}
        </p>
      </div>
      <button type="submit" className="button primary" disabled={!complete || running} aria-describedby={complete ? undefined : `${ids}-missing`}>
        <Icon name="send" size={16} />
        {running ? t('request.running') : t('request.submit')}
      </button>
      {!complete ? (
        <p id={`${ids}-missing`} className="hint">
          {t('request.missing')}
        </p>
      ) : null}
    </form>
  );
}
