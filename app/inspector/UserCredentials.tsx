/**
 * An IAM user's credentials: the console password (set or not, never shown), access keys
 * (at most two, each Active or Inactive; the secret shown once) and MFA (a device the
 * world only knows of, or virtual devices with a TOTP seed shown once). The sections are
 * shared with the root user (./CredentialSections.tsx); the "has an MFA device" flag is an
 * IAM user's only.
 */
import { useId, useMemo } from 'react';
import type { UserJson } from '../../engine/scenario/types';
import { useT } from '../i18n';
import { userCredentialEdits } from './credentialEdits';
import { AccessKeysSection, MfaDevicesSection, PasswordSection } from './CredentialSections';
import { useActionProblem } from './ui/lists';
import { ProblemText } from './ui/Problem';
import { useEdits } from './useEdits';

interface Props {
  readonly account: string;
  readonly user: UserJson;
}

/** MFA on or off in the learner's model, without a real device (`mfa: true`). */
function MfaFlag({ account, user }: Props) {
  const t = useT();
  const runner = useEdits();
  const id = useId();
  const [problem, setProblem, problemId] = useActionProblem();
  return (
    <>
      <div className="inspector-check">
        <input id={`${id}-mfa`} type="checkbox" checked={user.mfa === true} aria-describedby={`${id}-mfa-hint`} onChange={(e) => setProblem(runner.run({ op: 'setMfa', account, user: user.name, mfa: e.target.checked }))} />
        <label htmlFor={`${id}-mfa`}>{t('inspector.mfa.flag')}</label>
      </div>
      <p id={`${id}-mfa-hint`} className="hint">
        {t('inspector.mfa.flagHint')}
      </p>
      <ProblemText id={problemId} problem={problem} />
    </>
  );
}

export function UserCredentials({ account, user }: Props) {
  const t = useT();
  const edits = useMemo(() => userCredentialEdits(account, user.name), [account, user.name]);
  return (
    <>
      <PasswordSection edits={edits} set={user.password !== undefined} rule={t('inspector.rule.password')} />
      <AccessKeysSection edits={edits} keys={user.accessKeys ?? []} hint={t('inspector.keys.hint')} empty={t('inspector.keys.none')} />
      <MfaDevicesSection edits={edits} devices={user.mfaDevices ?? []} before={<MfaFlag account={account} user={user} />} />
    </>
  );
}
