import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

/**
 * 512 KiB × 8, measured with bench/transfers: 1 MiB batches cost more kernel time per byte (a
 * batch no longer stays in the CPU cache between hashing and writing), 128 KiB and less leave the
 * pipeline waiting on each write's round trip through the thread pool.
 */
const BATCH_BYTES = 512 * 1024;
const BATCHES = 8;

/**
 * Appends received bytes to a file at `position`, hashing them in order. Bytes are gathered into
 * a few reused batches (fewer syscalls than one per network read, no garbage per batch);
 * a full batch is hashed and written while the next one fills. Writes go one at a time: several
 * positional writes to one file contend for its lock in the kernel and cost more CPU than they save.
 */
export class BatchedFileWriter {
  readonly #handle: FileHandle;
  readonly #batches = Array.from({ length: BATCHES }, () => Buffer.allocUnsafe(BATCH_BYTES));
  /** Settles when batch i is on disk and may be filled again. */
  readonly #written: Promise<void>[] = Array.from({ length: BATCHES }, () => Promise.resolve());
  readonly #busy: boolean[] = Array.from({ length: BATCHES }, () => false);
  #lastWrite: Promise<void> = Promise.resolve();
  /** Bytes that arrived while every batch was busy, in arrival order, copied in as batches free up. */
  readonly #pending: Buffer[] = [];
  /** Runs while `#pending` has bytes; rejected if a write failed meanwhile. */
  #pump: Promise<void> | undefined;
  #current = 0;
  #filled = 0;
  /** SHA-1 of the bytes appended since the start (or the last restart). */
  #hash: Hash = createHash('sha1');
  /** Bytes handed to the disk so far, counted from the start of the file; a resume continues here. */
  position = 0;

  constructor(handle: FileHandle) {
    this.#handle = handle;
  }

  /** Starts the file again from its first byte, with a new hash (the server ignored a Range and sent the whole file). */
  restart(): void {
    // Called between attempts, after drain(): nothing is gathered or pending by then.
    this.#filled = 0;
    this.position = 0;
    this.#hash = createHash('sha1');
  }

  /** The SHA-1 (hex) of what was appended; call once, after drain(). */
  digest(): string {
    return this.#hash.digest('hex');
  }

  /**
   * Copies `bytes` in. Returns a promise when the caller should wait before appending more
   * (the batches are all on their way to the disk); a failed write rejects it.
   */
  append(bytes: Uint8Array): Promise<void> | undefined {
    // Earlier bytes are still waiting for room: these go after them (a copy, the caller reuses its buffer).
    if (this.#pending.length > 0) {
      this.#pending.push(Buffer.from(bytes));
      return this.#pump;
    }
    const copied = this.#copyIn(bytes);
    if (copied < bytes.length) {
      // Rare: a piece larger than what is free. Keep the rest and copy it in as batches free up.
      this.#pending.push(Buffer.from(bytes.subarray(copied)));
      this.#pump = this.#copyPending();
      // Marked handled now; the failure still surfaces to the caller and in drain().
      this.#pump.catch(() => undefined);
      return this.#pump;
    }
    // Keep the next batch free so the next piece always has somewhere to go.
    const next = (this.#current + 1) % BATCHES;
    return this.#busy[next] ? this.#written[next] : undefined;
  }

  /** Writes what is gathered and waits for every write; after it, `position` is exactly what is on disk. */
  async drain(): Promise<void> {
    if (this.#pump) await this.#pump;
    this.#flush();
    await Promise.all(this.#written);
  }

  /** Copies as much of `bytes` as the free batches take; returns how much that was. */
  #copyIn(bytes: Uint8Array): number {
    let offset = 0;
    while (offset < bytes.length && !this.#busy[this.#current]) {
      const copied = Math.min(bytes.length - offset, BATCH_BYTES - this.#filled);
      this.#batches[this.#current]!.set(bytes.subarray(offset, offset + copied), this.#filled);
      this.#filled += copied;
      offset += copied;
      if (this.#filled === BATCH_BYTES) this.#flush();
    }
    return offset;
  }

  async #copyPending(): Promise<void> {
    while (this.#pending.length > 0) {
      await this.#written[this.#current];
      const first = this.#pending[0]!;
      const copied = this.#copyIn(first);
      if (copied === first.length) this.#pending.shift();
      else this.#pending[0] = first.subarray(copied);
    }
    this.#pump = undefined;
  }

  #flush(): void {
    if (this.#filled === 0) return;
    const index = this.#current;
    const bytes = this.#batches[index]!.subarray(0, this.#filled);
    const at = this.position;
    this.#hash.update(bytes);
    this.#busy[index] = true;
    this.#lastWrite = this.#lastWrite.then(() => writeAll(this.#handle, bytes, at));
    const written = this.#lastWrite.then(() => {
      this.#busy[index] = false;
    });
    // Marked handled now; the failure still surfaces where the batch is awaited.
    written.catch(() => undefined);
    this.#written[index] = written;
    this.position += bytes.length;
    this.#filled = 0;
    this.#current = (index + 1) % BATCHES;
  }
}

/** Errors of the disk itself (full, read-only, gone), told apart from the network's: a resume would fail the same way. */
const localWriteErrors = new WeakSet<object>();

export function isLocalWriteError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && localWriteErrors.has(error);
}

/** One write call may write less than asked (network file systems, a nearly full disk): write the rest. */
async function writeAll(handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  try {
    for (let done = 0; done < bytes.length;) {
      const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
      if (bytesWritten === 0)
        throw Object.assign(new Error('the disk accepted no more bytes'), { code: 'ENOSPC', syscall: 'write' });
      done += bytesWritten;
    }
  } catch (error) {
    if (typeof error === 'object' && error !== null) localWriteErrors.add(error);
    throw error;
  }
}
