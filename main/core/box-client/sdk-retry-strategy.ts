import type { FetchOptions, FetchResponse, RetryStrategy } from 'box-node-sdk/networking';
import { retryAfterSeconds } from '../../../common/retry-after.ts';
import { isIdempotent, isTransientStatus, retryDelaySeconds, type RetryLimits } from './retry-policy.ts';

/**
 * The retry policy in box-node-sdk's form. The SDK's own strategy looks for `Retry-After`, but
 * node-fetch lower-cases header names, so Box's `retry-after` is never seen; this one reads it.
 * Besides the policy's retries of transient answers and of dropped connections on calls safe to
 * repeat, a `401` renews the token once (the SDK calls `auth.refreshToken`, which drops the token
 * Box refused).
 */
export class SdkRetryStrategy implements RetryStrategy {
  readonly limits: RetryLimits;

  constructor(limits: RetryLimits) {
    this.limits = limits;
  }

  async shouldRetry(fetchOptions: FetchOptions, response: FetchResponse, attempt: number): Promise<boolean> {
    const { status } = response;
    if (status === 401) {
      if (attempt !== 1 || attempt >= this.limits.maxAttempts || fetchOptions.auth === undefined) return false;
      await fetchOptions.auth.refreshToken(fetchOptions.networkSession);
      return true;
    }
    if (status === 0) return attempt < this.limits.maxAttempts && isIdempotent(fetchOptions.method);
    if (!isTransientStatus(status) || this.limits.callerSchedulesTransient === true) return false;
    return retryDelaySeconds(this.limits, attempt, retryAfterSeconds(response.headers)) !== undefined;
  }

  retryAfter(_fetchOptions: FetchOptions, response: FetchResponse, attempt: number): number {
    if (response.status === 401) return 0;
    return retryDelaySeconds(this.limits, attempt, retryAfterSeconds(response.headers)) ?? 0;
  }
}
