/**
 * How the backend retries Box: box-node-sdk 10's own strategy looks for `Retry-After`, but
 * node-fetch lower-cases header names, so Box's `retry-after` is never seen. This one reads it,
 * stays within bounds a desktop waiting on the backend can accept, and stops at once when Box
 * asks for a longer pause, so that the backend can answer 503 with Retry-After instead of hanging.
 * (The desktop has its own policy, in main/core/box-client/, for a person waiting.)
 */
import type { FetchOptions, FetchResponse, RetryStrategy } from 'box-node-sdk/networking';
import { retryAfterSeconds } from '../common/retry-after.ts';

export interface BoxRetryLimits {
  /** Attempts per call, the first one included. */
  maxAttempts: number;
  /** Longest single wait in seconds; a longer `retry-after` ends the retries. */
  maxDelaySeconds: number;
  /** First backoff in seconds when Box gives no `retry-after`. */
  baseDelaySeconds: number;
}

/** Storage full (507) and not implemented (501) will answer the same on every retry. */
const permanentStatuses = new Set([501, 507]);

/** A dropped connection on these is safe to repeat; a POST might have taken effect already. */
const idempotentMethods = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/**
 * Retries `429` and `5xx` honouring `retry-after`, dropped connections on idempotent calls,
 * and one token renewal after a `401`; nothing else.
 */
export class BoxRetryStrategy implements RetryStrategy {
  readonly limits: BoxRetryLimits;

  constructor(limits: BoxRetryLimits) {
    this.limits = limits;
  }

  async shouldRetry(fetchOptions: FetchOptions, response: FetchResponse, attempt: number): Promise<boolean> {
    if (attempt >= this.limits.maxAttempts) return false;
    const { status } = response;
    if (status === 0) return idempotentMethods.has(fetchOptions.method.toUpperCase());
    if (status === 429 || (status >= 500 && !permanentStatuses.has(status))) {
      const wait = retryAfterSeconds(response.headers);
      return wait === undefined || wait <= this.limits.maxDelaySeconds;
    }
    if (status === 401 && attempt === 1 && fetchOptions.auth !== undefined) {
      await fetchOptions.auth.refreshToken(fetchOptions.networkSession);
      return true;
    }
    return false;
  }

  retryAfter(_fetchOptions: FetchOptions, response: FetchResponse, attempt: number): number {
    if (response.status === 401) return 0;
    const fromBox = retryAfterSeconds(response.headers);
    if (fromBox !== undefined) return Math.min(fromBox, this.limits.maxDelaySeconds);
    const jitter = 0.5 + Math.random();
    return Math.min(this.limits.baseDelaySeconds * 2 ** (attempt - 1) * jitter, this.limits.maxDelaySeconds);
  }
}
