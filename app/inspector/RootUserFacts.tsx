/**
 * An account's root user: its credentials, read-only. AWS recommends that the root user
 * have no access keys and an MFA device ("Root user best practices for your AWS account").
 */
import type { AccountJson } from '../../engine/scenario/types';
import { useT } from '../i18n';
import { useAppStore } from '../store';
import { nodeId } from '../world/ids';
import { Item, ItemList } from './ui/lists';
import { Fact, Section } from './ui/Section';

export function RootUserFacts({ account, withLink = false }: { readonly account: AccountJson; readonly withLink?: boolean }) {
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
        <>
          <ItemList empty="">
            {keys.map((k) => (
              <Item key={k.id} name={k.id} mono note={t((k.status ?? 'Active') === 'Active' ? 'inspector.keys.active' : 'inspector.keys.inactive')} />
            ))}
          </ItemList>
          <p className="inspector-warning" role="note">
            {t('inspector.root.keysWarning')}
          </p>
        </>
      ) : (
        <p className="hint">{t('inspector.root.noKeys')}</p>
      )}
      {devices.length > 0 ? (
        <ItemList empty="">
          {devices.map((d) => (
            <Item key={d.serial} name={d.serial} mono />
          ))}
        </ItemList>
      ) : (
        <p className="inspector-warning" role="note">
          {t('inspector.root.noMfa')}
        </p>
      )}
      {withLink ? (
        <button type="button" className="button secondary small inspector-more" onClick={() => select(nodeId.root(account.id))}>
          {t('inspector.root.open')}
        </button>
      ) : null}
      <p className="hint">{t('inspector.root.readOnly')}</p>
    </Section>
  );
}
