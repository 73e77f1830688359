/**
 * The peers every SCIM test runs against: an identity provider (started by the caller, so each test
 * picks the sandbox IdP or a keyed issuer), the Box API emulator, and the backend with SCIM turned on.
 */
import { backendEnv, startBackend, startBoxPeer, type BoxPeer, type RunningBackend } from './backend-harness.ts';
import { scimToken } from './scim-client.ts';

interface Issuer {
  readonly issuer: string;
  close(): Promise<void>;
}

export interface ScimPeers<I extends Issuer> {
  readonly issuer: I;
  readonly box: BoxPeer;
  readonly backend: RunningBackend;
  /** Stops the backend, then Box, then the issuer. */
  close(): Promise<void>;
}

export async function startScimPeers<I extends Issuer>(
  issuer: I,
  audience: string,
  extraEnv: Record<string, string> = {},
): Promise<ScimPeers<I>> {
  const box = await startBoxPeer();
  const backend = await startBackend(
    backendEnv(issuer.issuer, audience, box, {
      SCIM_BEARER_TOKEN: scimToken,
      SCIM_STATE_FILE: `${box.configPath}.scim.json`,
      ...extraEnv,
    }),
  );
  return {
    issuer,
    box,
    backend,
    async close() {
      await backend.close();
      await box.close();
      await issuer.close();
    },
  };
}
