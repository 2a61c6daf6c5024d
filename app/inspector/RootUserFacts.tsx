/**
 * An account's root user and its credentials. AWS recommends that the root user have no
 * access keys and an MFA device ("Root user best practices for your AWS account"): the
 * inspector says so next to each, and lets the learner follow the advice — deactivate or
 * delete a key, add an MFA device — or break it to see why (every change undoable).
 *
 * `withLink` (the account's inspector) shows a summary and a way to the root user itself,
 * where the credentials are edited, so they are edited in one place.
 */
import { useMemo } from 'react';
import type { AccountJson } from '../../engine/scenario/types';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { nodeId } from '../world/ids';
import { rootCredentialEdits } from './credentialEdits';
import { AccessKeysSection, MfaDevicesSection, PasswordSection } from './CredentialSections';
import { Fact, Section } from './ui/Section';

/** The account's inspector: how the root user stands against AWS's advice, and a button to open it. */
function RootUserSummary({ account }: { readonly account: AccountJson }) {
  const t = useT();
  const select = useAppStore((s) => s.select);
  const root = account.root ?? {};
  const keys = root.accessKeys ?? [];
  const devices = root.mfaDevices ?? [];
  return (
    <Section title={t('kind.root')}>
      <dl className="inspector-facts">
        <Fact label={t('inspector.password.title')}>{t(root.password !== undefined ? 'inspector.password.set' : 'inspector.password.notSet')}</Fact>
        <Fact label={t('inspector.keys.title')}>{keys.length}</Fact>
        <Fact label={t('inspector.mfa.title')}>{devices.length}</Fact>
      </dl>
      {keys.length > 0 ? (
        <p className="inspector-warning" role="note">
          {t('inspector.root.keysWarning')}
        </p>
      ) : null}
      {devices.length === 0 ? (
        <p className="inspector-warning" role="note">
          {t('inspector.root.noMfa')}
        </p>
      ) : null}
      <button type="button" className="button secondary small inspector-more" onClick={() => select(nodeId.root(account.id))}>
        {t('inspector.root.open')}
      </button>
    </Section>
  );
}

export function RootUserFacts({ account, withLink = false }: { readonly account: AccountJson; readonly withLink?: boolean }) {
  const t = useT();
  const edits = useMemo(() => rootCredentialEdits(account.id), [account.id]);
  if (withLink) return <RootUserSummary account={account} />;
  const root = account.root ?? {};
  return (
    <>
      {/* Why the root user matters, before its credentials: padded as a section, no heading (the panel's names the root user). */}
      <div className="inspector-section">
        <p className="hint">{t('inspector.root.about')}</p>
      </div>
      <PasswordSection edits={edits} set={root.password !== undefined} rule={t('inspector.rule.rootPassword')} />
      <AccessKeysSection edits={edits} keys={root.accessKeys ?? []} hint={t('inspector.root.keysHint')} empty={t('inspector.root.noKeys')} warning={t('inspector.root.keysWarning')} />
      <MfaDevicesSection edits={edits} devices={root.mfaDevices ?? []} warning={t('inspector.root.noMfa')} />
    </>
  );
}
