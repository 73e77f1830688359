/**
 * The download's disk side: bytes appended in pieces of any size land in order at the right
 * offsets, the hash covers exactly what was written, a restart overwrites from the start, and
 * a failing disk surfaces instead of being lost. Small files are hashed and written on the
 * caller's thread, large ones on a thread of their own: each behaviour is checked on both.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, open, readFile, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchedFileWriter, isLocalWriteError } from '../../../main/core/transfers/batched-file-writer.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'batched-writer-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Feeds `data` in the given piece sizes (cycled), waiting whenever the writer asks to. */
async function feed(writer: BatchedFileWriter, data: Buffer, sizes: number[]): Promise<number> {
  let waits = 0;
  for (let offset = 0, i = 0; offset < data.length; i++) {
    const piece = data.subarray(offset, offset + sizes[i % sizes.length]!);
    offset += piece.length;
    const wait = writer.append(piece);
    if (wait) {
      waits++;
      await wait;
    }
  }
  await writer.drain();
  return waits;
}

describe.each([
  { where: 'on the caller’s thread', expectedBytes: 1024 * 1024 },
  { where: 'on a thread of its own', expectedBytes: 1024 * 1024 * 1024 },
])('hashing and writing $where', ({ expectedBytes }) => {
  const writers: BatchedFileWriter[] = [];
  const writerFor = (handle: FileHandle): BatchedFileWriter => {
    const writer = new BatchedFileWriter(handle, expectedBytes);
    writers.push(writer);
    return writer;
  };
  afterEach(async () => {
    await Promise.all(writers.splice(0).map((writer) => writer.close()));
  });

  test('pieces of every size, tiny to larger than all batches together, arrive whole, in order and hashed', async () => {
    const data = randomBytes(9 * 1024 * 1024 + 123);
    const path = join(dir, 'mixed.bin');
    const handle = await open(path, 'w');
    const writer = writerFor(handle);
    const waits = await feed(writer, data, [1, 65_536, 7, 300_000, 5 * 1024 * 1024, 524_288]);
    await handle.close();
    expect(writer.position).toBe(data.length);
    expect((await readFile(path)).equals(data)).toBe(true);
    expect(await writer.digest()).toBe(createHash('sha1').update(data).digest('hex'));
    // 9 MiB cannot all be in flight at once: the writer must have asked the reader to wait.
    expect(waits).toBeGreaterThan(0);
  });

  test('a second answer continues where the first stopped (a resume), and a restart rewrites the file from the start', async () => {
    const data = randomBytes(2 * 1024 * 1024);
    const path = join(dir, 'resume.bin');
    const handle = await open(path, 'w');
    const resumed = writerFor(handle);
    await feed(resumed, data.subarray(0, 700_000), [100_000]);
    expect(resumed.position).toBe(700_000);
    await feed(resumed, data.subarray(700_000), [250_000]);
    expect((await readFile(path)).equals(data)).toBe(true);
    expect(await resumed.digest()).toBe(createHash('sha1').update(data).digest('hex'));

    const other = randomBytes(data.length);
    resumed.restart();
    await feed(resumed, other, [256 * 1024]);
    await handle.close();
    expect((await readFile(path)).equals(other)).toBe(true);
    expect(await resumed.digest()).toBe(createHash('sha1').update(other).digest('hex'));
  });

  test('a write the disk refuses rejects the wait or the drain, it is not swallowed', async () => {
    const path = join(dir, 'read-only.bin');
    await (await open(path, 'w')).close();
    const handle = await open(path, 'r');
    const writer = writerFor(handle);
    const refused: unknown = await feed(writer, randomBytes(6 * 1024 * 1024), [256 * 1024]).catch(
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: 'EBADF' });
    // Marked as the disk's, so a download stops instead of retrying as if the network failed.
    expect(isLocalWriteError(refused)).toBe(true);
    expect(isLocalWriteError(new Error('socket hang up'))).toBe(false);
    await handle.close();
  });

  test('pieces that keep coming while the writer is full (TLS ignores a pause) keep their order', async () => {
    const data = randomBytes(7 * 1024 * 1024 + 5);
    const path = join(dir, 'unpaused.bin');
    const handle = await open(path, 'w');
    const writer = writerFor(handle);
    // Every piece handed over at once, never waiting: the later ones arrive while earlier ones are still pending.
    for (let offset = 0; offset < data.length; offset += 700_000)
      void writer.append(data.subarray(offset, offset + 700_000));
    await writer.drain();
    await handle.close();
    expect(writer.position).toBe(data.length);
    expect((await readFile(path)).equals(data)).toBe(true);
    expect(await writer.digest()).toBe(createHash('sha1').update(data).digest('hex'));
  });

  test('a full disk (/dev/full) fails the wait or the drain with its code, marked as the disk’s', async () => {
    const handle = await open('/dev/full', 'w');
    const writer = writerFor(handle);
    const refused: unknown = await feed(writer, randomBytes(6 * 1024 * 1024), [256 * 1024]).catch(
      (error: unknown) => error,
    );
    await handle.close();
    expect(refused).toMatchObject({ code: 'ENOSPC' });
    expect(isLocalWriteError(refused)).toBe(true);
  });
});

// On the caller's thread only: a thread of its own writes to the file descriptor, which this stand-in has not.
test('a write that takes only part of a batch is completed, not left as a hole', async () => {
  const data = randomBytes(3 * 1024 * 1024);
  const path = join(dir, 'short-writes.bin');
  const real = await open(path, 'w');
  // A short write cannot be provoked on this machine's disk (network file systems and nearly full disks do it):
  // the real handle is asked to take at most 100,000 bytes per call.
  const shortWriting = {
    write: (buffer: Uint8Array, offset: number, length: number, position: number) =>
      real.write(buffer, offset, Math.min(length, 100_000), position),
  } as unknown as FileHandle;
  const writer = new BatchedFileWriter(shortWriting, 1024 * 1024);
  await feed(writer, data, [256 * 1024]);
  await real.close();
  expect((await readFile(path)).equals(data)).toBe(true);
});
