import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../../backend/config.ts';
import { createBackend } from '../../../../backend/server.ts';
import { startBoxEmulator, type BoxEmulator } from '../../../../sandbox/box-emulator/index.ts';
import type { SandboxIdp } from '../../../../sandbox/idp/index.ts';

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
  const dir = await mkdtemp(join(tmpdir(), 'sign-in-test-'));
  const configPath = join(dir, 'box-config.json');
  const emulator = await startBoxEmulator({ appConfigPath: configPath });
  const backend = createBackend(
    loadConfig({
      OIDC_ISSUER: idp.issuer,
      OIDC_AUDIENCE: idp.desktopClientId,
      BOX_CONFIG_FILE: configPath,
      BOX_API_URL: emulator.origin,
      BOX_UPLOAD_URL: `${emulator.origin}/api`,
      BOX_OAUTH2_URL: `${emulator.origin}/api/oauth2`,
      LOG_LEVEL: 'warn',
      // Tests sign the same user in many times a minute; the per-user limit is not under test here.
      RATE_LIMIT_PER_IDENTITY: '1000',
      ...env,
    }),
    { logDestination: { write: () => undefined } },
  );
  const backendUrl = await backend.app.listen({ host: '127.0.0.1', port: 0 });
  return {
    backendUrl,
    emulator,
    async close() {
      await backend.app.close();
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
