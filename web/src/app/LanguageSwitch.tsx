import { type Lang, useI18n } from '../i18n/i18n-context.tsx';

const LANGS: { lang: Lang; label: string }[] = [
  { lang: 'vi', label: 'Tiếng Việt' },
  { lang: 'en', label: 'English' },
];

/** Two toggle buttons; each language name is written in that language. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t('header.language')}</legend>
      {LANGS.map((item) => (
        <button
          key={item.lang}
          type="button"
          lang={item.lang}
          aria-pressed={lang === item.lang}
          className="lang-switch__button"
          onClick={() => setLang(item.lang)}
        >
          {item.label}
        </button>
      ))}
    </fieldset>
  );
}
