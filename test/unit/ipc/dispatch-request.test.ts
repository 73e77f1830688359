import { AppError } from '../../../common/app-error.ts';
import { dispatchRequest } from '../../../main/core/ipc/dispatch-request.ts';
import type { HandlerTable } from '../../../main/core/ipc/handler-table.ts';

function table(overrides: Partial<HandlerTable> = {}): HandlerTable {
  return {
    'app:getInfo': () => ({ name: 'Box SSO Desktop', version: '1.2.3', platform: 'linux', mode: 'company' }),
    'session:get': () => ({ status: 'signed-out' }),
    ...overrides,
  } as HandlerTable;
}

describe('dispatchRequest', () => {
  const reports: Array<[string, string]> = [];
  const report = (channel: string, description: string) => reports.push([channel, description]);
  beforeEach(() => reports.splice(0));

  it('runs the handler of a contract channel and wraps its value', async () => {
    await expect(dispatchRequest(table(), 'app:getInfo', undefined, report)).resolves.toEqual({
      ok: true,
      value: { name: 'Box SSO Desktop', version: '1.2.3', platform: 'linux', mode: 'company' },
    });
  });

  it.each([['fs:readFile'], [42], [null], ['__proto__'], ['constructor']])(
    'refuses the unknown channel %j',
    async (channel) => {
      await expect(dispatchRequest(table(), channel, undefined, report)).resolves.toMatchObject({
        ok: false,
        error: { code: 'unknown_channel' },
      });
    },
  );

  it('refuses a payload that does not match the channel schema', async () => {
    await expect(dispatchRequest(table(), 'session:get', { sneaky: 1 }, report)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });

  it('passes an AppError through with its code and message', async () => {
    const failing = table({
      'session:get': () => {
        throw new AppError('session_expired', 'Your session ended. Sign in again.');
      },
    });
    await expect(dispatchRequest(failing, 'session:get', undefined, report)).resolves.toEqual({
      ok: false,
      error: { code: 'session_expired', message: 'Your session ended. Sign in again.' },
    });
    expect(reports).toEqual([]);
  });

  it('hides an unexpected error behind a generic message and reports it internally', async () => {
    const secret = new Error('token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln leaked in a message');
    const failing = table({ 'session:get': () => Promise.reject(secret) });
    const result = await dispatchRequest(failing, 'session:get', undefined, report);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('eyJ');
    // Reported as text with the token redacted: what main's log gets.
    expect(reports).toHaveLength(1);
    expect(reports[0]![0]).toBe('session:get');
    expect(reports[0]![1]).toContain('leaked in a message');
    expect(reports[0]![1]).not.toContain('eyJ');
  });
});
