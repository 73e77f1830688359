/**
 * Real OIDC tokens for tests and benchmarks: runs authorization code + PKCE against the
 * sandbox IdP with openid-client and the scripted browser, the same flow the desktop uses.
 */
import * as oidc from 'openid-client';
import type { SandboxIdp } from '../../sandbox/idp/index.ts';
import { completeLogin } from '../../sandbox/idp/scripted-browser.ts';

export interface SignedInTokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
}

export async function discoverSandbox(idp: SandboxIdp, clientId = idp.desktopClientId): Promise<oidc.Configuration> {
  return oidc.discovery(new URL(idp.issuer), clientId, undefined, oidc.None(), {
    execute: [oidc.allowInsecureRequests],
  });
}

export async function signInAs(
  idp: SandboxIdp,
  username: string,
  /** `fetch`: how the scripted browser reaches the IdP (one that trusts a test's private CA, say). */
  options: { scope?: string; config?: oidc.Configuration; fetch?: typeof fetch } = {},
): Promise<SignedInTokens> {
  const user = idp.users.find((u) => u.username === username);
  if (!user) throw new Error(`signInAs: no sandbox user named ${username}`);
  const config = options.config ?? (await discoverSandbox(idp));
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  // Nothing listens here: the scripted browser stops before loading the callback.
  const redirectUri = 'http://127.0.0.1:9/callback';
  const authorizeUrl = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: options.scope ?? 'openid profile email offline_access',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const callback = await completeLogin(authorizeUrl.href, {
    username,
    password: user.password,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const tokens = await oidc.authorizationCodeGrant(config, new URL(callback), {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
    idTokenExpected: true,
  });
  if (!tokens.id_token || !tokens.refresh_token)
    throw new Error('signInAs: the IdP returned no ID token or refresh token');
  return { idToken: tokens.id_token, accessToken: tokens.access_token, refreshToken: tokens.refresh_token };
}
