/** The same keys as `T`, any words: what a translation of an English area must look like. */
export type Words<T> = { readonly [K in keyof T]: T[K] extends string ? string : Words<T[K]> };

/**
 * One area of the catalogs (a screen or feature), English and German side by side so that a change
 * to the words of one feature has one home. German is typed against English: a missing or extra key
 * does not compile, and test/renderer/i18n checks keys and placeholders again at run time. Plurals
 * use i18next's `_one`/`_other` suffixes, chosen by Intl.PluralRules.
 */
export function defineArea<const English extends Record<string, unknown>>(
  en: English,
  de: Words<English>,
): { readonly en: English; readonly de: Words<English> } {
  return { en, de };
}
