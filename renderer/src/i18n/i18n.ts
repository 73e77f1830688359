import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from './de.ts';
import { en } from './en.ts';

/** The languages shipped complete; `pseudo` is for tests (every catalog string visibly marked). */
export const shippedLanguages = ['en', 'de'] as const;
export type ShippedLanguage = (typeof shippedLanguages)[number];
export type UiLanguage = ShippedLanguage | 'pseudo';

/** Marks around every catalog string in the pseudo-locale: text without them did not come from a catalog. */
export const pseudoMarks = { open: '⟦', close: '⟧' } as const;

/** The first of the user's preferred languages we ship (en-GB → en, de-AT → de), English otherwise. */
export function pickLanguage(preferred: readonly string[]): ShippedLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    const shipped = shippedLanguages.find((language) => language === base);
    if (shipped) return shipped;
  }
  return 'en';
}

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
