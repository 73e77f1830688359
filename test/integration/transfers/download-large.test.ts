/**
 * Large downloads, whose hashing and writing run on a thread of their own (BatchedFileWriter):
 * they still resume byte-identically, are checked (size and SHA-1) before the file appears, and
 * leave neither a file nor a thread behind when cancelled or refused.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { downloadFile } from '../../../main/core/transfers/download-file.ts';
import { createManager, sha1OfPath } from './support/manager-fixture.ts';
import { useTransferPeers } from './support/transfer-peers.ts';

const ticketRoute = 'GET /d/1/{ticket}/download';
/** Above the size from which the writer starts its own thread. */
const large = 40 * 1024 * 1024 + 3;
const world = useTransferPeers('large');
const { freshFolder } = world;

/** Threads of this process that Node started for worker_threads (named so by Node). */
async function workerThreads(): Promise<number> {
  const tasks = await readdir('/proc/self/task');
  const names = await Promise.all(tasks.map((task) => readFile(`/proc/self/task/${task}/comm`, 'utf8')));
  return names.filter((name) => name.trim() === 'WorkerThread').length;
}

test('dropped twice mid-file, a large download resumes with Range and is byte-identical', async () => {
  const file = await world.peers().emulator.controls.createFile({
    ownerId: world.peers().boxUserId,
    name: 'big.bin',
    size: large,
    seed: 11,
  });
  await world
    .peers()
    .emulator.controls.addFault({ route: ticketRoute, dropAfterBytes: 9 * 1024 * 1024 + 17, times: 2 });
  const folder = await freshFolder();
  const { manager } = createManager(world.peers());
  const threadsBefore = await workerThreads();
  manager.download([{ id: file.id, name: 'big.bin' }], { kind: 'folder', path: folder });
  await manager.whenIdle();

  expect(manager.list()[0]).toMatchObject({ state: 'done', transferredBytes: large });
  expect(await readdir(folder)).toEqual(['big.bin']);
  expect(await sha1OfPath(join(folder, 'big.bin'))).toBe(file.sha1);
  const answers = (await world.peers().emulator.controls.requests()).filter((r) => r.route === ticketRoute);
  expect(answers.map((r) => r.status)).toEqual([200, 206, 206]);
  expect(await workerThreads()).toBe(threadsBefore);
});

test('a large file whose bytes do not match Box’s SHA-1 never appears, and nothing is left', async () => {
  const file = await world.peers().emulator.controls.createFile({
    ownerId: world.peers().boxUserId,
    name: 'odd.bin',
    size: large,
    seed: 12,
  });
  const facts = await world.peers().client.fileFacts(file.id, 'odd.bin', AbortSignal.timeout(30_000));
  const folder = await freshFolder();
  const threadsBefore = await workerThreads();
  const download = downloadFile({
    client: world.peers().client,
    file: { ...facts, sha1: '0'.repeat(40) },
    targetPath: join(folder, 'odd.bin'),
    replaceExisting: false,
    signal: AbortSignal.timeout(60_000),
    onBytes: () => undefined,
  });
  await expect(download).rejects.toMatchObject({
    code: 'transfer_failed',
    message: expect.stringMatching(/checksum/) as unknown,
  });
  expect(await readdir(folder)).toEqual([]);
  expect(await workerThreads()).toBe(threadsBefore);
});

test('a large file cut short with no resumes left never appears and leaves nothing', async () => {
  const file = await world.peers().emulator.controls.createFile({
    ownerId: world.peers().boxUserId,
    name: 'cut.bin',
    size: large,
    seed: 13,
  });
  const facts = await world.peers().client.fileFacts(file.id, 'cut.bin', AbortSignal.timeout(30_000));
  await world.peers().emulator.controls.addFault({ route: ticketRoute, dropAfterBytes: 20 * 1024 * 1024 });
  const folder = await freshFolder();
  const download = downloadFile({
    client: world.peers().client,
    file: facts,
    targetPath: join(folder, 'cut.bin'),
    replaceExisting: false,
    signal: AbortSignal.timeout(60_000),
    onBytes: () => undefined,
    maxResumes: 0,
  });
  await expect(download).rejects.toMatchObject({ code: 'offline' });
  expect(await readdir(folder)).toEqual([]);
});

test('cancel during a large download leaves no temporary file, no target and no thread', async () => {
  const file = await world.peers().emulator.controls.createFile({
    ownerId: world.peers().boxUserId,
    name: 'stop.bin',
    size: large,
    seed: 14,
  });
  await world.peers().emulator.controls.addFault({ route: ticketRoute, bytesPerSecond: 4 * 1024 * 1024 });
  const folder = await freshFolder();
  const { manager } = createManager(world.peers());
  const threadsBefore = await workerThreads();
  const [transfer] = manager.download([{ id: file.id, name: 'stop.bin' }], { kind: 'folder', path: folder });
  // Past the first batches, so the thread has written to the temporary file.
  await vi.waitFor(() => expect(manager.list()[0]!.transferredBytes).toBeGreaterThan(6 * 1024 * 1024), {
    timeout: 20_000,
  });
  manager.cancel(transfer!.id);
  await manager.whenIdle();

  expect(manager.list()[0]!.state).toBe('cancelled');
  expect(await readdir(folder)).toEqual([]);
  expect(await workerThreads()).toBe(threadsBefore);
});
