/**
 * Who calls: one picker grouped as the learner thinks of callers — IAM users, root users,
 * role sessions, the sessions STS issued in this world (`$NAME`), and other callers (a
 * federated user, an anonymous caller, an AWS service, any principal typed). An IAM user or
 * a root user may call from a console session, signed in with the world's password, with
 * or without MFA.
 */
import { useMemo } from 'react';
import { useT } from '../../i18n';
import { useAppStore } from '../../store';
import { principalChoices, signInCredentials, userChoices } from '../../world/choices';
import { canSignIn } from './buildRequest';
import type { CallerKind } from './draft';
import { describedBy, FieldProblem } from './FieldProblem';

/** Option values of the callers that are not a listed principal. */
const OTHER: Readonly<Record<Exclude<CallerKind, 'listed'>, string>> = {
  federated: '#federated',
  anonymous: '#anonymous',
  service: '#service',
  typed: '#typed',
};

const SERVICES = ['cloudtrail.amazonaws.com', 'config.amazonaws.com', 'lambda.amazonaws.com', 'ec2.amazonaws.com', 'logging.s3.amazonaws.com', 'delivery.logs.amazonaws.com', 'sns.amazonaws.com', 'events.amazonaws.com'];

export function CallerPicker({ ids, problem, federatedProblems }: { readonly ids: string; readonly problem?: string; readonly federatedProblems: { readonly name?: string; readonly issuer?: string } }) {
  const t = useT();
  const world = useAppStore((s) => s.world);
  const sessions = useAppStore((s) => s.sessions);
  const draft = useAppStore((s) => s.draft);
  const setDraft = useAppStore((s) => s.setDraft);
  const principals = useMemo(() => (world ? principalChoices(world) : []), [world]);
  const users = useMemo(() => (world ? userChoices(world) : []), [world]);
  const named = sessions.filter((s) => s.name !== undefined);

  const listed = draft.callerKind === 'listed';
  const principal = draft.principal.trim();
  const known = principals.some((p) => p.arn === principal) || named.some((s) => `$${s.name}` === principal);
  const value = listed ? principal : OTHER[draft.callerKind];
  const groups = (['users', 'roots', 'roles'] as const).map((group) => ({ group, items: principals.filter((p) => p.group === group) }));

  const choose = (next: string) => {
    const other = (Object.keys(OTHER) as (keyof typeof OTHER)[]).find((k) => OTHER[k] === next);
    if (other) setDraft({ callerKind: other, principal: other === 'service' ? SERVICES[0]! : other === 'typed' ? principal : '' });
    else setDraft({ callerKind: 'listed', principal: next });
  };

  const signInAllowed = canSignIn(draft);
  const credentials = world && signInAllowed ? signInCredentials(world, principal) : undefined;
  const signInNotes: string[] = [];
  if (draft.consoleSignIn && signInAllowed) {
    if (credentials?.password === undefined) signInNotes.push(t('console.signIn.noPassword', { principal }));
    if (draft.consoleMfa && credentials?.mfaWithoutSeed) signInNotes.push(t('console.signIn.noSeed', { principal }));
    else if (draft.consoleMfa && (credentials?.mfaDevices.length ?? 0) === 0) signInNotes.push(t('console.signIn.noDevice', { principal }));
  }

  return (
    <div className="console-group">
      <div className="field">
        <label htmlFor={`${ids}-principal`}>{t('request.principal')}</label>
        <select
          id={`${ids}-principal`}
          value={value}
          onChange={(e) => choose(e.target.value)}
          aria-invalid={problem !== undefined && listed}
          aria-describedby={describedBy(`${ids}-principal-hint`, `${ids}-principal-problem`, problem !== undefined && listed)}
        >
          <option value="" disabled>
            {t('request.principalChoose')}
          </option>
          {/* A principal a saved request names but the world lacks stays selectable. */}
          {listed && !known && principal ? <option value={principal}>{t('console.caller.unknown', { principal })}</option> : null}
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
          {named.length > 0 ? (
            <optgroup label={t('console.caller.sessions')}>
              {named.map((s) => (
                <option key={s.name} value={`$${s.name ?? ''}`}>
                  {t('console.caller.sessionLabel', { name: s.name ?? '', arn: s.arn })}
                </option>
              ))}
            </optgroup>
          ) : null}
          <optgroup label={t('console.caller.other')}>
            <option value={OTHER.federated}>{t('console.caller.federated')}</option>
            <option value={OTHER.anonymous}>{t('console.caller.anonymous')}</option>
            <option value={OTHER.service}>{t('console.caller.service')}</option>
            <option value={OTHER.typed}>{t('console.caller.typed')}</option>
          </optgroup>
        </select>
        <p id={`${ids}-principal-hint`} className="hint">
          {draft.callerKind === 'anonymous' ? t('console.caller.anonymousHint') : listed && principal ? <code>{principal}</code> : t('request.principalHint')}
        </p>
        {listed ? <FieldProblem id={`${ids}-principal-problem`} text={problem} /> : null}
      </div>

      {draft.callerKind === 'typed' || draft.callerKind === 'service' ? (
        <div className="field">
          <label htmlFor={`${ids}-typed`}>{t(draft.callerKind === 'service' ? 'console.caller.serviceLabel' : 'console.caller.typedLabel')}</label>
          <input
            id={`${ids}-typed`}
            value={draft.principal}
            onChange={(e) => setDraft({ principal: e.target.value })}
            list={draft.callerKind === 'service' ? `${ids}-services` : undefined}
            placeholder={draft.callerKind === 'service' ? 'cloudtrail.amazonaws.com' : 'arn:aws:iam::111122223333:user/alice'}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem !== undefined}
            aria-describedby={describedBy(`${ids}-typed-hint`, `${ids}-typed-problem`, problem !== undefined)}
          />
          {draft.callerKind === 'service' ? (
            <datalist id={`${ids}-services`}>
              {SERVICES.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          ) : null}
          <p id={`${ids}-typed-hint`} className="hint">
            {t(draft.callerKind === 'service' ? 'console.caller.serviceHint' : 'console.caller.typedHint')}
          </p>
          <FieldProblem id={`${ids}-typed-problem`} text={problem} />
        </div>
      ) : null}

      {draft.callerKind === 'federated' ? (
        <>
          <div className="field">
            <label htmlFor={`${ids}-fed-issuer`}>{t('console.caller.federatedIssuer')}</label>
            <select
              id={`${ids}-fed-issuer`}
              value={draft.federatedIssuer}
              onChange={(e) => setDraft({ federatedIssuer: e.target.value })}
              aria-invalid={federatedProblems.issuer !== undefined}
              aria-describedby={describedBy(undefined, `${ids}-fed-issuer-problem`, federatedProblems.issuer !== undefined)}
            >
              <option value="" disabled>
                {t('console.caller.issuerChoose')}
              </option>
              {users.map((u) => (
                <option key={u.arn} value={u.arn}>
                  {u.label}
                </option>
              ))}
            </select>
            <FieldProblem id={`${ids}-fed-issuer-problem`} text={federatedProblems.issuer} />
          </div>
          <div className="field">
            <label htmlFor={`${ids}-fed-name`}>{t('console.caller.federatedName')}</label>
            <input
              id={`${ids}-fed-name`}
              value={draft.federatedName}
              onChange={(e) => setDraft({ federatedName: e.target.value })}
              placeholder="bob"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={federatedProblems.name !== undefined}
              aria-describedby={describedBy(`${ids}-fed-hint`, `${ids}-fed-name-problem`, federatedProblems.name !== undefined)}
            />
            <p id={`${ids}-fed-hint`} className="hint">
              {t('console.caller.federatedHint')}
            </p>
            <FieldProblem id={`${ids}-fed-name-problem`} text={federatedProblems.name} />
          </div>
        </>
      ) : null}

      {signInAllowed && draft.mode === 'api' ? (
        <fieldset className="console-signin" aria-describedby={`${ids}-signin-hint`}>
          <legend className="visually-hidden">{t('console.signIn')}</legend>
          <label className="console-check">
            <input type="checkbox" checked={draft.consoleSignIn} onChange={(e) => setDraft({ consoleSignIn: e.target.checked })} />
            {t('console.signIn')}
          </label>
          {draft.consoleSignIn ? (
            <label className="console-check console-check-sub">
              <input type="checkbox" checked={draft.consoleMfa} onChange={(e) => setDraft({ consoleMfa: e.target.checked })} />
              {t('console.signIn.mfa')}
            </label>
          ) : null}
          <p id={`${ids}-signin-hint`} className="hint">
            {t('console.signIn.hint')}
          </p>
          {signInNotes.map((note) => (
            <p key={note} className="console-note" role="status">
              {note}
            </p>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
