import { FetchOptions, type FetchResponse } from 'box-node-sdk/networking';
import { BoxRetryStrategy } from '../../../backend/box-retry-strategy.ts';
import { retryAfterSeconds } from '../../../common/retry-after.ts';

const backendLimits = { maxAttempts: 4, maxDelaySeconds: 2, baseDelaySeconds: 0.25 };

const options = new FetchOptions({ url: 'https://api.box.com/2.0/users', method: 'GET' });
const response = (status: number, headers: Record<string, string> = {}): FetchResponse => ({ status, headers });

describe('retry strategy given to box-node-sdk', () => {
  it('reads Box’s lower-case retry-after, in seconds or as an HTTP date', () => {
    expect(retryAfterSeconds({ 'retry-after': '3' })).toBe(3);
    expect(retryAfterSeconds({ 'Retry-After': '1.5' })).toBe(1.5);
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    expect(retryAfterSeconds({ 'retry-after': inTenSeconds })).toBeGreaterThan(8);
    expect(retryAfterSeconds({ 'retry-after': 'soon' })).toBeUndefined();
    expect(retryAfterSeconds({})).toBeUndefined();
  });

  it('retries 429, 5xx and connection failures, never other errors', async () => {
    const strategy = new BoxRetryStrategy(backendLimits);
    expect(await strategy.shouldRetry(options, response(429, { 'retry-after': '1' }), 1)).toBe(true);
    expect(await strategy.shouldRetry(options, response(500), 1)).toBe(true);
    expect(await strategy.shouldRetry(options, response(503), 2)).toBe(true);
    expect(await strategy.shouldRetry(options, response(0), 1)).toBe(true);
    // A POST whose connection dropped may have taken effect: never repeated blindly.
    const post = new FetchOptions({ url: 'https://api.box.com/2.0/users', method: 'POST' });
    expect(await strategy.shouldRetry(post, response(0), 1)).toBe(false);
    expect(await strategy.shouldRetry(options, response(507), 1)).toBe(false);
    expect(await strategy.shouldRetry(options, response(400), 1)).toBe(false);
    expect(await strategy.shouldRetry(options, response(404), 1)).toBe(false);
    expect(await strategy.shouldRetry(options, response(409), 1)).toBe(false);
    expect(await strategy.shouldRetry(options, response(200), 1)).toBe(false);
  });

  it('is bounded in attempts and in each wait', async () => {
    const strategy = new BoxRetryStrategy({ ...backendLimits, maxAttempts: 3 });
    expect(await strategy.shouldRetry(options, response(503), 2)).toBe(true);
    expect(await strategy.shouldRetry(options, response(503), 3)).toBe(false);
    // A pause longer than we would wait: give up now so the caller can answer 503 + Retry-After.
    expect(await strategy.shouldRetry(options, response(429, { 'retry-after': '30' }), 1)).toBe(false);
    expect(strategy.retryAfter(options, response(429, { 'retry-after': '1' }), 1)).toBe(1);
    for (let attempt = 1; attempt <= 10; attempt++) {
      const wait = strategy.retryAfter(options, response(500), attempt);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(2);
    }
  });
});
