/**
 * Corporate networks with real parts: squid on loopback requiring Basic authentication, the Box
 * emulator over HTTPS with a certificate from a private CA made here, that CA only in the store
 * this process is told is the system one (SSL_CERT_FILE/SSL_CERT_DIR, set before anything reads
 * it), and box.corp.test resolvable only by squid's hosts file, so nothing can connect directly.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../common/app-error.ts';
import type { DesktopConfig } from '../../../common/desktop-config-schema.ts';
import { BoxTransferClient } from '../../../main/core/transfers/box-transfer-client.ts';
import { startBoxEmulator, type BoxEmulator } from '../../../sandbox/box-emulator/index.ts';
import { freePort } from '../../support/ports.ts';
import { createPrivateCa, useAsSystemStore, type PrivateCa } from '../../support/private-ca.ts';
import { startSquid, type SquidProxy } from '../../support/squid-proxy.ts';
import { sha1OfPath, writeRandomFile } from '../transfers/support/manager-fixture.ts';
import { corporateConfig, proxiedBox, servePac, transferManager, untilBytesArrive } from './support/proxied-box.ts';

const proxyUser = 'alice.proxy';
const proxyPassword = 'S3cret-proxy-pw!';

let ca: PrivateCa;
let squid: SquidProxy;
let emulator: BoxEmulator;
let userId: string;
let workDir: string;

beforeAll(async () => {
  ca = await createPrivateCa();
  // The "OS store" of this test process is the private CA and nothing else.
  useAsSystemStore(ca);
  const tls = { ...(await ca.issue(['box.corp.test'])), name: 'box.corp.test' };
  emulator = await startBoxEmulator({ tls });
  squid = await startSquid({ user: proxyUser, password: proxyPassword, hosts: { 'box.corp.test': '127.0.0.1' } });
  const user = await emulator.controls.createUser({ name: 'Alice' });
  userId = user.id;
  workDir = join(ca.dir, 'work');
  await mkdir(workDir);
}, 120_000);
afterAll(async () => {
  await squid?.close();
  await emulator?.close();
  await ca?.close();
});

function world(answers: ({ username: string; password: string } | null)[], overrides: Partial<DesktopConfig> = {}) {
  return proxiedBox(
    emulator,
    userId,
    corporateConfig({ proxyMode: 'fixed', proxyUrl: squid.url, ...overrides }),
    answers,
  );
}

const manager = transferManager;

const right = { username: proxyUser, password: proxyPassword };
const wrong = { username: proxyUser, password: 'not-it' };

test('the CA is trusted only because it is in the store the app reads as the system store', () => {
  const { desktop } = world([]);
  expect(desktop.certificateSources.system).toBe(1);
  expect(desktop.certificateSources.bundled).toBeGreaterThan(100);
});

test('through the authenticating proxy: list, a 25 MB upload, its download byte for byte and a thumbnail; asked once', async () => {
  const { desktop, asked, log, keychain, service, client } = world([right]);
  try {
    await expect(service.listFolder({ folderId: '0' })).resolves.toBeDefined();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({
      proxy: `127.0.0.1:${squid.port}`,
      realm: 'corp-proxy',
      attempt: 1,
      refused: false,
    });

    const source = join(workDir, 'big 25 MB.bin');
    const sha1 = await writeRandomFile(source, 25 * 1024 * 1024, 7);
    const transfers = manager(client);
    const [upload] = transfers.upload('0', [source]);
    await transfers.whenIdle();
    const uploaded = transfers.list().find((t) => t.id === upload!.id)!;
    expect(uploaded.error).toBeUndefined();
    expect(uploaded.state).toBe('done');

    const downloadDir = join(workDir, 'down');
    await mkdir(downloadDir);
    const [download] = transfers.download([{ id: uploaded.fileId!, name: 'big 25 MB.bin' }], {
      kind: 'folder',
      path: downloadDir,
    });
    await transfers.whenIdle();
    expect(transfers.list().find((t) => t.id === download!.id)!.error).toBeUndefined();
    expect(await sha1OfPath(join(downloadDir, 'big 25 MB.bin'))).toBe(sha1);

    const photo = await emulator.controls.createFile({ ownerId: userId, name: 'photo.png', size: 5000, seed: 3 });
    await expect(service.getThumbnail(photo.id)).resolves.toMatch(/^data:image\/png/);

    // One question for every connection of every kind, the answer kept in the keychain, never in a log line.
    expect(asked).toHaveLength(1);
    expect([...keychain.entries.keys()]).toEqual([`proxy 127.0.0.1:${squid.port}`]);
    // squid logs a tunnel when it closes (each download's connection closes at its end).
    await expect.poll(() => squid.accessLog(), { timeout: 15_000 }).toContain(`CONNECT box.corp.test`);
    const access = await squid.accessLog();
    expect(access).toContain(proxyUser);
    for (const line of [...log, access]) expect(line).not.toContain(proxyPassword);
    await transfers.dispose();
  } finally {
    await desktop.network.close();
  }
});

test('a wrong proxy password asks again saying so, and after three refusals fails with a clear error', async () => {
  const { desktop, asked, keychain, service } = world([wrong, wrong, wrong, right]);
  try {
    const failure = await service.listFolder({ folderId: '0' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'proxy_auth_failed' });
    expect((failure as Error).message).toMatch(/refused your user name and password three times/);
    expect(asked.map((a) => [a.attempt, a.refused])).toEqual([
      [1, false],
      [2, true],
      [3, true],
    ]);
    expect(keychain.entries.size).toBe(0);
  } finally {
    await desktop.network.close();
  }
});

test('an untrusted certificate fails with the clear error naming the host, and nothing is written', async () => {
  const other = await createPrivateCa('Someone Else CA');
  const impostor = await startBoxEmulator({
    tls: { ...(await other.issue(['box.corp.test'])), name: 'box.corp.test' },
  });
  try {
    const { desktop } = world([right]);
    const user = await impostor.controls.createUser({ name: 'Alice' });
    const file = await impostor.controls.createFile({ ownerId: user.id, name: 'secret.bin', size: 1000, seed: 1 });
    const tokens = {
      getToken: async () => (await impostor.controls.issueToken({ userId: user.id })).access_token,
      invalidate: () => undefined,
    };
    const urls = { apiBaseUrl: impostor.origin, uploadBaseUrl: `${impostor.origin}/api` };
    const client = new BoxTransferClient(tokens, urls, desktop.network.boxTransport());
    const transfers = manager(client);
    const target = join(workDir, 'untrusted');
    await mkdir(target);
    const [download] = transfers.download([{ id: file.id, name: 'secret.bin' }], { kind: 'folder', path: target });
    await transfers.whenIdle();
    const failed = transfers.list().find((t) => t.id === download!.id)!;
    expect(failed.error?.code).toBe('certificate_untrusted');
    expect(failed.error?.message).toContain(`box.corp.test:${new URL(impostor.origin).port}`);
    expect(failed.error?.message).toMatch(/Contact your IT department/);
    expect(await readdir(target)).toEqual([]);
    await transfers.dispose();
    await desktop.network.close();
  } finally {
    await impostor.close();
    await other.close();
  }
});

test('without the proxy the servers cannot be reached at all (the names resolve only through it)', async () => {
  const { desktop, service } = world([], { proxyMode: 'direct' });
  try {
    await expect(service.listFolder({ folderId: '0' })).rejects.toMatchObject({ code: 'offline' });
  } finally {
    await desktop.network.close();
  }
});

describe('a PAC file served by a test server', () => {
  let pacServer: Awaited<ReturnType<typeof servePac>>;
  let pacUrl: string;
  let deadPort: number;

  beforeAll(async () => {
    deadPort = await freePort();
    const pac = `function FindProxyForURL(url, host) {
      if (isPlainHostName(host)) return "DIRECT";
      if (host === "box.corp.test") return "PROXY 127.0.0.1:${deadPort}; PROXY 127.0.0.1:${squid.port}";
      if (host === "upload.corp.test") return "HTTPS secure-proxy.corp.test:8443; DIRECT";
      if (dnsDomainIs(host, ".intranet.corp.test")) return "DIRECT";
      if (shExpMatch(host, "*.socks.corp.test")) return "SOCKS5 socks.corp.test:1080; DIRECT";
      if (dnsDomainIs(host, ".corp.test")) return "PROXY 127.0.0.1:${squid.port}; DIRECT";
      if (shExpMatch(url, "http://*")) return "PROXY plain-proxy.corp.test:3128";
      if (host === "login.example.com") return "PROXY a.example.net:8080; PROXY b.example.net:8080; DIRECT";
      if (dnsDomainIs(host, ".box.com")) return "PROXY boxproxy.example.net:3128";
      if (localHostOrDomainIs(host, "www.example.org")) return "DIRECT";
      return "PROXY default-proxy.example.net:8080; DIRECT";
    }`;
    pacServer = await servePac(pac);
    pacUrl = pacServer.url;
  });
  afterAll(() => pacServer.close());

  test('resolves each rule as written, loopback always direct', async () => {
    const { desktop } = world([], { proxyMode: 'pac', pacUrl });
    const routes = async (url: string) =>
      (await desktop.network.connector.routesFor(new URL(url))).map((r) =>
        r.kind === 'direct' ? 'DIRECT' : `${r.kind} ${r.host}:${r.port}`,
      );
    try {
      expect(await routes('https://intranet/')).toEqual(['DIRECT']);
      expect(await routes('https://box.corp.test/')).toEqual([
        `http 127.0.0.1:${deadPort}`,
        `http 127.0.0.1:${squid.port}`,
      ]);
      expect(await routes('https://upload.corp.test/')).toEqual(['https secure-proxy.corp.test:8443', 'DIRECT']);
      expect(await routes('https://wiki.intranet.corp.test/')).toEqual(['DIRECT']);
      expect(await routes('https://a.socks.corp.test/')).toEqual(['socks5 socks.corp.test:1080', 'DIRECT']);
      expect(await routes('https://idp.corp.test/')).toEqual([`http 127.0.0.1:${squid.port}`, 'DIRECT']);
      expect(await routes('http://insecure.example.com/')).toEqual(['http plain-proxy.corp.test:3128']);
      expect(await routes('https://login.example.com/')).toEqual([
        'http a.example.net:8080',
        'http b.example.net:8080',
        'DIRECT',
      ]);
      expect(await routes('https://api.box.com/')).toEqual(['http boxproxy.example.net:3128']);
      expect(await routes('https://www.example.org/')).toEqual(['DIRECT']);
      expect(await routes('https://elsewhere.example.com/')).toEqual(['http default-proxy.example.net:8080', 'DIRECT']);
      expect(await routes(`https://127.0.0.1:${squid.port}/`)).toEqual(['DIRECT']);
    } finally {
      await desktop.network.close();
    }
  });

  test('a dead first proxy falls through to the next one, which then carries the calls', async () => {
    const { desktop, service, log } = world([right], { proxyMode: 'pac', pacUrl });
    try {
      await expect(service.listFolder({ folderId: '0' })).resolves.toBeDefined();
      expect(log.some((line) => line.includes(`PROXY 127.0.0.1:${deadPort} failed`))).toBe(true);
      // Tried last from now on.
      const [first] = await desktop.network.connector.routesFor(new URL('https://box.corp.test/'));
      expect(first).toMatchObject({ port: squid.port });
    } finally {
      await desktop.network.close();
    }
  });
});

test('a proxy that drops every connection mid-download is resumed and the file arrives whole', async () => {
  const { desktop, client } = world([right]);
  const file = await emulator.controls.createFile({
    ownerId: userId,
    name: 'resume.bin',
    size: 40 * 1024 * 1024,
    seed: 9,
  });
  const transfers = manager(client);
  const target = join(workDir, 'resume');
  await mkdir(target);
  try {
    const [download] = transfers.download([{ id: file.id, name: 'resume.bin' }], { kind: 'folder', path: target });
    // Once bytes have started to arrive, kill squid (every tunnel drops) and start it again.
    await untilBytesArrive(target);
    await squid.restart();
    await transfers.whenIdle();
    const done = transfers.list().find((t) => t.id === download!.id)!;
    expect(done.error).toBeUndefined();
    expect(await sha1OfPath(join(target, 'resume.bin'))).toBe(file.sha1);
  } finally {
    await transfers.dispose();
    await desktop.network.close();
  }
}, 120_000);
