import type { CustomFetch } from 'openid-client';
import type { SessionState } from '../../../../common/session-state.ts';
import type { RememberedDiscovery } from '../../../../main/core/auth/remembered-discovery.ts';
import type { SignInSettings } from '../../../../main/core/auth/sign-in-settings.ts';
import type { SecretStore } from '../../../../main/core/keychain/secret-store.ts';
import { SessionManager } from '../../../../main/core/session/session-manager.ts';
import type { SandboxIdp } from '../../../../sandbox/idp/index.ts';

/** A session core wired to the sandbox peers, recording every state it announces. */
export function createSession(options: {
  idp: SandboxIdp;
  backendUrl: string;
  secretStore: SecretStore;
  openExternal: (url: string) => Promise<void>;
  settings?: Partial<SignInSettings>;
  clock?: () => number;
  fetch?: typeof fetch;
  idpFetch?: CustomFetch;
  focusApp?: () => void;
  rememberedDiscovery?: RememberedDiscovery;
}) {
  const manager = new SessionManager({
    settings: { issuer: options.idp.issuer, clientId: options.idp.desktopClientId, ...options.settings },
    backendUrl: options.backendUrl,
    secretStore: options.secretStore,
    openExternal: options.openExternal,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.idpFetch ? { idpFetch: options.idpFetch } : {}),
    ...(options.focusApp ? { focusApp: options.focusApp } : {}),
    ...(options.rememberedDiscovery ? { rememberedDiscovery: options.rememberedDiscovery } : {}),
  });
  const states: SessionState[] = [];
  manager.onChange((state) => states.push(state));
  return { manager, states };
}
