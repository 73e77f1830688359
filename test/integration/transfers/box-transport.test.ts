/**
 * The Box client's one seam for connections: every Box call the desktop makes (the file
 * browser's SDK calls, transfers' fetch calls, the download byte path) goes through the
 * BoxTransport it was given, so a proxy or certificate authority added there reaches all of them.
 */
import { Agent } from 'node:http';
import type { Duplex } from 'node:stream';
import { mkdtemp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { directTransport, type BoxTransport } from '../../../main/core/box-client/box-transport.ts';
import { BoxService } from '../../../main/core/box/box-service.ts';
import { BoxTransferClient } from '../../../main/core/transfers/box-transfer-client.ts';
import { downloadFile } from '../../../main/core/transfers/download-file.ts';
import { sha1OfPath } from './support/manager-fixture.ts';
import { startTransferPeers, type TransferPeers } from './support/transfer-peers.ts';

let peers: TransferPeers;

beforeAll(async () => {
  peers = await startTransferPeers();
});
afterAll(async () => {
  await peers?.close();
});

/** A transport that goes straight to the emulator, as the direct one does, and counts what it carried. */
function countingTransport() {
  const counts = { sdkConnections: 0, fetches: [] as string[], rawConnections: [] as string[] };
  class CountingAgent extends Agent {
    override createConnection(...args: Parameters<Agent['createConnection']>): Duplex | null | undefined {
      counts.sdkConnections += 1;
      return super.createConnection(...args);
    }
  }
  const transport: BoxTransport = {
    sdkAgent: new CountingAgent({ keepAlive: true }),
    fetch: (input, init) => {
      counts.fetches.push(new URL(input instanceof Request ? input.url : input).pathname);
      return directTransport.fetch(input, init);
    },
    connect: (request) => {
      counts.rawConnections.push(request.url.pathname);
      return directTransport.connect(request);
    },
  };
  return { transport, counts };
}

test('the file browser’s calls and a download all connect through the transport they were given', async () => {
  const { transport, counts } = countingTransport();
  const file = await peers.emulator.controls.createFile({
    ownerId: peers.boxUserId,
    name: 'seam.bin',
    size: 300_000,
    seed: 5,
  });

  const service = new BoxService({ tokenSource: peers.tokens, baseUrls: peers.urls, transport });
  const page = await service.listFolder({ folderId: '0' });
  expect(page.items.map((item) => item.id)).toContain(file.id);
  expect(counts.sdkConnections).toBeGreaterThan(0);

  const client = new BoxTransferClient(peers.tokens, peers.urls, transport);
  const signal = AbortSignal.timeout(30_000);
  const facts = await client.fileFacts(file.id, 'seam.bin', signal);
  const target = join(await mkdtemp(join(peers.workDir, 'seam-')), 'seam.bin');
  await downloadFile({
    client,
    file: facts,
    targetPath: target,
    replaceExisting: false,
    signal,
    onBytes: () => undefined,
  });

  expect(await sha1OfPath(target)).toBe(file.sha1);
  expect((await readFile(target)).length).toBe(300_000);
  expect(counts.fetches).toEqual([`/2.0/files/${file.id}`, `/2.0/files/${file.id}/content`]);
  // The download URL's bytes come over a raw connection of the transport's making.
  expect(counts.rawConnections).toHaveLength(1);
  expect(counts.rawConnections[0]).toMatch(/^\/d\//);
  transport.sdkAgent?.destroy();
});
