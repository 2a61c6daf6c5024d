/**
 * The request console's "signed HTTP request" mode: the learner picks who signs (an access
 * key of the world or an issued session), an action and a resource; the engine signs the
 * request AWS would receive (SigV4); the raw text is then the learner's to read, edit,
 * tamper with or replace by a pasted one, and Run sends it: the engine authenticates it
 * (and the decision view shows where it failed, if it did). Nothing is judged here.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Icon } from '../../components/Icon';
import { SuggestField } from '../../components/SuggestField';
import { engine } from '../../engine/engine';
import { flushWorld } from '../../engine/syncWorld';
import { useT } from '../../i18n';
import { useAppStore } from '../../store';
import { actionChoices, resourceChoices } from '../../world/choices';
import { runRequest } from '../runRequest';
import { RequestPartsList } from './RequestPartsList';
import { signingIdentities, type SigningIdentity } from './signingIdentities';
import './http.css';

const NO_CHOICES: readonly string[] = [];

export function HttpRequestPanel() {
  const t = useT();
  const ids = useId();
  const world = useAppStore((s) => s.world);
  const sessions = useAppStore((s) => s.sessions);
  const initialAction = useAppStore((s) => s.draft.action);
  const initialResource = useAppStore((s) => s.draft.resource);
  const running = useAppStore((s) => s.result.state === 'running');
  const setMainView = useAppStore((s) => s.setMainView);

  const identities = useMemo(() => signingIdentities(world, sessions), [world, sessions]);
  const actions = useMemo(() => (world ? actionChoices(world) : NO_CHOICES), [world]);
  const resources = useMemo(() => (world ? resourceChoices(world) : NO_CHOICES), [world]);

  const [accessKeyId, setAccessKeyId] = useState('');
  const [action, setAction] = useState(initialAction);
  const [resource, setResource] = useState(initialResource);
  const [region, setRegion] = useState('');
  const [text, setText] = useState('');
  const [signing, setSigning] = useState(false);
  const [signError, setSignError] = useState<string | null>(null);
  const [signedFor, setSignedFor] = useState<string | null>(null);

  const chosen = identities.some((i) => i.accessKeyId === accessKeyId);
  const canSign = chosen && action.trim() !== '' && resource.trim() !== '' && !signing;
  const canRun = text.trim() !== '' && action.trim() !== '' && resource.trim() !== '' && !running;

  const sign = async () => {
    if (!canSign) return;
    setSigning(true);
    setSignError(null);
    try {
      // The engine must sign in the world on screen (a new session, a key just added).
      await flushWorld();
      const response = await engine.call({
        type: 'signRequest',
        accessKeyId,
        action: action.trim(),
        resource: resource.trim(),
        ...(region.trim() !== '' ? { region: region.trim() } : {}),
      });
      if (response.type !== 'requestSigned') throw new Error(`Unexpected answer \`${response.type}\` to a signing request.`);
      setText(response.http);
      setSignedFor(accessKeyId);
    } catch (error) {
      setSignError(error instanceof Error ? error.message : String(error));
    } finally {
      setSigning(false);
    }
  };

  const run = (event: FormEvent) => {
    event.preventDefault();
    if (!canRun) return;
    void runRequest({ http: text, action: action.trim(), resource: resource.trim() }, { source: 'console' });
    setMainView('decision');
  };

  const users = identities.filter((i) => i.kind === 'accessKey' && i.group === 'users');
  const roots = identities.filter((i) => i.kind === 'accessKey' && i.group === 'roots');
  const issued = identities.filter((i) => i.kind === 'session');
  const label = (identity: SigningIdentity): string => {
    if (identity.kind === 'session') {
      return t('http.sessionLabel', { key: identity.accessKeyId, name: identity.name !== undefined ? `$${identity.name}` : identity.arn, expiration: identity.expiration });
    }
    const status = identity.status === 'Active' ? t('http.status.active') : t('http.status.inactive');
    return t(identity.secretKnown ? 'http.keyLabel' : 'http.keyLabelNoSecret', { key: identity.accessKeyId, owner: identity.owner, account: identity.account, status });
  };
  const groups = [
    { key: 'users', title: t('http.identityUsers'), items: users },
    { key: 'roots', title: t('http.identityRoots'), items: roots },
    { key: 'sessions', title: t('http.identitySessions'), items: issued },
  ] as const;

  return (
    <form className="http-panel" onSubmit={run} aria-describedby={`${ids}-intro`}>
      <p id={`${ids}-intro`} className="muted">
        {t('http.intro')}
      </p>
      <div className="field">
        <label htmlFor={`${ids}-identity`}>{t('http.identity')}</label>
        <select id={`${ids}-identity`} value={accessKeyId} onChange={(e) => setAccessKeyId(e.target.value)} aria-describedby={`${ids}-identity-hint`}>
          <option value="" disabled>
            {t('http.identityChoose')}
          </option>
          {groups.map(({ key, title, items }) =>
            items.length > 0 ? (
              <optgroup key={key} label={title}>
                {items.map((identity) => (
                  <option key={identity.accessKeyId} value={identity.accessKeyId}>
                    {label(identity)}
                  </option>
                ))}
              </optgroup>
            ) : null,
          )}
        </select>
        <p id={`${ids}-identity-hint`} className="hint">
          {identities.length === 0 ? t('http.noIdentities') : t('http.identityHint')}
        </p>
      </div>
      <SuggestField id={`${ids}-action`} label={t('http.action')} value={action} onChange={setAction} suggestions={actions} placeholder="s3:GetObject" />
      <SuggestField id={`${ids}-resource`} label={t('http.resource')} value={resource} onChange={setResource} suggestions={resources} placeholder="arn:aws:s3:::bucket/key" />
      <div className="field">
        <label htmlFor={`${ids}-region`}>{t('http.region')}</label>
        <input
          id={`${ids}-region`}
          value={region}
          onChange={(e) => setRegion(e.target.value)}
          placeholder="us-east-1"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${ids}-region-hint`}
        />
        <p id={`${ids}-region-hint`} className="hint">
          {t('http.regionHint')}
        </p>
      </div>
      <div className="http-actions">
        <button type="button" className="button secondary" onClick={() => void sign()} disabled={!canSign}>
          {signing ? t('http.signing') : t('http.sign')}
        </button>
      </div>
      {signError !== null ? (
        <p className="inline-error" role="alert">
          <Icon name="error" size={16} />
          <span>{t('http.signFailed', { message: signError })}</span>
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${ids}-text`}>{t('http.text')}</label>
        <textarea
          id={`${ids}-text`}
          className="http-text"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setSignedFor(null);
          }}
          rows={14}
          spellCheck={false}
          autoComplete="off"
          placeholder={t('http.textPlaceholder')}
          aria-describedby={`${ids}-text-hint`}
        />
        <p id={`${ids}-text-hint`} className="hint">
          {signedFor !== null ? t('http.signedHint', { key: signedFor }) : t('http.textHint')}
        </p>
      </div>
      <button type="submit" className="button primary" disabled={!canRun} aria-describedby={canRun ? undefined : `${ids}-missing`}>
        <Icon name="send" size={16} />
        {running ? t('http.running') : t('http.run')}
      </button>
      {!canRun && !running ? (
        <p id={`${ids}-missing`} className="hint">
          {t('http.missing')}
        </p>
      ) : null}
      <RequestPartsList text={text} />
    </form>
  );
}
