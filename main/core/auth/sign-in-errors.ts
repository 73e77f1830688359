import * as oidc from 'openid-client';
import { AppError } from '../../../common/app-error.ts';
import type { ErrorCode } from '../../../common/error-codes.ts';
import { appError, type ErrorDetails, type WordingOf } from '../errors/error-catalog.ts';

/** The codes sign-in reports, each in the catalog's one wording for it. */
export type SignInErrorCode = {
  [C in ErrorCode]: 'default' extends WordingOf<C> ? C : never;
}[ErrorCode];

export function signInError(code: SignInErrorCode, cause?: unknown, details: ErrorDetails = {}): AppError {
  return appError(code, 'default', details, { cause });
}

/**
 * oauth4webapi's codes (openid-client passes them on as `ClientError.code`), by what they mean
 * to the user. Anything else from the token endpoint is the provider refusing to finish.
 */
const codeMeanings: Readonly<Record<string, SignInErrorCode>> = {
  OAUTH_JWT_TIMESTAMP_CHECK_FAILED: 'clock_skew',
  // Not an OAuth answer at all: a captive portal, a proxy's error page, a provider that is down.
  OAUTH_RESPONSE_IS_NOT_CONFORM: 'idp_unreachable',
  OAUTH_RESPONSE_IS_NOT_JSON: 'idp_unreachable',
  OAUTH_TIMEOUT: 'idp_unreachable',
};

/** What oauth4webapi attaches to a failed check: the value it expected and where it looked. */
interface CheckDetails {
  expected?: unknown;
  claim?: unknown;
  attribute?: unknown;
  parameters?: unknown;
}

function checkDetailsOf(error: oidc.ClientError): CheckDetails | undefined {
  // openid-client keeps oauth4webapi's error as the cause (or, for its own checks, the details themselves).
  const inner: unknown = error.cause instanceof Error ? error.cause.cause : error.cause;
  return typeof inner === 'object' && inner !== null ? inner : undefined;
}

/**
 * Which check of the authorization response failed, from the details oauth4webapi attaches
 * (`{ expected, parameters }`): `iss` is checked first, against the issuer identifier, an
 * https URL (RFC 8414); `state` after it, against our random state, which never is one.
 */
function authorizationResponseCheck(details: CheckDetails): SignInErrorCode | undefined {
  if (!(details.parameters instanceof URLSearchParams)) return undefined;
  // No expected value: a parameter that had to be there is missing (`iss`, when the provider promises it).
  if (!('expected' in details)) return details.parameters.has('iss') ? 'state_mismatch' : 'issuer_mismatch';
  return typeof details.expected === 'string' && URL.canParse(details.expected) ? 'issuer_mismatch' : 'state_mismatch';
}

function fromClientError(error: oidc.ClientError): SignInErrorCode {
  const details = checkDetailsOf(error);
  if (details?.claim === 'iss' || details?.attribute === 'issuer') return 'issuer_mismatch';
  if (error.code === 'OAUTH_INVALID_RESPONSE' && details) {
    const check = authorizationResponseCheck(details);
    if (check) return check;
  }
  return (error.code !== undefined ? codeMeanings[error.code] : undefined) ?? 'token_endpoint_error';
}

/**
 * undici's fetch fails with `TypeError('fetch failed')` whose cause is the socket's error, which
 * carries a Node error code (ECONNREFUSED, ENOTFOUND, UND_ERR_CONNECT_TIMEOUT, a TLS code...);
 * oauth4webapi's argument errors are TypeErrors too, but with no such cause.
 */
function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof TypeError) || !(error.cause instanceof Error)) return false;
  const code = (error.cause as NodeJS.ErrnoException).code;
  return typeof code === 'string' && code !== '';
}

/** The refresh token is no longer valid: the session has ended, not the provider failed. */
export const isInvalidGrant = (error: unknown): boolean =>
  error instanceof oidc.ResponseBodyError && error.error === 'invalid_grant';

/**
 * Turns whatever openid-client throws into one of our codes, by the library's own error classes
 * and codes, never by its message text. Messages are ours: the provider's own error_description
 * may be shown in logs but never reaches the renderer.
 */
export function toSignInError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof oidc.AuthorizationResponseError) return signInError('sign_in_denied', error);
  if (error instanceof oidc.ResponseBodyError) return signInError('token_endpoint_error', error);
  if (isNetworkFailure(error)) return signInError('idp_unreachable', error);
  if (error instanceof oidc.ClientError) return signInError(fromClientError(error), error);
  return appError('internal', 'sign_in', {}, { cause: error });
}
