/**
 * The languages the app ships complete, for the renderer's catalogs and main's own words alike,
 * and how one is chosen from a list of preferred languages. `pseudo` is for tests (every catalog
 * string visibly marked; main's words are English there).
 */
export const shippedLanguages = ['en', 'de'] as const;
export type ShippedLanguage = (typeof shippedLanguages)[number];
export type UiLanguage = ShippedLanguage | 'pseudo';
export const uiLanguages = [...shippedLanguages, 'pseudo'] as const;

/** The first of the preferred languages we ship (en-GB → en, de-AT → de, de_CH → de), English otherwise. */
export function pickLanguage(preferred: readonly string[]): ShippedLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    const shipped = shippedLanguages.find((language) => language === base);
    if (shipped) return shipped;
  }
  return 'en';
}
