/** 한국어 / English: a two-option radio group; the choice is remembered. */
import { useId } from 'react';
import { Icon } from '../components/Icon';
import { useT } from '../i18n';
import { LANGUAGES } from '../i18n/language';
import { useAppStore } from '../store';

export function LanguageSwitch() {
  const t = useT();
  const id = useId();
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  return (
    <fieldset className="lang-switch">
      <legend id={id} className="visually-hidden">
        {t('lang.label')}
      </legend>
      <Icon name="globe" size={16} />
      {LANGUAGES.map((lang) => (
        <label key={lang} className={lang === language ? 'is-active' : undefined} lang={lang}>
          <input type="radio" name={`${id}-lang`} value={lang} checked={lang === language} onChange={() => setLanguage(lang)} />
          {t(`lang.${lang}`)}
        </label>
      ))}
    </fieldset>
  );
}
