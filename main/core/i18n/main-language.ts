import { pickLanguage, type ShippedLanguage, type UiLanguage } from '../../../common/languages.ts';
import { mainCatalogs, type MainWords } from './main-words.ts';

/**
 * The language of main's own words. It starts from the OS's languages and follows the renderer,
 * which tells main the language it shows (`app:setLanguage`), the user's override included, so a
 * native dialog speaks as the window does. The pseudo-locale of tests maps to English.
 */
export class MainLanguage {
  #current: ShippedLanguage;

  constructor(preferred: readonly string[]) {
    this.#current = pickLanguage(preferred);
  }

  get current(): ShippedLanguage {
    return this.#current;
  }

  set(language: UiLanguage): void {
    this.#current = language === 'pseudo' ? 'en' : language;
  }

  get words(): MainWords {
    return mainCatalogs[this.#current];
  }
}
