import { mainCatalogs, type MainLanguageCode, type MainWords } from './main-words.ts';

/** The first of the OS's preferred languages main ships (de-AT → de), English otherwise; as the renderer picks. */
export function pickMainLanguage(preferred: readonly string[]): MainLanguageCode {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'en' || base === 'de') return base;
  }
  return 'en';
}

/**
 * The language of main's own words. It starts from the OS's languages and follows the renderer,
 * which tells main the language it shows (`app:setLanguage`), the user's override included, so a
 * native dialog speaks as the window does. The pseudo-locale of tests maps to English.
 */
export class MainLanguage {
  #current: MainLanguageCode;

  constructor(preferred: readonly string[]) {
    this.#current = pickMainLanguage(preferred);
  }

  get current(): MainLanguageCode {
    return this.#current;
  }

  set(language: MainLanguageCode | 'pseudo'): void {
    this.#current = language === 'pseudo' ? 'en' : language;
  }

  get words(): MainWords {
    return mainCatalogs[this.#current];
  }
}
