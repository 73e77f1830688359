import * as oidc from 'openid-client';
import { assertIdpUrl } from './idp-url-guard.ts';
import { openLoopbackListener } from './loopback-listener.ts';
import { throwIfCancelled, unlessCancelled } from './sign-in-cancellation.ts';
import { defaultScopes, defaultSignInTimeoutMs, type SignInSettings } from './sign-in-settings.ts';
import { signInError, toSignInError } from './sign-in-errors.ts';

export type TokenResponse = oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;

/** A browser tab sent to the identity provider, and where it comes back. */
export interface SignInTab {
  authorizeUrl: string;
  state: string;
  port: number;
}

export interface AuthorizationFlowOptions {
  config: oidc.Configuration;
  settings: SignInSettings;
  /** The system browser; the URL is checked before it is called. */
  openExternal: (url: string) => Promise<void>;
  /** Aborted by "Cancel" or by a newer sign-in. */
  signal: AbortSignal;
  /** Tabs of the sign-ins this one replaced: if they come back late, they are told so and ignored. */
  replacedTabs?: readonly SignInTab[];
  /** Called right before the browser is asked to open the tab ("Copy sign-in link" uses its URL). */
  onTabOpening?: (tab: SignInTab) => void;
  /** Called when the browser comes back, so the shell can bring the app window to the front. */
  onCallback?: () => void;
}

/**
 * One authorization code + PKCE flow through the system browser (RFC 8252): listener up,
 * browser opened, one callback awaited (or timeout / cancel), code exchanged with the
 * verifier, and the browser tab told how it went. The listener is always closed, and a
 * cancelled flow opens neither a listener nor a tab.
 */
export async function runAuthorizationFlow(options: AuthorizationFlowOptions): Promise<TokenResponse> {
  const { config, settings, signal } = options;
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const verifier = oidc.randomPKCECodeVerifier();
  const codeChallenge = await oidc.calculatePKCECodeChallenge(verifier);
  throwIfCancelled(signal);
  const listener = await openLoopbackListener({
    expectedState: state,
    ports: settings.loopbackPorts ?? [],
    replaced: options.replacedTabs ?? [],
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    // Cancelled while the listener came up: it closes below, and no tab opens.
    throwIfCancelled(signal);
    const parameters: Record<string, string> = {
      redirect_uri: listener.redirectUri,
      scope: (settings.scopes ?? defaultScopes).join(' '),
      code_challenge: codeChallenge,
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

    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(signInError('sign_in_timeout')), settings.timeoutMs ?? defaultSignInTimeoutMs);
    });
    const wait = <T>(work: Promise<T>): Promise<T> => unlessCancelled(Promise.race([work, timedOut]), signal);
    options.onTabOpening?.({ authorizeUrl, state, port: listener.port });
    // A browser that fails to open does not end the flow: the user can still "Copy sign-in link".
    await wait(options.openExternal(authorizeUrl).catch(() => undefined));
    const callbackUrl = await wait(listener.callback);
    options.onCallback?.();
    // The listener takes any callback carrying our state; one without a code or an error is no answer.
    if (!callbackUrl.searchParams.has('error') && !callbackUrl.searchParams.get('code')) {
      throw signInError('sign_in_malformed_answer');
    }
    // openid-client checks state and, when the provider advertises RFC 9207, iss.
    const tokens = await wait(
      oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: verifier,
        expectedState: state,
        expectedNonce: nonce,
        idTokenExpected: true,
      }),
    );
    await listener.finish({ ok: true });
    return tokens;
  } catch (error) {
    const appError = toSignInError(error);
    await listener.finish({ ok: false, message: appError.message });
    throw appError;
  } finally {
    clearTimeout(timer);
  }
}
