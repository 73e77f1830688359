/**
 * Starts the backend on a free port against real peers (the sandbox IdP and the Box API
 * emulator) and captures its log lines so tests can assert what was (not) logged.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BoxClient } from 'box-node-sdk';
import { loadConfig } from '../../../../backend/config.ts';
import { createBackend, type Backend, type BackendOptions } from '../../../../backend/server.ts';
import { startBoxEmulator, type BoxEmulator } from '../../../../sandbox/box-emulator/index.ts';
import { tokenClient } from '../../../support/box-emulator-harness.ts';

export interface RunningBackend extends Backend {
  url: string;
  logs: string[];
  close(): Promise<void>;
}

export interface BoxPeer {
  emulator: BoxEmulator;
  configPath: string;
  close(): Promise<void>;
}

export async function startBoxPeer(options: { tokenTtlSeconds?: number } = {}): Promise<BoxPeer> {
  const dir = await mkdtemp(join(tmpdir(), 'backend-test-'));
  const configPath = join(dir, 'box-config.json');
  const emulator = await startBoxEmulator({ appConfigPath: configPath, ...options });
  return {
    emulator,
    configPath,
    async close() {
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The environment a deployment would set, pointing Box at the emulator. */
export function backendEnv(issuer: string, audience: string, box: BoxPeer, extra: Record<string, string> = {}) {
  return {
    OIDC_ISSUER: issuer,
    OIDC_AUDIENCE: audience,
    BOX_CONFIG_FILE: box.configPath,
    BOX_API_URL: box.emulator.origin,
    BOX_UPLOAD_URL: `${box.emulator.origin}/api`,
    BOX_OAUTH2_URL: `${box.emulator.origin}/api/oauth2`,
    LOG_LEVEL: 'debug',
    ...extra,
  };
}

export async function startBackend(env: Record<string, string>, options: BackendOptions = {}): Promise<RunningBackend> {
  const logs: string[] = [];
  const backend = createBackend(loadConfig(env), {
    logDestination: { write: (line: string) => void logs.push(line) },
    ...options,
  });
  const url = await backend.app.listen({ host: '127.0.0.1', port: 0 });
  return { ...backend, url, logs, close: () => backend.app.close() };
}

export function requestToken(backend: { url: string }, idToken: string | undefined): Promise<Response> {
  return fetch(`${backend.url}/v1/box-token`, {
    method: 'POST',
    headers: idToken === undefined ? {} : { authorization: `Bearer ${idToken}` },
  });
}

/** The service account's own view of Box users, for counting what the backend created. */
export async function serviceClient(emulator: BoxEmulator): Promise<BoxClient> {
  const { access_token } = await emulator.controls.issueToken({ userId: emulator.serviceAccountId });
  return tokenClient(emulator, access_token);
}

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  scopes: string[];
  box_user: { id: string; name: string; login: string };
}
