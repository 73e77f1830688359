import type { AppError } from '../../../common/app-error.ts';
import { appError } from '../errors/error-catalog.ts';

export function cancelledError(name: string): AppError {
  return appError('transfer_cancelled', 'default', { name });
}

/** True for the error fetch or a body stream raises when our own AbortSignal fired. */
export function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted && (error === signal.reason || (error instanceof Error && error.name === 'AbortError'));
}
