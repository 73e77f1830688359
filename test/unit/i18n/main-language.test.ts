import { pickLanguage } from '../../../common/languages.ts';
import { MainLanguage } from '../../../main/core/i18n/main-language.ts';
import { mainCatalogs } from '../../../main/core/i18n/main-words.ts';

test('main speaks the first of the OS’s languages the app ships, English otherwise, as the renderer picks', () => {
  expect(new MainLanguage(['de-AT', 'en-US']).current).toBe('de');
  // POSIX locale names, as some Linux desktops report them.
  expect(new MainLanguage(['de_CH']).current).toBe('de');
  expect(new MainLanguage(['fr-FR', 'en-GB']).current).toBe('en');
  expect(new MainLanguage(['ja-JP']).current).toBe('en');
  expect(new MainLanguage([]).current).toBe(pickLanguage([]));
});

test('main follows the language the window shows, the user’s override included', () => {
  const language = new MainLanguage(['de-DE']);
  expect(language.words.uploadToBox).toBe('In Box hochladen');
  language.set('en');
  expect(language.words.uploadToBox).toBe('Upload to Box');
  language.set('pseudo');
  expect(language.current).toBe('en');
});

test('every language names every word, none left empty or in English by mistake', () => {
  const keys = Object.keys(mainCatalogs.en).sort();
  for (const [code, words] of Object.entries(mainCatalogs)) {
    expect(Object.keys(words).sort(), code).toEqual(keys);
    for (const text of Object.values(words)) expect(text.trim(), code).not.toBe('');
  }
  for (const key of keys) {
    expect(mainCatalogs.de[key as keyof typeof mainCatalogs.de]).not.toBe(
      mainCatalogs.en[key as keyof typeof mainCatalogs.en],
    );
  }
});
