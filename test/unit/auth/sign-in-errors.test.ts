import * as oidc from 'openid-client';
import { AppError } from '../../../common/app-error.ts';
import { isInvalidGrant, toSignInError } from '../../../main/core/auth/sign-in-errors.ts';

const bodyError = (error: string) =>
  new oidc.ResponseBodyError('server responded with an error', {
    cause: { error, error_description: 'grant request is invalid <script>' },
    response: new Response(null, { status: 400 }),
  });

/** openid-client's ClientError as it throws them (its public constructor type omits `code`). */
const clientError = (message: string, code: string, cause?: Error) =>
  Object.assign(new oidc.ClientError(message, cause ? { cause } : {}), { code });

/** What openid-client really throws for a callback URL that fails its iss or state check (no network involved). */
async function callbackError(query: string): Promise<unknown> {
  const config = new oidc.Configuration(
    {
      issuer: 'https://idp.example.com',
      token_endpoint: 'https://idp.example.com/token',
      authorization_response_iss_parameter_supported: true,
    },
    'desktop',
  );
  const callback = new URL(`http://127.0.0.1/callback?${query}`);
  return oidc
    .authorizationCodeGrant(config, callback, { expectedState: 'our-state', pkceCodeVerifier: 'v'.repeat(43) })
    .then(
      () => new Error('the library accepted the callback'),
      (error: unknown) => error,
    );
}

describe('sign-in error mapping', () => {
  it('keeps our own errors as they are', () => {
    const own = new AppError('sign_in_timeout', 'late');
    expect(toSignInError(own)).toBe(own);
  });

  it('maps an error in the authorization response (Cancel, access_denied) to sign_in_denied', () => {
    const denied = new oidc.AuthorizationResponseError('authorization response from the server is an error', {
      cause: new URLSearchParams({ error: 'access_denied', error_description: 'End-User aborted interaction' }),
    });
    expect(toSignInError(denied).code).toBe('sign_in_denied');
  });

  it('maps a token endpoint error to token_endpoint_error without the provider text', () => {
    const mapped = toSignInError(bodyError('invalid_client'));
    expect(mapped.code).toBe('token_endpoint_error');
    expect(mapped.message).not.toContain('<script>');
  });

  it('recognises invalid_grant, which ends a session on refresh', () => {
    expect(isInvalidGrant(bodyError('invalid_grant'))).toBe(true);
    expect(isInvalidGrant(bodyError('invalid_client'))).toBe(false);
    expect(isInvalidGrant(new Error('invalid_grant'))).toBe(false);
  });

  it('maps network failures to idp_unreachable', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
    });
    expect(toSignInError(refused).code).toBe('idp_unreachable');
  });

  it('maps JWT timestamp failures to clock_skew and iss/state mismatches to their codes', async () => {
    const timestamp = clientError('JWT timestamp claim value failed validation', 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED');
    expect(toSignInError(timestamp).code).toBe('clock_skew');
    const iss = await callbackError('code=c&state=our-state&iss=https://elsewhere.example.com');
    expect(toSignInError(iss).code).toBe('issuer_mismatch');
    const state = await callbackError('code=c&state=another-state&iss=https://idp.example.com');
    expect(toSignInError(state).code).toBe('state_mismatch');
  });

  it('classifies by the library’s codes and check details, never by its message text', () => {
    // openid-client's own discovery check: the document names another issuer.
    const discovery = Object.assign(
      new oidc.ClientError('discovered metadata issuer does not match the expected issuer', {
        cause: { expected: 'https://idp.example.com/', body: {}, attribute: 'issuer' },
      }),
      { code: 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED' },
    );
    expect(toSignInError(discovery).code).toBe('issuer_mismatch');
    expect(toSignInError(clientError('operation timed out', 'OAUTH_TIMEOUT')).code).toBe('idp_unreachable');
    // The same words with another code mean what the code says.
    expect(
      toSignInError(clientError('unexpected "iss" (issuer) response parameter value', 'OAUTH_PARSE_ERROR')).code,
    ).toBe('token_endpoint_error');
    // A TypeError of a wrong argument is no network failure, whatever its text.
    expect(toSignInError(new TypeError('fetch failed: network')).code).toBe('internal');
  });

  it('turns anything else into internal with a generic message', () => {
    const mapped = toSignInError(new Error('secret detail'));
    expect(mapped.code).toBe('internal');
    expect(mapped.message).not.toContain('secret detail');
  });
});
