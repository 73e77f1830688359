import type { FetchOptions, FetchResponse, RetryStrategy } from 'box-node-sdk/networking';

export interface RetryLimits {
  /** Attempts per Box call, the first one included. */
  maxAttempts: number;
  /** Longest single wait in seconds; a longer `retry-after` makes us give up at once. */
  maxDelaySeconds: number;
  /** First backoff in seconds when Box gives no `retry-after`. */
  baseDelaySeconds: number;
}

export const defaultRetryLimits: RetryLimits = { maxAttempts: 4, maxDelaySeconds: 2, baseDelaySeconds: 0.25 };

/** Box sends `retry-after`; node-fetch lower-cases header names, which the SDK's own strategy misses. */
export function retryAfterSeconds(headers: Readonly<Record<string, string>>): number | undefined {
  const raw = headers['retry-after'] ?? headers['Retry-After'];
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/**
 * Retries Box `429`, `5xx` and connection failures, honouring `retry-after`, bounded in
 * attempts and in time: each wait is at most `maxDelaySeconds`, and when Box asks for a
 * longer pause we stop and let the caller answer `503` with that `Retry-After`, because a
 * desktop waiting on a hanging request is worse than one told when to come back.
 */
export class BoundedBoxRetryStrategy implements RetryStrategy {
  readonly limits: RetryLimits;
  constructor(limits: Partial<RetryLimits> = {}) {
    this.limits = { ...defaultRetryLimits, ...limits };
  }

  shouldRetry(fetchOptions: FetchOptions, fetchResponse: FetchResponse, attemptNumber: number): Promise<boolean> {
    return Promise.resolve(this.decide(fetchOptions, fetchResponse, attemptNumber));
  }

  private async decide(fetchOptions: FetchOptions, response: FetchResponse, attempt: number): Promise<boolean> {
    if (attempt >= this.limits.maxAttempts) return false;
    const { status } = response;
    if (status === 0) return true;
    if (status === 429 || status >= 500) {
      const wait = retryAfterSeconds(response.headers);
      return wait === undefined || wait <= this.limits.maxDelaySeconds;
    }
    // A service token Box no longer accepts: refresh it once, as the SDK's own strategy does.
    if (status === 401 && attempt === 1 && fetchOptions.auth !== undefined) {
      await fetchOptions.auth.refreshToken(fetchOptions.networkSession);
      return true;
    }
    return false;
  }

  retryAfter(_fetchOptions: FetchOptions, response: FetchResponse, attemptNumber: number): number {
    const fromBox = retryAfterSeconds(response.headers);
    if (fromBox !== undefined) return Math.min(fromBox, this.limits.maxDelaySeconds);
    const jitter = 0.5 + Math.random();
    return Math.min(this.limits.baseDelaySeconds * 2 ** (attemptNumber - 1) * jitter, this.limits.maxDelaySeconds);
  }
}
