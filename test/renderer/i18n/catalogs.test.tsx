import { configRuleWords, configSourceProblems } from '../../../common/config-problems.ts';
import { de } from '../../../renderer/src/i18n/de.ts';
import { en } from '../../../renderer/src/i18n/en.ts';
import { pickLanguage } from '../../../renderer/src/i18n/i18n.ts';

type Tree = { readonly [key: string]: string | Tree };
const entries = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : entries(value, `${prefix}${key}.`),
  );
const variables = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]!).sort();

describe('catalogs', () => {
  const english = new Map(entries(en));
  const catalogs = { de } as const;

  for (const [language, catalog] of Object.entries(catalogs)) {
    it(`${language} has every English key, no other key, and the same placeholders`, () => {
      const translated = new Map(entries(catalog));
      expect([...english.keys()].filter((key) => !translated.has(key))).toEqual([]);
      expect([...translated.keys()].filter((key) => !english.has(key))).toEqual([]);
      for (const [key, text] of translated) {
        expect(text.trim(), key).not.toBe('');
        expect(variables(text), key).toEqual(variables(english.get(key)!));
      }
    });
  }

  it('picks the first preferred language that ships, by its base language, English otherwise', () => {
    expect(pickLanguage(['de-AT', 'en-US'])).toBe('de');
    expect(pickLanguage(['fr-FR', 'de'])).toBe('de');
    expect(pickLanguage(['en-GB'])).toBe('en');
    expect(pickLanguage(['fr', 'ja'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });
});

describe('configuration problems', () => {
  const english = new Map(entries(en));
  const kinds = [...Object.keys(configRuleWords), ...configSourceProblems];

  it('every problem main can name has words in the catalogs (plural forms where it counts)', () => {
    const missing = kinds.filter(
      (kind) =>
        !english.has(`configError.problems.${kind}`) &&
        !(english.has(`configError.problems.${kind}_one`) && english.has(`configError.problems.${kind}_other`)),
    );
    expect(missing).toEqual([]);
  });
});
