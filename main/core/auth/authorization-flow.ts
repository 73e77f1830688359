import * as oidc from 'openid-client';
import { assertIdpUrl } from './idp-url-guard.ts';
import { openLoopbackListener } from './loopback-listener.ts';
import { defaultScopes, defaultSignInTimeoutMs, type SignInSettings } from './sign-in-settings.ts';
import { signInError, toSignInError } from './sign-in-errors.ts';

export type TokenResponse = oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;

export interface AuthorizationFlowOptions {
  config: oidc.Configuration;
  settings: SignInSettings;
  /** The system browser; the URL is checked before it is called. */
  openExternal: (url: string) => Promise<void>;
  /** Aborted by "Cancel" or by a newer sign-in. */
  signal: AbortSignal;
  /** Called with the authorize URL once the listener is up ("Copy sign-in link"). */
  onAuthorizeUrl?: (url: string) => void;
  /** Called when the browser comes back, so the shell can bring the app window to the front. */
  onCallback?: () => void;
}

/**
 * One authorization code + PKCE flow through the system browser (RFC 8252): listener up,
 * browser opened, one callback awaited (or timeout / cancel), code exchanged with the
 * verifier, and the browser tab told how it went. The listener is always closed.
 */
export async function runAuthorizationFlow(options: AuthorizationFlowOptions): Promise<TokenResponse> {
  const { config, settings, signal } = options;
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const verifier = oidc.randomPKCECodeVerifier();
  const listener = await openLoopbackListener({ expectedState: state, ports: settings.loopbackPorts ?? [] });
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  try {
    const parameters: Record<string, string> = {
      redirect_uri: listener.redirectUri,
      scope: (settings.scopes ?? defaultScopes).join(' '),
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    };
    if (settings.prompt) parameters.prompt = settings.prompt;
    if (settings.loginHint) parameters.login_hint = settings.loginHint;
    if (settings.domainHint) parameters.domain_hint = settings.domainHint;
    const authorizeUrl = oidc.buildAuthorizationUrl(config, parameters).href;
    const metadata = config.serverMetadata();
    assertIdpUrl(authorizeUrl, [new URL(metadata.authorization_endpoint ?? metadata.issuer).origin]);

    const stopped = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(signInError('sign_in_timeout')), settings.timeoutMs ?? defaultSignInTimeoutMs);
      onAbort = () => reject(signInError('sign_in_cancelled'));
      if (signal.aborted) onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
    });
    options.onAuthorizeUrl?.(authorizeUrl);
    // A browser that fails to open does not end the flow: the user can still "Copy sign-in link".
    await Promise.race([options.openExternal(authorizeUrl).catch(() => undefined), stopped]);
    const callbackUrl = await Promise.race([listener.callback, stopped]);
    options.onCallback?.();
    // openid-client checks state and, when the provider advertises RFC 9207, iss.
    const tokens = await Promise.race([
      oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: verifier,
        expectedState: state,
        expectedNonce: nonce,
        idTokenExpected: true,
      }),
      stopped,
    ]);
    await listener.finish({ ok: true });
    return tokens;
  } catch (error) {
    const appError = toSignInError(error);
    await listener.finish({ ok: false, message: appError.message });
    throw appError;
  } finally {
    clearTimeout(timer);
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}
