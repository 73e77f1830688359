import { BoxApiError, BoxSdkError } from 'box-node-sdk/box';
import { boxAnswerError, fromSdkError } from '../../../main/core/box-client/box-errors.ts';

const answer = (status: number, body: unknown = {}, headers: Record<string, string> = {}) => ({
  status,
  headers,
  body,
});

describe('one table from Box’s answers to our codes', () => {
  it('gives the same code whether the user was browsing or transferring; only the words differ', () => {
    const cases = [
      [answer(401), 'session_expired'],
      [answer(403, { code: 'insufficient_scope' }), 'box_insufficient_scope'],
      [answer(403, { code: 'forbidden' }), 'box_insufficient_scope'],
      [answer(409, { code: 'item_name_in_use' }), 'box_item_name_in_use'],
      [answer(400, { code: 'item_name_too_long' }), 'box_item_name_invalid'],
      [answer(403, { code: 'storage_limit_exceeded' }), 'box_storage_limit'],
      [answer(507), 'box_storage_limit'],
      [answer(429, {}, { 'retry-after': '90' }), 'box_rate_limited'],
      [answer(404), 'box_not_found'],
      [answer(400, { code: 'trashed' }), 'box_not_found'],
      [answer(502), 'box_error'],
    ] as const;
    for (const [boxAnswer, code] of cases) {
      const browsing = boxAnswerError(boxAnswer, 'browse', 'report.pdf');
      const transferring = boxAnswerError(boxAnswer, 'transfer', 'report.pdf');
      expect([browsing.code, transferring.code]).toEqual([code, code]);
      for (const error of [browsing, transferring]) expect(error.message).not.toMatch(/undefined|\[object/);
    }
    expect(boxAnswerError(answer(429, {}, { 'retry-after': '90' }), 'browse').message).toContain('in 90 seconds');
    expect(boxAnswerError(answer(409, { code: 'item_name_in_use' }), 'transfer', 'a.txt').message).toContain('“a.txt”');
  });

  it('keeps the wording and its params, so the renderer can say the error in the user’s language', () => {
    expect(boxAnswerError(answer(503), 'transfer', 'a.txt').toInfo()).toMatchObject({
      code: 'box_error',
      wording: 'transfer_trouble',
    });
    expect(boxAnswerError(answer(429, {}, { 'retry-after': '90' }), 'browse', 'a.txt').toInfo()).toMatchObject({
      code: 'box_rate_limited',
      wording: 'browse',
      params: { seconds: 90, name: 'a.txt' },
    });
  });

  it('names what Box said when it has no words of ours, and keeps what callers act on', () => {
    expect(boxAnswerError(answer(400, { code: 'bad_digest' }), 'browse').message).toContain('(bad_digest)');
    const refused = boxAnswerError(answer(400, { code: 'bad_digest' }), 'transfer', 'a.txt');
    expect(refused).toMatchObject({ code: 'transfer_failed', status: 400, boxCode: 'bad_digest', retryable: false });
    const clash = boxAnswerError(
      answer(
        409,
        { code: 'item_name_in_use', context_info: { conflicts: { id: '42', type: 'file' } } },
        { 'retry-after': '3' },
      ),
      'transfer',
      'a.txt',
    );
    expect(clash).toMatchObject({ conflictFileId: '42', retryAfterSeconds: 3 });
    expect(boxAnswerError(answer(503), 'transfer').retryable).toBe(true);
    expect(boxAnswerError(answer(412), 'transfer').retryable).toBe(true);
    expect(boxAnswerError(answer(507), 'transfer').retryable).toBe(false);
  });

  it('turns the SDK’s errors into ours without their request details', () => {
    const apiError = new BoxApiError({
      message: 'Conflict',
      timestamp: '0',
      requestInfo: {
        method: 'POST',
        url: 'https://api.box.com/2.0/folders',
        queryParams: {},
        headers: { authorization: 'Bearer secret' },
      },
      responseInfo: {
        statusCode: 409,
        headers: {},
        body: { code: 'item_name_in_use' },
        rawBody: '',
        code: '"item_name_in_use"',
        contextInfo: {},
        requestId: '',
        helpUrl: '',
      },
    });
    const mapped = fromSdkError(apiError, 'Plans');
    expect(mapped).toMatchObject({
      code: 'box_item_name_in_use',
      message: 'An item named “Plans” already exists here. Choose another name.',
    });
    expect(JSON.stringify(mapped)).not.toContain('secret');
    expect(fromSdkError(new BoxSdkError({ message: 'socket hang up', timestamp: '0' })).code).toBe('offline');
    expect(fromSdkError(new Error('boom')).code).toBe('box_error');
  });
});
