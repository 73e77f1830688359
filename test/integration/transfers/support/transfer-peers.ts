/**
 * The real peers a transfer test runs against: the sandbox IdP, the Box API emulator and the
 * provisioning backend wired to both. The Box token comes from the backend's /v1/box-token
 * after a real sign-in, exactly as the desktop gets it.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BoxAccessTokenSource } from '../../../../main/core/box-client/box-access-token-source.ts';
import type { BoxBaseUrls } from '../../../../main/core/box-client/box-connection.ts';
import { BoxTransferClient } from '../../../../main/core/transfers/box-transfer-client.ts';
import type { BoxEmulator } from '../../../../sandbox/box-emulator/index.ts';
import { startSandboxIdp, type SandboxIdp } from '../../../../sandbox/idp/index.ts';
import { signInAs } from '../../../support/sign-in-as.ts';
import { backendEnv, requestToken, startBackend, startBoxPeer } from '../../backend/support/backend-harness.ts';

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
  const box = await startBoxPeer();
  const emulator = box.emulator;
  const idp = await startSandboxIdp();
  const workDir = await mkdtemp(join(tmpdir(), 'box-sso-transfers-'));
  const backend = await startBackend(
    backendEnv(idp.issuer, idp.desktopClientId, box, { LOG_LEVEL: 'silent', RATE_LIMIT_PER_IDENTITY: '1000' }),
  );
  const { idToken } = await signInAs(idp, 'alice');

  let current: string | undefined;
  let fetched = 0;
  let boxUserId = '';
  const fetchToken = async (): Promise<string> => {
    const response = await requestToken(backend, idToken);
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
      await backend.close();
      await idp.close();
      await box.close();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

/**
 * The peers for one test file: started before its tests, stopped after, faults cleared after each
 * test; `freshFolder()` gives each test an empty download folder of its own (named `<prefix>-N`).
 */
export function useTransferPeers(prefix: string): { peers: () => TransferPeers; freshFolder: () => Promise<string> } {
  let peers: TransferPeers | undefined;
  let folderCount = 0;
  const started = (): TransferPeers => {
    if (!peers) throw new Error('the transfer peers have not started (use them inside a test)');
    return peers;
  };
  beforeAll(async () => {
    peers = await startTransferPeers();
  });
  afterAll(async () => {
    await peers?.close();
  });
  afterEach(async () => {
    await peers?.emulator.controls.clearFaults();
  });
  return {
    peers: started,
    async freshFolder() {
      const folder = join(started().workDir, `${prefix}-${++folderCount}`);
      await mkdir(folder, { recursive: true });
      return folder;
    },
  };
}
