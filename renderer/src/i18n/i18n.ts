import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from './de.ts';
import type { UiLanguage } from '../../../common/languages.ts';
import { en } from './en.ts';

// One home for which languages ship and how one is picked: main's own words use the same (common/languages.ts).
export { pickLanguage, shippedLanguages, type ShippedLanguage, type UiLanguage } from '../../../common/languages.ts';

/** Marks around every catalog string in the pseudo-locale: text without them did not come from a catalog. */
export const pseudoMarks = { open: '⟦', close: '⟧' } as const;

/** Started once before the first render; switching language later is `i18n.changeLanguage`. */
export const i18n: I18n = i18next.createInstance();
void i18n
  .use(initReactI18next)
  .use({
    type: 'postProcessor',
    name: 'pseudo',
    process: (value: string) => `${pseudoMarks.open}${value}${pseudoMarks.close}`,
  })
  .init({
    resources: { en: { translation: en }, de: { translation: de }, pseudo: { translation: en } },
    lng: 'en',
    fallbackLng: 'en',
    // React escapes what it renders; escaping here too would show &amp; to the user.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });

/** Pseudo marks every string from the catalogs (and every main-process message it passes on). */
export function applyLanguage(language: UiLanguage): void {
  i18n.options.postProcess = language === 'pseudo' ? ['pseudo'] : [];
  void i18n.changeLanguage(language);
  document.documentElement.lang = language === 'pseudo' ? 'en' : language;
}

/**
 * Marks text the app formatted itself through Intl (sizes, dates, counts) in the pseudo-locale,
 * as the catalogs' strings are: the hard-coded-string check then tells it from text typed into a component.
 */
export function localized(text: string): string {
  return i18n.language === 'pseudo' ? `${pseudoMarks.open}${text}${pseudoMarks.close}` : text;
}

/** The BCP 47 tag Intl formats with: the UI language, never the machine's unrelated default. */
export function intlLocale(): string {
  return i18n.language === 'pseudo' ? 'en' : i18n.language;
}
