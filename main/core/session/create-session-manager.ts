import type { DesktopConfig } from '../../../common/desktop-config-schema.ts';
import { KeytarSecretStore } from '../keychain/keytar-secret-store.ts';
import { MemoryFallbackSecretStore } from '../keychain/memory-fallback-secret-store.ts';
import { join } from 'node:path';
import type * as oidc from 'openid-client';
import { rememberedDiscoveryIn } from '../auth/remembered-discovery.ts';
import { SessionManager } from './session-manager.ts';

/** openid-client's CustomFetch over a fetch: its bodies (Uint8Array, URLSearchParams, strings) are ones fetch accepts. */
function asIdpFetch(fetchThrough: typeof fetch): oidc.CustomFetch {
  return (url, options) => fetchThrough(url, options as RequestInit);
}

/**
 * The session core as the app runs it: settings from the effective desktop configuration and
 * the refresh token in the OS keychain (in memory only when there is none). The shell passes the two Electron effects.
 * With the app's data folder, the provider's discovery is remembered there for the next launch's restore.
 */
export function createSessionManager(
  config: DesktopConfig,
  effects: { openExternal: (url: string) => Promise<void>; focusApp?: () => void; fetch?: typeof fetch },
  dataDir?: string,
): SessionManager {
  return new SessionManager({
    settings: {
      issuer: config.issuer,
      clientId: config.clientId,
      scopes: config.scopes,
      loopbackPorts: config.loopbackPorts,
      ...(config.loginHint ? { loginHint: config.loginHint } : {}),
      ...(config.domainHint ? { domainHint: config.domainHint } : {}),
    },
    backendUrl: config.backendUrl,
    secretStore: new MemoryFallbackSecretStore(new KeytarSecretStore()),
    openExternal: effects.openExternal,
    ...(effects.focusApp ? { focusApp: effects.focusApp } : {}),
    ...(dataDir !== undefined
      ? { rememberedDiscovery: rememberedDiscoveryIn(join(dataDir, 'identity-provider.json')) }
      : {}),
    // The IdP and the backend through the app's one network (proxy, proxy sign-in, trusted CAs).
    ...(effects.fetch ? { fetch: effects.fetch, idpFetch: asIdpFetch(effects.fetch) } : {}),
  });
}
