import * as oidc from 'openid-client';
import { AppError } from '../../../common/app-error.ts';
import type { ErrorCode } from '../../../common/error-codes.ts';

/** What each sign-in failure means to the user and what to do next. */
export const signInMessages = {
  sign_in_cancelled: 'Sign-in was cancelled.',
  sign_in_denied:
    'The sign-in was cancelled or refused at your company sign-in page. Try again, or ask IT whether you have access.',
  sign_in_timeout: 'Sign-in took too long. Try again, and finish signing in in your browser within 5 minutes.',
  state_mismatch:
    'The browser came back with an answer that belongs to another sign-in. Close old sign-in tabs and try again.',
  issuer_mismatch:
    'The sign-in answer came from a different identity provider than the one configured. Try again; if it keeps happening, tell IT.',
  idp_unreachable: 'Your company sign-in service cannot be reached. Check your network connection and try again.',
  token_endpoint_error:
    'Your company sign-in service refused to finish the sign-in. Try again; if it keeps happening, tell IT.',
  clock_skew:
    "Your computer's clock is wrong, so the sign-in could not be checked. Set the date and time automatically and try again.",
  session_expired: 'Your session has ended. Sign in again.',
  sign_in_malformed_answer:
    'Your company sign-in page sent the browser back without a sign-in code, so the sign-in could not finish. Try again; if it keeps happening, tell IT.',
  config_invalid: 'The sign-in ports configured by IT cannot be opened on this computer. Ask IT to check the setting.',
} as const satisfies Partial<Record<ErrorCode, string>>;

export type SignInErrorCode = keyof typeof signInMessages;

export function signInError(code: SignInErrorCode, cause?: unknown): AppError {
  return new AppError(code, signInMessages[code], { cause });
}

/** Names the busy ports, so the user or IT can find the program holding them. */
export function signInPortInUse(ports: readonly number[]): AppError {
  const which =
    ports.length === 1
      ? `port configured by IT (port ${ports[0]}) is used by another program. Close that program`
      : `ports configured by IT (ports ${ports.join(', ')}) are used by other programs. Close those programs`;
  return new AppError('sign_in_port_in_use', `The sign-in ${which} and try again, or ask IT.`);
}

const isNetworkFailure = (error: unknown): boolean =>
  error instanceof TypeError &&
  /fetch failed|network|ECONNREFUSED|ENOTFOUND|ETIMEDOUT/i.test(`${error.message} ${String(error.cause)}`);

/**
 * Turns whatever openid-client throws into one of our codes. Messages are ours: the
 * provider's own error_description may be shown in logs but never reaches the renderer.
 */
export const isInvalidGrant = (error: unknown): boolean =>
  error instanceof oidc.ResponseBodyError && error.error === 'invalid_grant';

export function toSignInError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof oidc.AuthorizationResponseError) return signInError('sign_in_denied', error);
  if (error instanceof oidc.ResponseBodyError) return signInError('token_endpoint_error', error);
  if (isNetworkFailure(error)) return signInError('idp_unreachable', error);
  if (error instanceof oidc.ClientError) {
    const detail = error.cause instanceof Error ? error.cause.message : error.message;
    if (error.code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return signInError('clock_skew', error);
    if (/"iss"|issuer/.test(detail)) return signInError('issuer_mismatch', error);
    if (/"state"/.test(detail)) return signInError('state_mismatch', error);
    if (error.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || error.code === 'OAUTH_RESPONSE_IS_NOT_JSON') {
      return signInError('idp_unreachable', error);
    }
    return signInError('token_endpoint_error', error);
  }
  return new AppError('internal', 'Something went wrong while signing in. Try again.', { cause: error });
}
