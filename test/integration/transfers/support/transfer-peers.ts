/**
 * The real peers a transfer test runs against: the sandbox IdP, the Box API emulator and the
 * provisioning backend wired to both. The Box token comes from the backend's /v1/box-token
 * after a real sign-in, exactly as the desktop gets it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../../backend/config.ts';
import { createBackend } from '../../../../backend/server.ts';
import type { BoxAccessTokenSource } from '../../../../main/core/box/box-access-token-source.ts';
import { BoxTransferClient, type BoxBaseUrls } from '../../../../main/core/transfers/box-transfer-client.ts';
import { startBoxEmulator, type BoxEmulator } from '../../../../sandbox/box-emulator/index.ts';
import { startSandboxIdp, type SandboxIdp } from '../../../../sandbox/idp/index.ts';
import { signInAs } from '../../../support/sign-in-as.ts';

export interface BackendTokenSource extends BoxAccessTokenSource {
  /** How many tokens were fetched from the backend. */
  readonly fetched: number;
}

export interface TransferPeers {
  emulator: BoxEmulator;
  idp: SandboxIdp;
  urls: BoxBaseUrls;
  tokens: BackendTokenSource;
  client: BoxTransferClient;
  /** The signed-in user's Box id (an app user the backend provisioned). */
  boxUserId: string;
  /** A private scratch folder for local files. */
  workDir: string;
  close(): Promise<void>;
}

export async function startTransferPeers(): Promise<TransferPeers> {
  const emulator = await startBoxEmulator();
  const idp = await startSandboxIdp();
  const workDir = await mkdtemp(join(tmpdir(), 'box-sso-transfers-'));
  const configPath = join(workDir, 'box-app-config.json');
  await writeFile(configPath, JSON.stringify(emulator.appConfig));
  const backend = createBackend(
    loadConfig({
      OIDC_ISSUER: idp.issuer,
      OIDC_AUDIENCE: idp.desktopClientId,
      BOX_CONFIG_FILE: configPath,
      BOX_API_URL: emulator.origin,
      BOX_UPLOAD_URL: `${emulator.origin}/api`,
      BOX_OAUTH2_URL: `${emulator.origin}/api/oauth2`,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_IDENTITY: '1000',
    }),
  );
  const backendUrl = await backend.app.listen({ host: '127.0.0.1', port: 0 });
  const { idToken } = await signInAs(idp, 'alice');

  let current: string | undefined;
  let fetched = 0;
  let boxUserId = '';
  const fetchToken = async (): Promise<string> => {
    const response = await fetch(`${backendUrl}/v1/box-token`, { method: 'POST', headers: { authorization: `Bearer ${idToken}` } });
    if (!response.ok) throw new Error(`backend /v1/box-token answered ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as { access_token: string; box_user: { id: string } };
    fetched += 1;
    boxUserId = body.box_user.id;
    return body.access_token;
  };
  const tokens: BackendTokenSource = {
    get fetched() {
      return fetched;
    },
    async getToken() {
      current ??= await fetchToken();
      return current;
    },
    invalidate(token) {
      if (token === current) current = undefined;
    },
  };
  await tokens.getToken();
  const urls = { apiBaseUrl: emulator.origin, uploadBaseUrl: `${emulator.origin}/api` };
  return {
    emulator,
    idp,
    urls,
    tokens,
    client: new BoxTransferClient(tokens, urls),
    boxUserId,
    workDir,
    async close() {
      await backend.app.close();
      await idp.close();
      await emulator.close();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}
