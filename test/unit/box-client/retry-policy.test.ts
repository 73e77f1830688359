import { FetchOptions, type FetchResponse } from 'box-node-sdk/networking';
import {
  boxRetryPolicy,
  pendingWaitSeconds,
  retryDelaySeconds,
  withRetries,
  type RetryLimits,
} from '../../../main/core/box-client/retry-policy.ts';
import { ScopedTokenAuth } from '../../../main/core/box-client/scoped-token-auth.ts';
import { SdkRetryStrategy } from '../../../main/core/box-client/sdk-retry-strategy.ts';

const background: RetryLimits = { ...boxRetryPolicy.uploadParts, baseDelaySeconds: 0.001, maxBackoffSeconds: 0.004 };

describe('the desktop’s retry policy', () => {
  it('waits Box’s retry-after, capped or given up on as the limits say, else doubles its own backoff', () => {
    const person = boxRetryPolicy.sdkCalls;
    expect(retryDelaySeconds(person, 1, 3)).toBe(3);
    // A person is waiting: a longer pause than 8 s ends the retries so the app can say when to come back.
    expect(retryDelaySeconds(person, 1, 90)).toBeUndefined();
    // A transfer in the background waits the longest it allows, then tries again.
    expect(retryDelaySeconds(boxRetryPolicy.uploadParts, 1, 90)).toBe(30);
    const steady = { ...background, baseDelaySeconds: 1, maxBackoffSeconds: 5, jitter: false };
    expect([1, 2, 3].map((attempt) => retryDelaySeconds(steady, attempt, undefined))).toEqual([1, 2, 4]);
    expect(retryDelaySeconds({ ...steady, maxAttempts: 10 }, 5, undefined)).toBe(5);
    expect(retryDelaySeconds(steady, steady.maxAttempts, undefined)).toBeUndefined();
    for (let attempt = 1; attempt < person.maxAttempts; attempt++) {
      const wait = retryDelaySeconds(person, attempt, undefined)!;
      expect(wait).toBeGreaterThanOrEqual(person.baseDelaySeconds * 2 ** (attempt - 1) * 0.5);
      expect(wait).toBeLessThanOrEqual(person.maxBackoffSeconds);
    }
  });

  it('waits for a 202 as long as Box says, at least a second, at most the limit', () => {
    expect(pendingWaitSeconds(undefined, 2)).toBe(1);
    expect(pendingWaitSeconds(0, 2)).toBe(1);
    expect(pendingWaitSeconds(1.5, 2)).toBe(1.5);
    expect(pendingWaitSeconds(30, 2)).toBe(2);
  });

  it('repeats what is worth repeating, within the attempts, and throws the last failure', async () => {
    let calls = 0;
    const busy = Object.assign(new Error('busy'), { retryAfter: 0 });
    const options = {
      limits: background,
      signal: AbortSignal.timeout(10_000),
      worthRetrying: (error: unknown) => error === busy,
      retryAfterOf: () => 0,
    };
    await expect(
      withRetries(() => (++calls < 3 ? Promise.reject(busy) : Promise.resolve('done')), options),
    ).resolves.toBe('done');
    expect(calls).toBe(3);
    calls = 0;
    await expect(withRetries(() => (++calls, Promise.reject(busy)), options)).rejects.toBe(busy);
    expect(calls).toBe(background.maxAttempts);
    calls = 0;
    const final = new Error('final');
    await expect(withRetries(() => (++calls, Promise.reject(final)), options)).rejects.toBe(final);
    expect(calls).toBe(1);
  });

  it('stops waiting when the transfer is cancelled', async () => {
    const controller = new AbortController();
    const waiting = withRetries(() => Promise.reject(new Error('busy')), {
      limits: { ...background, maxRetryAfterSeconds: 60 },
      signal: controller.signal,
      worthRetrying: () => true,
      retryAfterOf: () => 60,
    });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('the policy in box-node-sdk’s form', () => {
  const get = new FetchOptions({ url: 'https://api.box.com/2.0/folders/0/items', method: 'GET' });
  const response = (status: number, headers: Record<string, string> = {}): FetchResponse => ({ status, headers });

  it('retries transient answers and dropped idempotent calls, never a dropped POST or a permanent answer', async () => {
    const strategy = new SdkRetryStrategy(boxRetryPolicy.sdkCalls);
    expect(await strategy.shouldRetry(get, response(429, { 'retry-after': '1' }), 1)).toBe(true);
    expect(await strategy.shouldRetry(get, response(503), 3)).toBe(true);
    expect(await strategy.shouldRetry(get, response(503), 4)).toBe(false);
    expect(await strategy.shouldRetry(get, response(0), 1)).toBe(true);
    const post = new FetchOptions({ url: 'https://api.box.com/2.0/folders', method: 'POST' });
    expect(await strategy.shouldRetry(post, response(0), 1)).toBe(false);
    for (const status of [400, 403, 404, 409, 501, 507])
      expect(await strategy.shouldRetry(get, response(status), 1)).toBe(false);
    expect(await strategy.shouldRetry(get, response(429, { 'retry-after': '90' }), 1)).toBe(false);
    expect(strategy.retryAfter(get, response(429, { 'retry-after': '2' }), 1)).toBe(2);
  });

  it('renews the token once after a 401, dropping the one Box refused', async () => {
    const invalidated: string[] = [];
    let issued = 0;
    const auth = new ScopedTokenAuth({
      getToken: () => Promise.resolve(`token-${++issued}`),
      invalidate: (token) => invalidated.push(token),
    });
    await auth.retrieveToken();
    const strategy = new SdkRetryStrategy(boxRetryPolicy.sdkCalls);
    const withAuth = new FetchOptions({ url: get.url, method: 'GET', auth });
    expect(await strategy.shouldRetry(withAuth, response(401), 1)).toBe(true);
    expect(invalidated).toEqual(['token-1']);
    expect(strategy.retryAfter(withAuth, response(401), 1)).toBe(0);
    expect(await strategy.shouldRetry(withAuth, response(401), 2)).toBe(false);
    expect(await strategy.shouldRetry(get, response(401), 1)).toBe(false);
  });
});
