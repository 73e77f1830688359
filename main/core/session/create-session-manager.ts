import type { DesktopConfig } from '../../../common/desktop-config-schema.ts';
import { KeytarSecretStore } from '../keychain/keytar-secret-store.ts';
import { MemoryFallbackSecretStore } from '../keychain/memory-fallback-secret-store.ts';
import { SessionManager } from './session-manager.ts';

/**
 * The session core as the app runs it: settings from the effective desktop configuration and
 * the refresh token in the OS keychain (in memory only when there is none). The shell passes the two Electron effects.
 */
export function createSessionManager(
  config: DesktopConfig,
  effects: { openExternal: (url: string) => Promise<void>; focusApp?: () => void },
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
  });
}
