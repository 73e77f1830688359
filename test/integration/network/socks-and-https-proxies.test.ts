/**
 * The other two kinds of proxy a PAC answer names, with real servers: `SOCKS5 host:port` through
 * Debian's Dante, and `HTTPS host:port` (TLS to the proxy itself, its certificate from the
 * private CA) through squid's https_port, requiring Basic authentication. As in
 * corporate-proxy.test.ts, the Box emulator is served over HTTPS as box.corp.test, a name only
 * the proxies resolve, with a certificate from a private CA found only in the store this process
 * reads as the system one.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { startBoxEmulator, type BoxEmulator } from '../../../sandbox/box-emulator/index.ts';
import { freePort } from '../../support/ports.ts';
import { createPrivateCa, useAsSystemStore, type PrivateCa } from '../../support/private-ca.ts';
import { startDante, type SocksProxy } from '../../support/socks-proxy.ts';
import { startSquid, type SquidProxy } from '../../support/squid-proxy.ts';
import { sha1OfPath } from '../transfers/support/manager-fixture.ts';
import {
  corporateConfig,
  proxiedBox,
  servePac,
  transferManager,
  untilBytesArrive,
  uploadAndDownload,
} from './support/proxied-box.ts';

const proxyUser = 'bob.proxy';
const proxyPassword = 'Tls-proxy-Secret-9';
const right = { username: proxyUser, password: proxyPassword };
/** Above the chunked-upload threshold (20 MB): the session API's parts travel through the tunnel too. */
const bigFile = 21 * 1024 * 1024;

let ca: PrivateCa;
let emulator: BoxEmulator;
let dante: SocksProxy;
let squid: SquidProxy;
let userId: string;
let dir: string;

beforeAll(async () => {
  ca = await createPrivateCa();
  // The "OS store" of this test process is the private CA and nothing else.
  useAsSystemStore(ca);
  dir = await mkdtemp(join(tmpdir(), 'socks-https-'));
  emulator = await startBoxEmulator({ tls: { ...(await ca.issue(['box.corp.test'])), name: 'box.corp.test' } });
  dante = await startDante({ hosts: { 'box.corp.test': '127.0.0.1' } });
  squid = await startSquid({
    user: proxyUser,
    password: proxyPassword,
    hosts: { 'box.corp.test': '127.0.0.1' },
    tls: await ca.issue(['127.0.0.1']),
  });
  userId = (await emulator.controls.createUser({ name: 'Bob' })).id;
}, 120_000);
afterAll(async () => {
  await squid?.close();
  await dante?.close();
  await emulator?.close();
  await ca?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('through a SOCKS5 server that alone resolves the name: list, upload and download byte for byte', async () => {
  const { desktop, asked, service, client } = proxiedBox(
    emulator,
    userId,
    corporateConfig({ proxyMode: 'fixed', proxyUrl: dante.url }),
  );
  const transfers = transferManager(client);
  try {
    await expect(service.listFolder({ folderId: '0' })).resolves.toBeDefined();
    const result = await uploadAndDownload(transfers, join(dir, 'socks'), 'via socks.bin', bigFile);
    expect(result).toEqual({ uploadError: undefined, downloadError: undefined, same: true });
    expect(desktop.network.connector.lastRoutes.get(new URL(emulator.origin).host)).toBe(
      `SOCKS5 127.0.0.1:${dante.port}`,
    );
    // Dante carried the connections (its log names each); SOCKS asks for no proxy password.
    expect(await dante.log()).toMatch(/pass\(\d+\): tcp\/connect/);
    expect(asked).toEqual([]);
  } finally {
    await transfers.dispose();
    await desktop.network.close();
  }
});

test('through an HTTPS proxy (TLS to squid itself): asked once, list, upload and download byte for byte', async () => {
  const { desktop, asked, keychain, log, service, client } = proxiedBox(
    emulator,
    userId,
    corporateConfig({ proxyMode: 'fixed', proxyUrl: `https://127.0.0.1:${squid.httpsPort}` }),
    [right],
  );
  const transfers = transferManager(client);
  try {
    await expect(service.listFolder({ folderId: '0' })).resolves.toBeDefined();
    const result = await uploadAndDownload(transfers, join(dir, 'https'), 'via https proxy.bin', bigFile);
    expect(result).toEqual({ uploadError: undefined, downloadError: undefined, same: true });
    expect(asked.map((request) => request.proxy)).toEqual([`127.0.0.1:${squid.httpsPort}`]);
    expect([...keychain.entries.keys()]).toEqual([`proxy 127.0.0.1:${squid.httpsPort}`]);
    expect(desktop.network.connector.lastRoutes.get(new URL(emulator.origin).host)).toBe(
      `HTTPS 127.0.0.1:${squid.httpsPort}`,
    );
  } finally {
    await transfers.dispose();
    await desktop.network.close();
  }
  await expect.poll(() => squid.accessLog(), { timeout: 15_000 }).toContain('CONNECT box.corp.test');
  for (const line of [...log, ...(await squid.accessLog()).split('\n')]) expect(line).not.toContain(proxyPassword);
});

test('an HTTPS proxy whose own certificate is not trusted fails with the clear error naming the proxy', async () => {
  const other = await createPrivateCa('Not The Company CA');
  const impostor = createTlsServer(await other.issue(['127.0.0.1']), (socket) => socket.destroy());
  await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', () => resolve()));
  const port = (impostor.address() as AddressInfo).port;
  const { desktop, asked, service } = proxiedBox(
    emulator,
    userId,
    corporateConfig({ proxyMode: 'fixed', proxyUrl: `https://127.0.0.1:${port}` }),
    [right],
  );
  try {
    const failure = await service.listFolder({ folderId: '0' }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'certificate_untrusted' });
    expect((failure as Error).message).toContain(`the proxy 127.0.0.1:${port}`);
    expect((failure as Error).message).toMatch(/Contact your IT department/);
    // Nothing was sent to it: no question, no password.
    expect(asked).toEqual([]);
  } finally {
    await desktop.network.close();
    await new Promise((resolve) => impostor.close(resolve));
    await other.close();
  }
});

describe('a PAC file whose answer starts with SOCKS5', () => {
  let pacServer: Awaited<ReturnType<typeof servePac>>;
  let pacUrl: string;
  let deadPort: number;

  beforeAll(async () => {
    deadPort = await freePort();
    const pac = `function FindProxyForURL(url, host) {
      if (host === "box.corp.test")
        return "SOCKS5 127.0.0.1:${deadPort}; SOCKS5 127.0.0.1:${dante.port}; HTTPS 127.0.0.1:${squid.httpsPort}";
      return "DIRECT";
    }`;
    pacServer = await servePac(pac);
    pacUrl = pacServer.url;
  });
  afterAll(() => pacServer.close());

  test('a dead SOCKS server falls through to the next; when that one stops mid-download, the HTTPS proxy finishes it', async () => {
    const file = await emulator.controls.createFile({ ownerId: userId, name: 'failover.bin', size: 40 << 20, seed: 5 });
    const { desktop, asked, log, service, client } = proxiedBox(
      emulator,
      userId,
      corporateConfig({ proxyMode: 'pac', pacUrl }),
      [right],
    );
    const transfers = transferManager(client);
    const target = join(dir, 'failover');
    await mkdir(target);
    const host = new URL(emulator.origin).host;
    try {
      await expect(service.listFolder({ folderId: '0' })).resolves.toBeDefined();
      expect(log.some((line) => line.includes(`SOCKS5 127.0.0.1:${deadPort} failed for ${host}`))).toBe(true);
      expect(desktop.network.connector.lastRoutes.get(host)).toBe(`SOCKS5 127.0.0.1:${dante.port}`);
      // SOCKS needed no proxy password.
      expect(asked).toEqual([]);

      const [download] = transfers.download([{ id: file.id, name: 'failover.bin' }], { kind: 'folder', path: target });
      await untilBytesArrive(target);
      await dante.stop();
      await transfers.whenIdle();
      expect(transfers.list().find((t) => t.id === download!.id)!.error).toBeUndefined();
      expect(await sha1OfPath(join(target, 'failover.bin'))).toBe(file.sha1);
      expect(desktop.network.connector.lastRoutes.get(host)).toBe(`HTTPS 127.0.0.1:${squid.httpsPort}`);
      expect(log.some((line) => line.includes(`SOCKS5 127.0.0.1:${dante.port} failed for ${host}`))).toBe(true);
      // The HTTPS proxy asked for its password once.
      expect(asked.map((request) => request.proxy)).toEqual([`127.0.0.1:${squid.httpsPort}`]);
    } finally {
      await transfers.dispose();
      await desktop.network.close();
      await dante.start();
    }
  }, 120_000);
});
