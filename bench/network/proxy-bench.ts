/**
 * `node bench/network/proxy-bench.ts [--size-mib 1024] [--rounds 3]`: 1 GiB down and up over TLS
 * through a local squid requiring Basic authentication, to a name only squid resolves, by the
 * desktop's network (main/core/network: the download byte path and fetch with a streamed body,
 * as transfers use them) and by curl through the same proxy with the same CA, side by side.
 * Ratio = our throughput / curl's (1 = as fast as curl); the best round of each counts. The
 * upload reads the same file from disk for both.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { open, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { settingDefaults } from '../../common/desktop-config-schema.ts';
import { streamedGet } from '../../main/core/box-client/streamed-get.ts';
import { createDesktopNetwork } from '../../main/core/network/create-outbound-network.ts';
import { createPrivateCa } from '../../test/support/private-ca.ts';
import { startSquid } from '../../test/support/squid-proxy.ts';

const { values } = parseArgs({
  options: { 'size-mib': { type: 'string', default: '1024' }, rounds: { type: 'string', default: '3' } },
});
const size = Number(values['size-mib']) * 1024 * 1024;
const rounds = Math.max(1, Number(values.rounds));
const user = 'bench';
const password = 'bench-proxy-pw';

const ca = await createPrivateCa('Bench Root CA');
const { key, cert } = await ca.issue(['bench.corp.test']);
await writeFile(join(ca.dir, 'bench.key'), key);
await writeFile(join(ca.dir, 'bench.pem'), cert);
const server = spawn(
  process.execPath,
  [join(import.meta.dirname, 'tls-blob-server.ts'), join(ca.dir, 'bench.key'), join(ca.dir, 'bench.pem')],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const port = Number(
  await new Promise<string>((resolve) => createInterface({ input: server.stdout }).once('line', resolve)),
);
const squid = await startSquid({ user, password, hosts: { 'bench.corp.test': '127.0.0.1' } });
const origin = `https://bench.corp.test:${port}`;
const uploadSource = join(ca.dir, 'upload.bin');
await writeUploadSource(uploadSource, size);

const { network } = createDesktopNetwork(
  {
    ...settingDefaults,
    issuer: 'https://idp.corp.test',
    clientId: 'bench',
    backendUrl: 'https://backend.corp.test',
    proxyMode: 'fixed',
    proxyUrl: squid.url,
    caBundleFiles: [ca.caFile],
  },
  {
    askProxyCredentials: () => Promise.resolve({ username: user, password }),
    secretStore: {
      persistent: false,
      get: () => Promise.resolve(null),
      set: () => Promise.resolve(),
      delete: () => Promise.resolve(false),
    },
  },
);
const transport = network.boxTransport();

async function oursDownload(): Promise<number> {
  let received = 0;
  const started = performance.now();
  const answer = await streamedGet(`${origin}/blob?bytes=${size}`, {
    signal: AbortSignal.timeout(600_000),
    transport,
    onBody: (bytes) => void (received += bytes.length),
  });
  if ('body' in answer || received !== size) throw new Error(`download: status ${answer.status}, ${received} bytes`);
  return performance.now() - started;
}

async function oursUpload(): Promise<number> {
  const started = performance.now();
  const response = await network.fetch(`${origin}/sink`, {
    method: 'PUT',
    headers: { 'content-length': String(size), 'content-type': 'application/octet-stream' },
    // undici takes a Node stream as an async iterable of chunks, without a web-stream hop per chunk.
    body: createReadStream(uploadSource, { highWaterMark: 1024 * 1024 }) as unknown as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const text = await response.text();
  if (Number(text) !== size) throw new Error(`upload: the server received ${text}`);
  return performance.now() - started;
}

function curl(args: string[]): number {
  const started = performance.now();
  execFileSync(
    'curl',
    [
      '--silent',
      '--show-error',
      '--fail',
      '--proxy',
      squid.url,
      '--proxy-user',
      `${user}:${password}`,
      '--cacert',
      ca.caFile,
      ...args,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1024 * 1024,
    },
  );
  return performance.now() - started;
}

const curlDownload = (): number => curl(['--output', '/dev/null', `${origin}/blob?bytes=${size}`]);
const curlUpload = (): number => curl(['--upload-file', uploadSource, '--output', '/dev/null', `${origin}/sink`]);

async function writeUploadSource(path: string, bytes: number): Promise<void> {
  const file = await open(path, 'w');
  const block = Buffer.alloc(8 * 1024 * 1024, 0xa5);
  for (let written = 0; written < bytes; written += block.length)
    await file.write(block, 0, Math.min(block.length, bytes - written));
  await file.close();
}

const best = { oursDown: Infinity, curlDown: Infinity, oursUp: Infinity, curlUp: Infinity };
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);
try {
  for (let round = 0; round < rounds; round++) {
    best.curlDown = Math.min(best.curlDown, curlDownload());
    best.oursDown = Math.min(best.oursDown, await oursDownload());
    best.curlUp = Math.min(best.curlUp, curlUpload());
    best.oursUp = Math.min(best.oursUp, await oursUpload());
  }
} finally {
  clearInterval(sampler);
  await network.close();
  await squid.close();
  server.kill();
  await rm(uploadSource, { force: true });
  await ca.close();
}

const mibPerSecond = (ms: number): string => (size / 1024 / 1024 / (ms / 1000)).toFixed(0);
console.log(`size: ${size / 1024 / 1024} MiB through squid (Basic auth) over TLS, best of ${rounds}`);
console.log(`proxy download ours MiB/s: ${mibPerSecond(best.oursDown)}`);
console.log(`proxy download curl MiB/s: ${mibPerSecond(best.curlDown)}`);
console.log(`proxy upload ours MiB/s: ${mibPerSecond(best.oursUp)}`);
console.log(`proxy upload curl MiB/s: ${mibPerSecond(best.curlUp)}`);
console.log(`proxy download ratio: ${(best.curlDown / best.oursDown).toFixed(2)}`);
console.log(`proxy upload ratio: ${(best.curlUp / best.oursUp).toFixed(2)}`);
console.log(`peak rss MiB: ${(peakRss / 1024 / 1024).toFixed(0)}`);
