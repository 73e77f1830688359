import { signInError } from './sign-in-errors.ts';

/**
 * A sign-in is cancelled by "Cancel" or by a newer sign-in, through its AbortSignal. Each step
 * with a side effect (a listener, a browser tab) checks the signal right before it, and each
 * wait is raced with it, so a cancelled sign-in neither lingers nor acts.
 */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw signInError('sign_in_cancelled');
}

/** `work`, or sign_in_cancelled as soon as the signal aborts, whichever comes first. */
export function unlessCancelled<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signInError('sign_in_cancelled'));
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) onAbort();
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
