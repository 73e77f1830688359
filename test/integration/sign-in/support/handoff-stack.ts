import type { BoxEmulator } from '../../../../sandbox/box-emulator/index.ts';
import type { SandboxIdp } from '../../../../sandbox/idp/index.ts';
import { backendEnv, startBackend, startBoxPeer } from '../../backend/support/backend-harness.ts';

/**
 * The real peers behind the Box handoff: the Box API emulator and the provisioning backend,
 * configured as a deployment would be, trusting the given sandbox IdP.
 */
export interface HandoffStack {
  backendUrl: string;
  emulator: BoxEmulator;
  close(): Promise<void>;
}

export async function startHandoffStack(idp: SandboxIdp, env: Record<string, string> = {}): Promise<HandoffStack> {
  const box = await startBoxPeer();
  const backend = await startBackend(
    backendEnv(idp.issuer, idp.desktopClientId, box, {
      LOG_LEVEL: 'warn',
      // Tests sign the same user in many times a minute; the per-user limit is not under test here.
      RATE_LIMIT_PER_IDENTITY: '1000',
      ...env,
    }),
  );
  return {
    backendUrl: backend.url,
    emulator: box.emulator,
    async close() {
      await backend.close();
      await box.close();
    },
  };
}
