import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBoxEmulator, type BoxEmulator } from '../box-emulator/index.ts';
import { startSandboxIdp, type SandboxIdp } from '../idp/index.ts';
import { startBackendProcess, type BackendProcess } from './backend-process.ts';

/**
 * The whole outside world on loopback: the sandbox identity provider, the Box API emulator
 * seeded with demo content, and the provisioning backend configured from the emulator's
 * minted JWT app, the way IT configures it for real Box.
 */
export interface SandboxStack {
  idp: SandboxIdp;
  emulator: BoxEmulator;
  backend: BackendProcess;
  /** What the desktop app needs to use this stack (the same keys as its settings file). */
  desktopSettings: {
    issuer: string;
    clientId: string;
    backendUrl: string;
    boxApiUrl: string;
    boxUploadUrl: string;
  };
  close(): Promise<void>;
}

export interface SandboxStackOptions {
  /** Give every user demo folders and files at their first sign-in (default true). */
  demoContent?: boolean;
  backendLogLevel?: string;
}

export async function startSandboxStack(options: SandboxStackOptions = {}): Promise<SandboxStack> {
  const workDir = await mkdtemp(join(tmpdir(), 'box-sso-sandbox-'));
  const appConfigPath = join(workDir, 'box-app-config.json');
  const started: Array<() => Promise<void>> = [() => rm(workDir, { recursive: true, force: true })];
  const close = async () => {
    for (const stop of started.splice(0).reverse()) await stop();
  };
  try {
    const idp = await startSandboxIdp();
    started.push(() => idp.close());
    // Each App User the backend creates at first sign-in starts with demo content.
    const emulator = await startBoxEmulator({ appConfigPath, demoContent: options.demoContent ?? true });
    started.push(() => emulator.close());

    const backend = await startBackendProcess({
      OIDC_ISSUER: idp.issuer,
      OIDC_AUDIENCE: idp.desktopClientId,
      BOX_CONFIG_FILE: appConfigPath,
      BOX_API_URL: emulator.origin,
      BOX_UPLOAD_URL: `${emulator.origin}/api`,
      BOX_OAUTH2_URL: `${emulator.origin}/api/oauth2`,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: options.backendLogLevel ?? 'warn',
    });
    started.push(() => backend.stop());
    // Signing out at the IdP ends the desktop's session at the backend too.
    await idp.registerBackchannelLogout(`${backend.url}/v1/backchannel-logout`);

    return {
      idp,
      emulator,
      backend,
      desktopSettings: {
        issuer: idp.issuer,
        clientId: idp.desktopClientId,
        backendUrl: backend.url,
        boxApiUrl: emulator.origin,
        boxUploadUrl: `${emulator.origin}/api`,
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
