/**
 * The desktop's network, Box service and transfers over one configuration, against a Box
 * emulator, with the proxy sign-in dialog answered from a script: what the corporate-network
 * tests share.
 */
import { mkdir, readdir, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { settingDefaults, type DesktopConfig } from '../../../../common/desktop-config-schema.ts';
import { BoxService } from '../../../../main/core/box/box-service.ts';
import { createDesktopNetwork } from '../../../../main/core/network/create-outbound-network.ts';
import type { ProxyCredential, ProxyCredentialRequest } from '../../../../main/core/network/proxy-credentials.ts';
import { BoxTransferClient } from '../../../../main/core/transfers/box-transfer-client.ts';
import { TransferManager } from '../../../../main/core/transfers/transfer-manager.ts';
import type { BoxEmulator } from '../../../../sandbox/box-emulator/index.ts';
import { memoryKeychain } from '../../../support/memory-keychain.ts';
import { sha1OfPath, writeRandomFile } from '../../transfers/support/manager-fixture.ts';

/** A company configuration (its servers on names only the proxies resolve) with the given network settings. */
export function corporateConfig(network: Partial<DesktopConfig>): DesktopConfig {
  return {
    ...settingDefaults,
    issuer: 'https://idp.corp.test',
    clientId: 'desktop',
    backendUrl: 'https://backend.corp.test',
    scopes: ['openid'],
    loopbackPorts: [],
    caBundleFiles: [],
    ...network,
  };
}

export function proxiedBox(
  emulator: BoxEmulator,
  userId: string,
  config: DesktopConfig,
  answers: (ProxyCredential | null)[] = [],
) {
  const asked: ProxyCredentialRequest[] = [];
  const log: string[] = [];
  const keychain = memoryKeychain();
  const desktop = createDesktopNetwork(config, {
    secretStore: keychain,
    askProxyCredentials: (request) => {
      asked.push(request);
      return Promise.resolve(answers.shift() ?? null);
    },
    log: (line) => log.push(line),
  });
  const tokens = {
    token: undefined as string | undefined,
    async getToken() {
      this.token ??= (await emulator.controls.issueToken({ userId })).access_token;
      return this.token;
    },
    invalidate() {
      this.token = undefined;
    },
  };
  const urls = { apiBaseUrl: emulator.origin, uploadBaseUrl: `${emulator.origin}/api` };
  const transport = desktop.network.boxTransport();
  return {
    desktop,
    asked,
    log,
    keychain,
    service: new BoxService({ tokenSource: tokens, baseUrls: urls, transport }),
    client: new BoxTransferClient(tokens, urls, transport),
  };
}

export function transferManager(client: BoxTransferClient): TransferManager {
  return new TransferManager({
    client,
    events: { emit: () => undefined },
    askNameClash: () => Promise.reject(new Error('no name clash expected')),
  });
}

/** Uploads `size` random bytes from `dir` to the root folder, downloads them again and says whether they match. */
export async function uploadAndDownload(
  transfers: TransferManager,
  dir: string,
  name: string,
  size: number,
): Promise<{ uploadError: unknown; downloadError: unknown; same: boolean }> {
  await mkdir(join(dir, 'up'), { recursive: true });
  await mkdir(join(dir, 'down'), { recursive: true });
  const source = join(dir, 'up', name);
  const sha1 = await writeRandomFile(source, size, size);
  const [upload] = transfers.upload('0', [source]);
  await transfers.whenIdle();
  const uploaded = transfers.list().find((t) => t.id === upload!.id)!;
  if (uploaded.error) return { uploadError: uploaded.error, downloadError: undefined, same: false };
  const [download] = transfers.download([{ id: uploaded.fileId!, name }], {
    kind: 'folder',
    path: join(dir, 'down'),
  });
  await transfers.whenIdle();
  const downloaded = transfers.list().find((t) => t.id === download!.id)!;
  return {
    uploadError: undefined,
    downloadError: downloaded.error,
    same: !downloaded.error && (await sha1OfPath(join(dir, 'down', name))) === sha1,
  };
}

/** A PAC file served over http on loopback, as IT's web server would. */
export async function servePac(source: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/x-ns-proxy-autoconfig' }).end(source);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/proxy.pac`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Resolves once a download into `folder` has written its first bytes (then the test breaks its path). */
export async function untilBytesArrive(folder: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const partial = (await readdir(folder))[0];
    if (partial && (await stat(join(folder, partial)).catch(() => undefined))?.size) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no bytes arrived in ${folder} within 12 s`);
}
