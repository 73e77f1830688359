import * as oidc from 'openid-client';
import type { SignInSettings } from './sign-in-settings.ts';
import { toSignInError } from './sign-in-errors.ts';

/**
 * Discovers the provider with openid-client as a public client (PKCE, no secret). Plain
 * HTTP is allowed only for a loopback issuer, which the config schema already enforces.
 * `clock` is the app's notion of now; openid-client checks token timestamps against it.
 * `fetch` carries every request to the provider (the global fetch by default).
 */
export async function discoverProvider(
  settings: SignInSettings,
  clock: () => number = Date.now,
  fetch?: oidc.CustomFetch,
): Promise<oidc.Configuration> {
  const issuer = new URL(settings.issuer);
  const skewSeconds = Math.round((clock() - Date.now()) / 1000);
  try {
    return await oidc.discovery(issuer, settings.clientId, { [oidc.clockSkew]: skewSeconds }, oidc.None(), {
      execute: issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
      timeout: 30,
      // The Configuration keeps it for the grants too.
      ...(fetch ? { [oidc.customFetch]: fetch } : {}),
    });
  } catch (error) {
    throw toSignInError(error);
  }
}
