import type { FetchOptions, FetchResponse, RetryStrategy } from 'box-node-sdk/networking';

/** Box sends `retry-after`; node-fetch lower-cases header names, which the SDK's own strategy misses. */
export function retryAfterSeconds(headers: Readonly<Record<string, string>>): number | undefined {
  const raw = headers['retry-after'] ?? headers['Retry-After'];
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

export interface DesktopRetryLimits {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** A person is waiting: when Box asks for a longer pause we stop and say when to try again. */
  maxDelaySeconds: number;
  baseDelaySeconds: number;
}

const defaults: DesktopRetryLimits = { maxAttempts: 4, maxDelaySeconds: 8, baseDelaySeconds: 0.3 };

/** Storage full (507) and not implemented (501) will answer the same on every retry. */
const permanentStatuses = new Set([501, 507]);

/** A dropped connection on these is safe to repeat; a POST might have taken effect already. */
const idempotentMethods = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/**
 * The desktop's retries: `429` and `5xx` honouring Box's lower-case `retry-after` (bounded),
 * dropped connections on idempotent calls, and one renewal of the token after a `401`.
 */
export class DesktopBoxRetryStrategy implements RetryStrategy {
  readonly limits: DesktopRetryLimits;

  constructor(limits: Partial<DesktopRetryLimits> = {}) {
    this.limits = { ...defaults, ...limits };
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
