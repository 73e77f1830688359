import type { Hash } from 'node:crypto';
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
  #current = 0;
  #filled = 0;
  #hash: Hash;
  /** Bytes handed to the disk so far, counted from the start of the file. */
  position: number;

  constructor(handle: FileHandle, hash: Hash, position: number) {
    this.#handle = handle;
    this.#hash = hash;
    this.position = position;
  }

  /** Starts again at `position` with a new hash (the server ignored a Range and sent the whole file). */
  restartAt(position: number, hash: Hash): void {
    this.#filled = 0;
    this.position = position;
    this.#hash = hash;
  }

  /**
   * Copies `bytes` in. Returns a promise when the caller should wait before appending more
   * (the batches are all on their way to the disk); a failed write rejects it.
   */
  append(bytes: Uint8Array): Promise<void> | undefined {
    let offset = 0;
    while (offset < bytes.length) {
      if (this.#busy[this.#current]) {
        // Rare: a piece larger than what is free. Keep the rest and append it once there is room.
        const rest = Buffer.from(bytes.subarray(offset));
        return this.#written[this.#current]!.then(() => this.append(rest));
      }
      const copied = Math.min(bytes.length - offset, BATCH_BYTES - this.#filled);
      this.#batches[this.#current]!.set(bytes.subarray(offset, offset + copied), this.#filled);
      this.#filled += copied;
      offset += copied;
      if (this.#filled === BATCH_BYTES) this.#flush();
    }
    // Keep the next batch free so the next piece always has somewhere to go.
    const next = (this.#current + 1) % BATCHES;
    return this.#busy[next] ? this.#written[next] : undefined;
  }

  /** Writes what is gathered and waits for every write; after it, `position` is exactly what is on disk. */
  async drain(): Promise<void> {
    this.#flush();
    await Promise.all(this.#written);
  }

  #flush(): void {
    if (this.#filled === 0) return;
    const index = this.#current;
    const bytes = this.#batches[index]!.subarray(0, this.#filled);
    const at = this.position;
    this.#hash.update(bytes);
    this.#busy[index] = true;
    this.#lastWrite = this.#lastWrite.then(async () => {
      await this.#handle.write(bytes, 0, bytes.length, at);
    });
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
