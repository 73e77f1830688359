import * as oidc from 'openid-client';
import type { SignInSettings } from './sign-in-settings.ts';
import { toSignInError } from './sign-in-errors.ts';

/**
 * Discovers the provider with openid-client as a public client (PKCE, no secret). Plain
 * HTTP is allowed only for a loopback issuer, which the config schema already enforces.
 * `clock` is the app's notion of now; openid-client checks token timestamps against it.
 */
export async function discoverProvider(
  settings: SignInSettings,
  clock: () => number = Date.now,
): Promise<oidc.Configuration> {
  const issuer = new URL(settings.issuer);
  const skewSeconds = Math.round((clock() - Date.now()) / 1000);
  try {
    return await oidc.discovery(issuer, settings.clientId, { [oidc.clockSkew]: skewSeconds }, oidc.None(), {
      execute: issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
      timeout: 30,
    });
  } catch (error) {
    throw toSignInError(error);
  }
}
