import { AppError } from '../../../common/app-error.ts';
import { errorCodes } from '../../../common/error-codes.ts';
import { appError, errorCatalog, isShown } from '../../../main/core/errors/error-catalog.ts';
import { dispatchRequest } from '../../../main/core/ipc/dispatch-request.ts';
import type { HandlerTable } from '../../../main/core/ipc/handler-table.ts';

const everything = {
  name: 'report.pdf',
  folder: '/home/alice/Downloads',
  file: '/etc/box-sso-desktop/policy.json',
  seconds: 12,
  boxAnswer: 'bad_digest',
  text: '"issuer" is not configured',
  channel: 'box:listFolder',
  ports: [49152, 49153],
};

describe('the error catalog', () => {
  it('has exactly one entry for every code of the IPC contract, each with its meaning', () => {
    expect(Object.keys(errorCatalog).sort()).toEqual([...errorCodes].sort());
    for (const entry of Object.values(errorCatalog)) expect(entry.meaning.length).toBeGreaterThan(10);
  });

  it('words every message as a sentence, with or without the names it can mention', () => {
    for (const [code, entry] of Object.entries(errorCatalog)) {
      for (const wording of Object.keys(entry.wordings)) {
        // A name rule's text is a sentence already (common/box-name-rules.ts); a config problem's is a phrase.
        const named = wording === 'rule' ? { ...everything, text: 'Enter a name.' } : everything;
        for (const details of [{}, named]) {
          const { message } = appError(code as keyof typeof errorCatalog, wording as never, details);
          expect(message, `${code}/${wording}`).toMatch(/^\S.*[.!]$/);
          expect(message, `${code}/${wording}`).not.toMatch(/undefined|null|\[object/);
        }
      }
    }
  });

  it('keeps “no free sign-in port” apart from a bad setting', () => {
    const port = appError('sign_in_port_in_use', 'default', { ports: [49152] });
    expect(port).toMatchObject({ code: 'sign_in_port_in_use' });
    expect(port.message).toContain('49152');
    expect(appError('config_invalid', 'settings', { text: 'x' }).code).toBe('config_invalid');
  });

  it('lets no developer wording cross the IPC boundary: an internal error reaches the renderer in generic words', async () => {
    expect(isShown('internal')).toBe(false);
    expect(isShown('offline')).toBe(true);
    const reports: string[] = [];
    const handlers = {
      'session:get': () => Promise.reject(appError('internal', 'downscope')),
    } as unknown as HandlerTable;
    const result = await dispatchRequest(handlers, 'session:get', undefined, (_channel, text) => reports.push(text));
    expect(result).toEqual({ ok: false, error: appError('internal', 'default').toInfo() });
    expect(reports[0]).toContain('Downscoping');
  });

  it('sends its wording and the names it filled in across IPC, for the renderer to say in the user language', () => {
    const info = appError('sign_in_port_in_use', 'default', { ports: [49152, 49153] }).toInfo();
    expect(info).toMatchObject({
      code: 'sign_in_port_in_use',
      wording: 'default',
      params: { ports: '49152, 49153', count: 2 },
    });
    expect(AppError.fromInfo(info).toInfo()).toEqual(info);
    // Only what was given: the renderer tells an unnamed file from a named one.
    expect(appError('file_unreadable', 'missing').toInfo().params).toEqual({});
    expect(appError('box_rate_limited', 'browse', { seconds: 29.2 }).params).toEqual({ seconds: 30 });
  });
});
