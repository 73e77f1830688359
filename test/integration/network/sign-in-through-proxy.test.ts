/**
 * The whole desktop path on a corporate network, with real parts: squid requiring Basic
 * authentication, and the sandbox IdP (oidc-provider), the provisioning backend (its own process,
 * behind a TLS front as behind a load balancer) and the Box emulator all over HTTPS with
 * certificates from a private CA made here, that CA only in the store this process reads as the
 * system store, and their names (idp/backend/box.corp.test) resolvable only by squid. Through it:
 * sign in, list, a 25 MB upload and its download byte for byte, a thumbnail, sign out with revocation.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import { settingDefaults, type DesktopConfig } from '../../../common/desktop-config-schema.ts';
import { BoxService } from '../../../main/core/box/box-service.ts';
import { refreshTokenAccount } from '../../../main/core/keychain/secret-store.ts';
import { createDesktopNetwork, type DesktopNetwork } from '../../../main/core/network/create-outbound-network.ts';
import { SessionManager } from '../../../main/core/session/session-manager.ts';
import { BoxTransferClient } from '../../../main/core/transfers/box-transfer-client.ts';
import { TransferManager } from '../../../main/core/transfers/transfer-manager.ts';
import { startBoxEmulator, type BoxEmulator } from '../../../sandbox/box-emulator/index.ts';
import { startSandboxIdp, type SandboxIdp } from '../../../sandbox/idp/index.ts';
import { completeLogin } from '../../../sandbox/idp/scripted-browser.ts';
import { startBackendProcess, type BackendProcess } from '../../../sandbox/stack/backend-process.ts';
import { createPrivateCa, useAsSystemStore, type PrivateCa } from '../../support/private-ca.ts';
import { memoryKeychain } from '../../support/memory-keychain.ts';
import { startSquid, type SquidProxy } from '../../support/squid-proxy.ts';
import { startTlsFront } from '../../support/tls-front.ts';
import { sha1OfPath, writeRandomFile } from '../transfers/support/manager-fixture.ts';

const proxyUser = 'alice.proxy';
const proxyPassword = 'Pr0xy-pass-word';

let ca: PrivateCa;
let squid: SquidProxy;
let idp: SandboxIdp;
let emulator: BoxEmulator;
let backend: BackendProcess;
let front: { port: number; close(): Promise<void> };
let dir: string;

beforeAll(async () => {
  ca = await createPrivateCa();
  // The "OS store" of this test process is the private CA and nothing else.
  useAsSystemStore(ca);
  dir = await mkdtemp(join(tmpdir(), 'corp-sign-in-'));
  squid = await startSquid({
    user: proxyUser,
    password: proxyPassword,
    hosts: { 'idp.corp.test': '127.0.0.1', 'backend.corp.test': '127.0.0.1', 'box.corp.test': '127.0.0.1' },
  });
  idp = await startSandboxIdp({ tls: { ...(await ca.issue(['idp.corp.test'])), name: 'idp.corp.test' } });
  const appConfigPath = join(dir, 'box-config.json');
  emulator = await startBoxEmulator({
    appConfigPath,
    tls: { ...(await ca.issue(['box.corp.test'])), name: 'box.corp.test' },
  });
  // The backend reaches the IdP (discovery, JWKS) and Box through the same proxy, trusting the
  // CA only through CA_BUNDLE_FILE: its process gets no SSL_CERT_DIR, no NODE_EXTRA_CA_CERTS and
  // no NODE_USE_ENV_PROXY, so Node's own fetch could reach neither name nor certificate.
  const proxyWithCredentials = `http://${proxyUser}:${proxyPassword}@127.0.0.1:${squid.port}`;
  backend = await startBackendProcess({
    OIDC_ISSUER: idp.issuer,
    OIDC_AUDIENCE: idp.desktopClientId,
    BOX_CONFIG_FILE: appConfigPath,
    BOX_API_URL: emulator.origin,
    BOX_UPLOAD_URL: `${emulator.origin}/api`,
    BOX_OAUTH2_URL: `${emulator.origin}/api/oauth2`,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    HTTPS_PROXY: proxyWithCredentials,
    CA_BUNDLE_FILE: ca.caFile,
  });
  front = await startTlsFront(backend.url, await ca.issue(['backend.corp.test']));
}, 180_000);
afterAll(async () => {
  await front?.close();
  await backend?.stop();
  await emulator?.close();
  await idp?.close();
  await squid?.close();
  await ca?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('sign in, list, 25 MB up and down, a thumbnail and sign out with revocation, all through the proxy', async () => {
  const keychain = memoryKeychain();
  const asked: string[] = [];
  const log: string[] = [];
  const config = {
    ...settingDefaults,
    issuer: idp.issuer,
    clientId: idp.desktopClientId,
    backendUrl: `https://backend.corp.test:${front.port}`,
    boxApiUrl: emulator.origin,
    boxUploadUrl: `${emulator.origin}/api`,
    proxyMode: 'fixed',
    proxyUrl: squid.url,
  } as DesktopConfig;
  const desktop: DesktopNetwork = createDesktopNetwork(config, {
    secretStore: keychain,
    askProxyCredentials: (request) => {
      asked.push(request.proxy);
      return Promise.resolve({ username: proxyUser, password: proxyPassword });
    },
    log: (line) => log.push(line),
  });
  const { network } = desktop;
  const alice = idp.users.find((user) => user.username === 'alice')!;
  const session = new SessionManager({
    settings: { issuer: config.issuer, clientId: config.clientId, scopes: config.scopes, loopbackPorts: [] },
    backendUrl: config.backendUrl,
    secretStore: keychain,
    // The system browser sits behind the same proxy; it logs in and loads the loopback callback.
    openExternal: (url) => {
      void completeLogin(url, { username: 'alice', password: alice.password, fetch: network.fetch }).then((callback) =>
        fetch(callback),
      );
      return Promise.resolve();
    },
    fetch: network.fetch,
    idpFetch: (url, options) => network.fetch(url, options as RequestInit),
  });
  try {
    const signedIn = await session.signIn();
    expect(signedIn).toMatchObject({ status: 'signed-in' });
    // One question, for the one proxy, whatever the number and kinds of connections.
    expect(asked).toEqual([`127.0.0.1:${squid.port}`]);

    const urls = { apiBaseUrl: emulator.origin, uploadBaseUrl: `${emulator.origin}/api` };
    const transport = network.boxTransport();
    const service = new BoxService({ tokenSource: session.boxTokens, baseUrls: urls, transport });
    await expect(service.listFolder({ folderId: '0' })).resolves.toBeDefined();

    const client = new BoxTransferClient(session.boxTokens, urls, transport);
    const transfers = new TransferManager({
      client,
      events: { emit: () => undefined },
      askNameClash: () => Promise.reject(new Error('no name clash expected')),
    });
    const source = join(dir, 'report 25 MB.bin');
    const sha1 = await writeRandomFile(source, 25 * 1024 * 1024, 11);
    const [upload] = transfers.upload('0', [source]);
    await transfers.whenIdle();
    const uploaded = transfers.list().find((t) => t.id === upload!.id)!;
    expect(uploaded.error).toBeUndefined();
    const downloads = join(dir, 'downloads');
    await mkdir(downloads);
    const [download] = transfers.download([{ id: uploaded.fileId!, name: 'report 25 MB.bin' }], {
      kind: 'folder',
      path: downloads,
    });
    await transfers.whenIdle();
    expect(transfers.list().find((t) => t.id === download!.id)!.error).toBeUndefined();
    expect(await sha1OfPath(join(downloads, 'report 25 MB.bin'))).toBe(sha1);
    await transfers.dispose();

    const boxUserId = (await session.boxTokens.getAccess()).boxUser.id;
    const photo = await emulator.controls.createFile({ ownerId: boxUserId, name: 'team.png', size: 4000, seed: 2 });
    await expect(service.getThumbnail(photo.id)).resolves.toMatch(/^data:image\/png/);

    // Sign-out revokes the refresh token at the IdP (through the proxy): it no longer refreshes.
    const refreshToken = keychain.entries.get(refreshTokenAccount(config.issuer, config.clientId))!;
    expect(refreshToken).toBeTruthy();
    await session.signOut();
    const discovery = await oidc.discovery(new URL(idp.issuer), idp.desktopClientId, undefined, oidc.None(), {
      [oidc.customFetch]: (url, options) => network.fetch(url, options as RequestInit),
    });
    await expect(oidc.refreshTokenGrant(discovery, refreshToken)).rejects.toMatchObject({ error: 'invalid_grant' });
  } finally {
    session.cancelSignIn();
    await network.close();
  }
  // squid logs a tunnel when it closes: the kept-alive ones closed with the network just now.
  for (const host of ['idp.corp.test', 'backend.corp.test', 'box.corp.test']) {
    await expect.poll(() => squid.accessLog(), { timeout: 15_000 }).toContain(`CONNECT ${host}`);
  }
  const access = await squid.accessLog();
  // Every log line, ours and the proxy's, free of the proxy password.
  for (const line of [...log, ...access.split('\n')]) expect(line).not.toContain(proxyPassword);
}, 240_000);
