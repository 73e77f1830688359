/**
 * Bytes round-trip exactly through the transfer manager, against the Box emulator with a token
 * from the real backend: upload (multipart below 20 MB, an upload session from 20 MB), then
 * download into another folder and compare.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TransferSnapshot } from '../../../common/transfers.ts';
import { createManager, sha1OfPath, writeRandomFile } from './support/manager-fixture.ts';
import { startTransferPeers, type TransferPeers } from './support/transfer-peers.ts';

let peers: TransferPeers;
beforeAll(async () => {
  peers = await startTransferPeers();
});
afterAll(async () => {
  await peers?.close();
});

const cases = [
  { label: 'an empty file', name: 'empty.txt', size: 0 },
  { label: 'a small file', name: 'small.bin', size: 100_003 },
  { label: 'a file of exactly 20 MB (the first chunked size)', name: 'exactly-20mb.bin', size: 20_000_000 },
  { label: 'a 25 MB file', name: 'big 25 MB.bin', size: 25 * 1024 * 1024 },
  { label: 'a name with Unicode and spaces', name: 'Rapport été 2026 – 東京 ✓.txt', size: 4096 },
];

test.each(cases)('$label round-trips byte for byte', async ({ name, size }) => {
  const uploadDir = join(peers.workDir, 'up', name.slice(0, 8));
  const downloadDir = join(peers.workDir, 'down', name.slice(0, 8));
  await mkdir(uploadDir, { recursive: true });
  await mkdir(downloadDir, { recursive: true });
  const source = join(uploadDir, name);
  const sha1 = await writeRandomFile(source, size, size);
  const { manager, events } = createManager(peers);

  const [queued] = manager.upload('0', [source]);
  await manager.whenIdle();
  const uploaded = manager.list().find((t) => t.id === queued!.id)!;
  expect(uploaded).toMatchObject({ state: 'done', name, totalBytes: size, transferredBytes: size });
  expect(uploaded.fileId).toBeDefined();

  const [download] = manager.download([{ id: uploaded.fileId!, name }], { kind: 'folder', path: downloadDir });
  await manager.whenIdle();
  const downloaded = manager.list().find((t) => t.id === download!.id)!;
  expect(downloaded.error).toBeUndefined();
  expect(downloaded).toMatchObject({ state: 'done', targetPath: join(downloadDir, name) });
  expect(await sha1OfPath(join(downloadDir, name))).toBe(sha1);
  // Nothing but the file itself is left in the folder (no temporary file).
  expect(await readdir(downloadDir)).toEqual([name]);

  const states = events.filter((e) => e.event === 'transfer:changed').map((e) => (e.payload as TransferSnapshot).state);
  expect(states).toContain('running');
  // An upload session shows that Box is assembling the file before it is done.
  expect(states.includes('verifying')).toBe(size >= 20_000_000);
  expect(states.at(-1)).toBe('done');
});

test('uploads of 20 MB and more use an upload session with parallel parts; smaller ones one multipart request', async () => {
  const requests = await peers.emulator.controls.requests();
  const routes = requests.map((r) => r.route);
  expect(routes.filter((r) => r === 'POST /api/2.0/files/content')).toHaveLength(3);
  expect(routes.filter((r) => r === 'POST /api/2.0/files/upload_sessions')).toHaveLength(2);
  // 20 MB: 3 parts of 8 MiB; 25 MiB: 4 parts.
  expect(routes.filter((r) => r === 'PUT /api/2.0/files/upload_sessions/{upload_session_id}')).toHaveLength(7);
  expect(routes.filter((r) => r === 'POST /api/2.0/files/upload_sessions/{upload_session_id}/commit')).toHaveLength(2);
});
