import { act } from '@testing-library/react';
import { AppError } from '../../../common/app-error.ts';
import type { ErrorCode } from '../../../common/error-codes.ts';
import { appError, errorCatalog, type ErrorDetails } from '../../../main/core/errors/error-catalog.ts';
import { en } from '../../../renderer/src/i18n/en.ts';
import { errorText } from '../../../renderer/src/i18n/error-text.ts';
import { applyLanguage } from '../../../renderer/src/i18n/i18n.ts';

/** Every name a wording can fill in, so each renderer text can be compared with main's. */
const details: ErrorDetails = {
  name: 'Budget 2027.xlsx',
  folder: '/home/alice/Downloads',
  file: '/etc/box-sso-desktop/policy.json',
  seconds: 42,
  boxAnswer: 'item_locked',
  text: 'it is not a number',
  channel: 'box:rename',
  host: 'api.box.com',
  problem: 'certificate has expired (CERT_HAS_EXPIRED)',
  proxy: 'proxy.example.com:3128',
};

/** The renderer's words by code and wording, without the plural suffixes. */
const rendererWordings = Object.entries(en.errors).flatMap(([code, wordings]) => [
  ...new Set(Object.keys(wordings).map((wording) => `${code}.${wording.replace(/_(one|other)$/, '')}`)),
]);

describe('errors from main in the user language', () => {
  afterEach(() => act(() => applyLanguage('en')));

  it('the renderer knows only codes and wordings main has', () => {
    const unknown = rendererWordings.filter((path) => {
      const [code, wording] = path.split('.') as [ErrorCode, string];
      return !(errorCatalog[code]?.wordings && wording in errorCatalog[code].wordings);
    });
    expect(unknown).toEqual([]);
  });

  it('every wording main shows has words in the renderer, but those whose text is main’s own English', () => {
    // Their `text` is a sentence main makes in English (a config loader's or Box's name rule), so main's
    // words are shown as they are; the configuration error screen and the name dialogs say them by name.
    const saidByMain = new Set(['config_invalid.settings', 'config_invalid.ca_bundle', 'box_item_name_invalid.rule']);
    const known = new Set(rendererWordings);
    const missing = Object.entries(errorCatalog).flatMap(([code, entry]) =>
      entry.shown
        ? Object.keys(entry.wordings)
            .map((wording) => `${code}.${wording}`)
            .filter((path) => !known.has(path) && !saidByMain.has(path))
        : [],
    );
    expect(missing).toEqual([]);
  });

  it.each(rendererWordings)('%s says in English exactly what main says', (path) => {
    const [code, wording] = path.split('.') as [ErrorCode, string];
    for (const ports of code === 'sign_in_port_in_use' ? [[49152], [49152, 49153]] : [undefined]) {
      const error = appError(code, wording as never, { ...details, ports });
      expect(errorText(error.toInfo())).toBe(error.message);
    }
  });

  it('German by code and wording, with the names filled in and plurals by count', () => {
    act(() => applyLanguage('de'));
    expect(errorText(appError('box_item_name_in_use', 'browse', { name: 'Plan.txt' }).toInfo())).toBe(
      'Hier gibt es schon ein Element namens „Plan.txt“. Wählen Sie einen anderen Namen.',
    );
    expect(errorText(appError('box_rate_limited', 'browse', { seconds: 1 }).toInfo())).toMatch(/in 1 Sekunde erneut/);
    expect(errorText(appError('box_rate_limited', 'browse', { seconds: 29.2 }).toInfo())).toMatch(/in 30 Sekunden/);
    expect(errorText(AppError.fromInfo(appError('offline', 'browse').toInfo()))).toMatch(/^Box ist nicht erreichbar/);
  });

  it("falls back to main's English for an unknown wording, or when a name the words need is missing", () => {
    act(() => applyLanguage('de'));
    const unnamed = appError('file_unreadable', 'missing');
    expect(errorText(unnamed.toInfo())).toBe('The file cannot be uploaded because it no longer exists.');
    const untranslated = appError('config_invalid', 'settings', { text: 'issuer is missing' });
    expect(errorText(untranslated.toInfo())).toBe(untranslated.message);
    expect(errorText({ code: 'internal', message: 'From an older main.' })).toMatch(
      /^In der App ist etwas schiefgegangen/,
    );
    expect(errorText({ code: 'box_error', message: 'Box said no.', wording: 'gone_wording' })).toBe('Box said no.');
  });
});
