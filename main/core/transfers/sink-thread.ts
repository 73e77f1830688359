/**
 * The thread that hashes and writes a large download's batches (ThreadBatchSink), so that the
 * socket's thread only receives and copies: SHA-1 on the socket's thread held downloads to half of
 * what the link carries (docs/transfers.md). It blocks between batches (Atomics.wait) and on each
 * write, which is what a thread of its own is for.
 */
import { createHash } from 'node:crypto';
import { writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { diskFullError } from './batch-sink.ts';
import {
  DIGEST,
  DONE,
  ENTRIES_AT,
  FAILED,
  PUBLISHED,
  RESTART,
  RING_ENTRIES,
  STOP,
  type SinkThreadData,
  type SinkThreadMessage,
} from './sink-thread-protocol.ts';

/** See hashAndWrite. */
const SLICE_BYTES = 32 * 1024;

const data = workerData as SinkThreadData;
const control = new Int32Array(data.control);
const positions = new Float64Array(data.positions);
const batches = new Uint8Array(data.batches);
const port = parentPort!;
const post = (message: SinkThreadMessage): void => port.postMessage(message);

let hash = createHash('sha1');
let failed = false;
for (let taken = 0; ; taken++) {
  while (Atomics.load(control, PUBLISHED) === taken) Atomics.wait(control, PUBLISHED, taken);
  const entry = taken % RING_ENTRIES;
  const index = control[ENTRIES_AT + 2 * entry]!;
  if (index === STOP) break;
  if (index === RESTART) hash = createHash('sha1');
  else if (index === DIGEST) {
    post({ kind: 'digest', hex: hash.digest('hex') });
    hash = createHash('sha1');
  } else if (!failed) {
    const bytes = batches.subarray(
      index * data.batchBytes,
      index * data.batchBytes + control[ENTRIES_AT + 2 * entry + 1]!,
    );
    failed = !hashAndWrite(bytes, positions[entry]!);
  }
  Atomics.add(control, DONE, 1);
  Atomics.notify(control, DONE);
}

/**
 * Hashes and writes a batch a slice at a time, so each slice is written while it is still in this
 * core's cache from hashing. Measured with bench/transfers (1 GiB, 2 cores): one 512 KiB write per
 * batch spent 1.5–2.8 s in the kernel's copy into the page cache, 32 KiB slices 0.7–0.9 s, and the
 * download went from about half of curl's speed to about curl's.
 */
function hashAndWrite(batch: Uint8Array, position: number): boolean {
  for (let offset = 0; offset < batch.length; offset += SLICE_BYTES) {
    const slice = batch.subarray(offset, offset + SLICE_BYTES);
    hash.update(slice);
    if (!writeAll(slice, position + offset)) return false;
  }
  return true;
}

/** One write call may write less than asked (network file systems, a nearly full disk): write the rest. */
function writeAll(bytes: Uint8Array, position: number): boolean {
  try {
    for (let done = 0; done < bytes.length;) {
      const written = writeSync(data.fd, bytes, done, bytes.length - done, position + done);
      if (written === 0) throw diskFullError();
      done += written;
    }
    return true;
  } catch (error) {
    const { message, code, syscall } = error as NodeJS.ErrnoException;
    Atomics.store(control, FAILED, 1);
    post({ kind: 'failed', message, code, syscall: syscall ?? 'write' });
    return false;
  }
}
