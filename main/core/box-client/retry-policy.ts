/**
 * The desktop's one policy for retrying Box: which answers are worth another try, how long to
 * wait (Box's `retry-after` when it sends one, else exponential backoff), how many tries and how
 * long each kind of call may take. The limits differ by kind of call, because a person waiting on
 * a folder listing accepts less than a 2 GB upload does, but they are parameters of this one
 * policy, and every Box call of the desktop reads them from here.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryLimits {
  /** Tries per call, the first one included. */
  maxAttempts: number;
  /** First backoff in seconds when Box gives no `retry-after`; it doubles with each try. */
  baseDelaySeconds: number;
  /** Longest backoff of our own, in seconds. */
  maxBackoffSeconds: number;
  /** Longest `retry-after` waited for, in seconds. */
  maxRetryAfterSeconds: number;
  /**
   * What a longer `retry-after` means: `give-up` stops at once, so the person is told when to
   * come back instead of watching a spinner; `cap` waits the maximum and tries again (a
   * transfer in the background can afford it).
   */
  longerRetryAfter: 'give-up' | 'cap';
  /** Spreads our own backoff by ×0.5–1.5, so many clients failing together do not come back together. */
  jitter: boolean;
  /**
   * The caller schedules the tries of a `429` or 5xx answer itself (these limits still say how many
   * and how long), instead of the Box client waiting inside the call: a bulk run puts the item back
   * in its queue and gives the slot to another (`bulk/bulk-retry.ts`). Dropped connections and
   * `401`s are still handled inside the call.
   */
  callerSchedulesTransient?: boolean;
}

/** Box's `202` "not ready yet": how long the desktop keeps asking. */
export interface PendingLimits {
  /** Thumbnails: asks after the first `202` before showing the type icon instead. */
  thumbnailWaits: number;
  /** Thumbnails: longest wait between asks, in seconds. */
  thumbnailMaxWaitSeconds: number;
  /** Upload commit: how long Box may keep assembling a chunked upload, in seconds. */
  commitBudgetSeconds: number;
}

/** Time limits of a single try; a stalled network must end in an error, not a spinner forever. */
export interface Deadlines {
  /** A JSON call through box-node-sdk, from connecting to the last byte. */
  sdkCallMs: number;
  /** No byte of a download for this long is a stalled connection. */
  downloadIdleMs: number;
  /** Closing an upload session Box no longer needs (best effort). */
  abortUploadMs: number;
}

export interface BoxRetryPolicy {
  /** JSON calls of the file browser (box-node-sdk): a person is waiting for the answer. */
  sdkCalls: RetryLimits;
  /**
   * JSON calls of a bulk action (move, delete, copy, restore of many items): the run schedules the
   * tries itself, so a waiting item holds none of its few slots; a `429` pauses the whole run (Box
   * throttles the user, not the item). A longer `retry-after` is waited up to half a minute (the run
   * shows its progress meanwhile), beyond that the item is listed as failed with Box's wait.
   */
  bulkCalls: RetryLimits;
  /** JSON calls of transfers (file facts, upload sessions): repeated only when Box did not act. */
  transferCalls: RetryLimits;
  /** One part of a chunked upload. */
  uploadParts: RetryLimits;
  /** The commit of a chunked upload, when it fails (a `202` is waited for by `pending`). */
  uploadCommit: RetryLimits;
  /** A download resumed after a dropped connection; a resume that made progress starts the count again. */
  downloadResumes: RetryLimits;
  /** An edit's save back waiting for Box (offline, busy): it never gives up, so no edit is dropped. */
  editSaves: RetryLimits;
  pending: PendingLimits;
  deadlines: Deadlines;
}

/** A part and the commit of a chunked upload are tried alike: the file's bytes are already on their way. */
const uploadTries: RetryLimits = {
  maxAttempts: 4,
  baseDelaySeconds: 0.2,
  maxBackoffSeconds: 5,
  maxRetryAfterSeconds: 30,
  longerRetryAfter: 'cap',
  jitter: false,
};

export const boxRetryPolicy: BoxRetryPolicy = {
  // When Box asks for more than 8 s, we stop and say when to try again.
  sdkCalls: {
    maxAttempts: 4,
    baseDelaySeconds: 0.3,
    maxBackoffSeconds: 8,
    maxRetryAfterSeconds: 8,
    longerRetryAfter: 'give-up',
    jitter: true,
  },
  bulkCalls: {
    maxAttempts: 5,
    baseDelaySeconds: 0.1,
    maxBackoffSeconds: 5,
    maxRetryAfterSeconds: 30,
    longerRetryAfter: 'give-up',
    jitter: true,
    callerSchedulesTransient: true,
  },
  transferCalls: {
    maxAttempts: 3,
    baseDelaySeconds: 1,
    maxBackoffSeconds: 10,
    maxRetryAfterSeconds: 10,
    longerRetryAfter: 'cap',
    jitter: false,
  },
  uploadParts: uploadTries,
  uploadCommit: uploadTries,
  downloadResumes: {
    maxAttempts: 6,
    baseDelaySeconds: 0.25,
    maxBackoffSeconds: 4,
    maxRetryAfterSeconds: 60,
    longerRetryAfter: 'cap',
    jitter: false,
  },
  editSaves: {
    maxAttempts: Number.POSITIVE_INFINITY,
    baseDelaySeconds: 1,
    maxBackoffSeconds: 60,
    maxRetryAfterSeconds: 300,
    longerRetryAfter: 'cap',
    jitter: true,
  },
  pending: { thumbnailWaits: 3, thumbnailMaxWaitSeconds: 2, commitBudgetSeconds: 120 },
  deadlines: { sdkCallMs: 30_000, downloadIdleMs: 60_000, abortUploadMs: 10_000 },
};

/** Storage full (507) and not implemented (501) will answer the same on every retry. */
const permanentStatuses = new Set([501, 507]);

/** `429` and `5xx` (but for those that never change): Box may answer otherwise in a moment. */
export function isTransientStatus(status: number): boolean {
  return status === 429 || (status >= 500 && !permanentStatuses.has(status));
}

/** `429` and `503` say Box did not act on the request, so even a `POST` is safe to repeat. */
export function boxDidNotAct(status: number): boolean {
  return status === 429 || status === 503;
}

/** A dropped connection on these is safe to repeat; a POST might have taken effect already. */
const idempotentMethods = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

export function isIdempotent(method: string): boolean {
  return idempotentMethods.has(method.toUpperCase());
}

/**
 * Seconds to wait before try `attempt + 1` after try `attempt` failed, or undefined when the
 * limits say to stop (out of tries, or Box asks for a longer pause than `give-up` allows).
 */
export function retryDelaySeconds(
  limits: RetryLimits,
  attempt: number,
  retryAfter: number | undefined,
): number | undefined {
  if (attempt >= limits.maxAttempts) return undefined;
  if (retryAfter !== undefined) {
    if (retryAfter > limits.maxRetryAfterSeconds && limits.longerRetryAfter === 'give-up') return undefined;
    return Math.min(retryAfter, limits.maxRetryAfterSeconds);
  }
  const spread = limits.jitter ? 0.5 + Math.random() : 1;
  return Math.min(limits.baseDelaySeconds * 2 ** (attempt - 1) * spread, limits.maxBackoffSeconds);
}

/** How long to wait before asking again after a `202`: Box's `retry-after` (a zero means one second), at most `maxSeconds`. */
export function pendingWaitSeconds(retryAfter: number | undefined, maxSeconds: number): number {
  return Math.min(retryAfter !== undefined && retryAfter > 0 ? retryAfter : 1, maxSeconds);
}

export interface RetryOptions {
  limits: RetryLimits;
  signal: AbortSignal;
  /** Whether this failure may end differently on another try. */
  worthRetrying: (error: unknown) => boolean;
  /** Box's `retry-after` carried by the failure, if any. */
  retryAfterOf: (error: unknown) => number | undefined;
}

/** Runs `operation` until it succeeds, fails for good, or the limits are spent; the last failure is thrown. */
export async function withRetries<T>(operation: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!options.worthRetrying(error)) throw error;
      const wait = retryDelaySeconds(options.limits, attempt, options.retryAfterOf(error));
      if (wait === undefined) throw error;
      await sleep(wait * 1000, undefined, { signal: options.signal });
    }
  }
}
