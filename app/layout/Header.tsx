/** The top bar: the app's name, the workspace (its menu, the File menu, whether it is saved), the world's title, and the language switch. */
import { Icon } from '../components/Icon';
import { useLang, useT } from '../i18n';
import { useAppStore } from '../store';
import { LanguageSwitch } from './LanguageSwitch';
import { WorkspaceBar } from '../workspace/WorkspaceBar';
import type { LocalizedText } from '../../engine/scenario/types';
import type { Lang } from '../i18n/language';

export function localized(text: LocalizedText | undefined, lang: Lang): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return text[lang] ?? text.en ?? text.ko;
}

export function Header() {
  const t = useT();
  const lang = useLang();
  const title = useAppStore((s) => localized(s.world?.title, lang));
  return (
    <header className="app-header">
      <a className="skip-link" href="#request-console">
        {t('app.skipToRequest')}
      </a>
      <div className="brand">
        <span className="brand-mark">
          <Icon name="logo" size={22} />
        </span>
        <div>
          <p className="brand-name">{t('app.name')}</p>
          <p className="brand-tagline">{t('app.tagline')}</p>
        </div>
      </div>
      <WorkspaceBar />
      {title ? (
        <p className="world-title">
          <span className="world-title-label">{t('world.label')}</span>
          <span className="world-title-name">{title}</span>
        </p>
      ) : null}
      <LanguageSwitch />
    </header>
  );
}
