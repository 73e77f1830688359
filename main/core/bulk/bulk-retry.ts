import { BoxAnswerError } from '../box-client/box-errors.ts';
import { isTransientStatus, retryDelaySeconds, type RetryLimits } from '../box-client/retry-policy.ts';

/** When a unit that failed is tried again, and whether the whole run waits with it. */
export interface NextTry {
  delayMs: number;
  /** Box throttles the user (`429`, or any `retry-after`): no call of the run starts before then. */
  wholeRun: boolean;
}

/**
 * The retry policy's answer for a unit of a bulk run whose try `attempt` failed with `error`:
 * another try after a delay, or none (not a transient answer, out of tries, or Box asks for a
 * longer wait than the bulk limits take: the unit is listed as failed with Box's words).
 */
export function nextTryOf(error: unknown, attempt: number, limits: RetryLimits): NextTry | undefined {
  if (!(error instanceof BoxAnswerError) || !isTransientStatus(error.status)) return undefined;
  const seconds = retryDelaySeconds(limits, attempt, error.retryAfterSeconds);
  if (seconds === undefined) return undefined;
  return { delayMs: seconds * 1000, wholeRun: error.status === 429 || error.retryAfterSeconds !== undefined };
}
