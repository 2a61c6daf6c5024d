/**
 * The credential sections of the inspector, shared by an IAM user and an account's root
 * user: the console password (set or not, never shown), access keys (at most two, each
 * Active or Inactive; the secret shown once) and virtual MFA devices (the TOTP seed shown
 * once). Which identity they change is a `CredentialEdits` (./credentialEdits.ts); what
 * differs in the words (a root user's password rule, AWS's advice against root access
 * keys) comes in as props.
 */
import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import type { AccessKeyJson, MfaDeviceJson } from '../../engine/scenario/types';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import type { CredentialEdits } from './credentialEdits';
import { newAccessKeyId, newMfaSeed, newSecretAccessKey, mfaSerial } from './credentials';
import { worldNow } from './lookup';
import { focusLater, keepFocusInSection } from './ui/focus';
import { IconButton, Item, ItemList, useActionProblem } from './ui/lists';
import { ActionIcon } from './ui/icons';
import { ProblemText } from './ui/Problem';
import { type SecretLine, SecretReveal } from './ui/SecretReveal';
import { Section } from './ui/Section';
import { type Problem, useEdits } from './useEdits';

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

/** A note AWS's advice gives (e.g. "no access keys for the root user"): shown as a warning, read as a note. */
function Warning({ children }: { readonly children: ReactNode }) {
  return (
    <p className="inspector-warning" role="note">
      {children}
    </p>
  );
}

/** The console password: set or not (never shown), change it, remove it. `rule` is the password rule in words. */
export function PasswordSection({ edits, set, rule }: { readonly edits: CredentialEdits; readonly set: boolean; readonly rule: string }) {
  const t = useT();
  const runner = useEdits();
  const [problem, setProblem, problemId] = useActionProblem();
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
              setProblem(runner.run(edits.setPassword(null)));
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
        hint={rule}
        button={t('inspector.password.save')}
        type="password"
        autoComplete="new-password"
        onSubmit={(password) => runner.run(edits.setPassword(password))}
      />
    </Section>
  );
}

/**
 * Access keys: each Active or Inactive, deactivate/activate, delete, create one (its
 * secret shown once). `warning` is shown while there are keys (the root user should have
 * none); `empty` says what no key means.
 */
export function AccessKeysSection({ edits, keys, hint, empty, warning }: {
  readonly edits: CredentialEdits;
  readonly keys: readonly AccessKeyJson[];
  readonly hint: string;
  readonly empty: string;
  readonly warning?: string;
}) {
  const t = useT();
  const runner = useEdits();
  const [problem, setProblem, problemId] = useActionProblem();
  const [created, setCreated] = useState<readonly SecretLine[] | null>(null);

  const create = () => {
    const world = useAppStore.getState().world;
    if (!world) return;
    const key = { id: newAccessKeyId(), secret: newSecretAccessKey(), status: 'Active' as const, created: worldNow(world) };
    const refused = runner.run(edits.createKey(key));
    setProblem(refused);
    if (!refused) setCreated([{ label: t('inspector.keys.id'), value: key.id }, { label: t('inspector.keys.secret'), value: key.secret }]);
  };

  return (
    <Section title={t('inspector.keys.title')} count={keys.length}>
      <ItemList empty={empty}>
        {keys.map((key) => {
          const active = (key.status ?? 'Active') === 'Active';
          return (
            <Item key={key.id} name={key.id} mono note={<span className={`status-badge ${active ? 'on' : 'off'}`}>{t(active ? 'inspector.keys.active' : 'inspector.keys.inactive')}</span>}>
              <IconButton
                icon={active ? 'pause' : 'play'}
                label={t(active ? 'inspector.keys.deactivate' : 'inspector.keys.activate', { id: key.id })}
                onClick={() => setProblem(runner.run(edits.setKeyStatus(key.id, active ? 'Inactive' : 'Active')))}
              />
              <IconButton icon="trash" danger label={t('inspector.keys.delete', { id: key.id })} onClick={() => setProblem(runner.run(edits.deleteKey(key.id)))} />
            </Item>
          );
        })}
      </ItemList>
      {warning && keys.length > 0 ? <Warning>{warning}</Warning> : null}
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
      <p className="hint">{hint}</p>
    </Section>
  );
}

/**
 * Virtual MFA devices: the list, remove one, add one by name (its seed shown once).
 * `before` goes above the list (an IAM user's "has an MFA device" flag); `warning` is shown
 * while there is no device (the root user should have one).
 */
export function MfaDevicesSection({ edits, devices, before, warning }: {
  readonly edits: CredentialEdits;
  readonly devices: readonly MfaDeviceJson[];
  readonly before?: ReactNode;
  readonly warning?: string;
}) {
  const t = useT();
  const runner = useEdits();
  const [problem, setProblem, problemId] = useActionProblem();
  const [seed, setSeed] = useState<readonly SecretLine[] | null>(null);
  return (
    <Section title={t('inspector.mfa.title')} count={devices.length}>
      {before}
      <ItemList empty={t('inspector.mfa.none')}>
        {devices.map((d) => (
          <Item key={d.serial} name={d.serial} mono>
            <IconButton icon="trash" danger label={t('inspector.mfa.remove', { serial: d.serial })} onClick={() => setProblem(runner.run(edits.removeDevice(d.serial)))} />
          </Item>
        ))}
      </ItemList>
      {warning && devices.length === 0 ? <Warning>{warning}</Warning> : null}
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
            const device = { serial: mfaSerial(edits.account, name), seed: newMfaSeed() };
            const refused = runner.run(edits.addDevice(device.serial, device.seed));
            if (!refused) setSeed([{ label: t('inspector.mfa.serial'), value: device.serial }, { label: t('inspector.mfa.seed'), value: device.seed }]);
            return refused;
          }}
        />
      )}
    </Section>
  );
}
