/**
 * An IAM user's credentials: the console password (set or not, never shown), access keys
 * (at most two, each Active or Inactive; the secret shown once) and MFA (a device the
 * world only knows of, or virtual devices with a TOTP seed shown once).
 */
import { type FormEvent, useId, useRef, useState } from 'react';
import type { UserJson } from '../../engine/scenario/types';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { newAccessKeyId, newMfaSeed, newSecretAccessKey, mfaSerial } from './credentials';
import { worldNow } from './lookup';
import { focusLater, keepFocusInSection } from './ui/focus';
import { IconButton, Item, ItemList, useActionProblem } from './ui/lists';
import { ActionIcon } from './ui/icons';
import { ProblemText } from './ui/Problem';
import { type SecretLine, SecretReveal } from './ui/SecretReveal';
import { Section } from './ui/Section';
import { type Problem, useEdits } from './useEdits';

interface Props {
  readonly account: string;
  readonly user: UserJson;
}

/** A one-line form: a field and a button, Enter submits. */
function LineForm({ label, hint, button, type = 'text', autoComplete = 'off', focusKey, onSubmit }: {
  readonly label: string;
  readonly hint: string;
  readonly button: string;
  readonly type?: 'text' | 'password';
  readonly autoComplete?: string;
  readonly focusKey?: string;
  readonly onSubmit: (text: string) => Problem | null;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text === '') return;
    const refused = onSubmit(text);
    setProblem(refused);
    if (refused) return;
    setText('');
    if (input.current?.isConnected) input.current.focus();
  };
  return (
    <form className="inspector-field" onSubmit={submit}>
      <label htmlFor={`${id}-input`}>{label}</label>
      <div className="inspector-add">
        <input
          ref={input}
          id={`${id}-input`}
          className="inspector-input mono"
          type={type}
          data-focus-key={focusKey}
          value={text}
          autoComplete={autoComplete}
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
          onChange={(e) => {
            setText(e.target.value);
            setProblem(null);
          }}
        />
        <button type="submit" className="button secondary small" disabled={text === ''}>
          {button}
        </button>
      </div>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      <ProblemText id={`${id}-problem`} problem={problem} />
    </form>
  );
}

function Password({ account, user }: Props) {
  const t = useT();
  const edits = useEdits();
  const [problem, setProblem, problemId] = useActionProblem();
  const set = user.password !== undefined;
  return (
    <Section title={t('inspector.password.title')}>
      <p className="inspector-status">
        <span className={`status-badge ${set ? 'on' : 'off'}`}>{t(set ? 'inspector.password.set' : 'inspector.password.notSet')}</span>
        {set ? (
          <button
            type="button"
            className="button secondary small"
            onClick={(e) => {
              const button = e.currentTarget;
              setProblem(edits.run({ op: 'setConsolePassword', account, user: user.name, password: null }));
              keepFocusInSection(button);
            }}
          >
            {t('inspector.password.remove')}
          </button>
        ) : null}
      </p>
      <ProblemText id={problemId} problem={problem} />
      <LineForm
        label={t(set ? 'inspector.password.change' : 'inspector.password.new')}
        hint={t('inspector.rule.password')}
        button={t('inspector.password.save')}
        type="password"
        autoComplete="new-password"
        onSubmit={(password) => edits.run({ op: 'setConsolePassword', account, user: user.name, password })}
      />
    </Section>
  );
}

function AccessKeys({ account, user }: Props) {
  const t = useT();
  const edits = useEdits();
  const [problem, setProblem, problemId] = useActionProblem();
  const [created, setCreated] = useState<readonly SecretLine[] | null>(null);
  const keys = user.accessKeys ?? [];

  const create = () => {
    const world = useAppStore.getState().world;
    if (!world) return;
    const key = { id: newAccessKeyId(), secret: newSecretAccessKey(), status: 'Active' as const, created: worldNow(world) };
    const refused = edits.run({ op: 'createAccessKey', account, user: user.name, key });
    setProblem(refused);
    if (!refused) setCreated([{ label: t('inspector.keys.id'), value: key.id }, { label: t('inspector.keys.secret'), value: key.secret }]);
  };

  return (
    <Section title={t('inspector.keys.title')} count={keys.length}>
      <ItemList empty={t('inspector.keys.none')}>
        {keys.map((key) => {
          const active = (key.status ?? 'Active') === 'Active';
          return (
            <Item key={key.id} name={key.id} mono note={<span className={`status-badge ${active ? 'on' : 'off'}`}>{t(active ? 'inspector.keys.active' : 'inspector.keys.inactive')}</span>}>
              <IconButton
                icon={active ? 'pause' : 'play'}
                label={t(active ? 'inspector.keys.deactivate' : 'inspector.keys.activate', { id: key.id })}
                onClick={() => setProblem(edits.run({ op: 'setAccessKeyStatus', account, user: user.name, keyId: key.id, status: active ? 'Inactive' : 'Active' }))}
              />
              <IconButton icon="trash" danger label={t('inspector.keys.delete', { id: key.id })} onClick={() => setProblem(edits.run({ op: 'deleteAccessKey', account, user: user.name, keyId: key.id }))} />
            </Item>
          );
        })}
      </ItemList>
      <ProblemText id={problemId} problem={problem} />
      {created ? (
        <SecretReveal
          title={t('inspector.keys.created')}
          note={t('inspector.keys.createdNote')}
          lines={created}
          onDone={() => {
            setCreated(null);
            focusLater('create-access-key');
          }}
        />
      ) : (
        <button type="button" className="button secondary small inspector-more" data-focus-key="create-access-key" onClick={create}>
          <ActionIcon name="key" />
          {t('inspector.keys.create')}
        </button>
      )}
      <p className="hint">{t('inspector.keys.hint')}</p>
    </Section>
  );
}

function Mfa({ account, user }: Props) {
  const t = useT();
  const edits = useEdits();
  const id = useId();
  const [problem, setProblem, problemId] = useActionProblem();
  const [seed, setSeed] = useState<readonly SecretLine[] | null>(null);
  const devices = user.mfaDevices ?? [];
  return (
    <Section title={t('inspector.mfa.title')} count={devices.length}>
      <div className="inspector-check">
        <input id={`${id}-mfa`} type="checkbox" checked={user.mfa === true} aria-describedby={`${id}-mfa-hint`} onChange={(e) => setProblem(edits.run({ op: 'setMfa', account, user: user.name, mfa: e.target.checked }))} />
        <label htmlFor={`${id}-mfa`}>{t('inspector.mfa.flag')}</label>
      </div>
      <p id={`${id}-mfa-hint`} className="hint">
        {t('inspector.mfa.flagHint')}
      </p>
      <ItemList empty={t('inspector.mfa.none')}>
        {devices.map((d) => (
          <Item key={d.serial} name={d.serial} mono>
            <IconButton icon="trash" danger label={t('inspector.mfa.remove', { serial: d.serial })} onClick={() => setProblem(edits.run({ op: 'removeMfaDevice', account, user: user.name, serial: d.serial }))} />
          </Item>
        ))}
      </ItemList>
      <ProblemText id={problemId} problem={problem} />
      {seed ? (
        <SecretReveal
          title={t('inspector.mfa.created')}
          note={t('inspector.mfa.createdNote')}
          lines={seed}
          onDone={() => {
            setSeed(null);
            focusLater('add-mfa-device');
          }}
        />
      ) : (
        <LineForm
          label={t('inspector.mfa.add')}
          hint={t('inspector.rule.mfaName')}
          focusKey="add-mfa-device"
          button={t('inspector.add')}
          onSubmit={(name) => {
            const device = { serial: mfaSerial(account, name), seed: newMfaSeed() };
            const refused = edits.run({ op: 'addMfaDevice', account, user: user.name, ...device });
            if (!refused) setSeed([{ label: t('inspector.mfa.serial'), value: device.serial }, { label: t('inspector.mfa.seed'), value: device.seed }]);
            return refused;
          }}
        />
      )}
    </Section>
  );
}

export function UserCredentials(props: Props) {
  return (
    <>
      <Password {...props} />
      <AccessKeys {...props} />
      <Mfa {...props} />
    </>
  );
}
