import type { FileHandle } from 'node:fs/promises';
import { InlineBatchSink, type BatchSink } from './batch-sink.ts';
import { ThreadBatchSink } from './thread-batch-sink.ts';

export { isLocalWriteError } from './batch-sink.ts';

/**
 * 512 KiB × 8, measured with bench/transfers: 1 MiB batches cost more kernel time per byte (a
 * batch no longer stays in the CPU cache between hashing and writing), 128 KiB and less leave the
 * pipeline waiting on each write's round trip through the thread pool.
 */
const BATCH_BYTES = 512 * 1024;
const BATCHES = 8;
/**
 * From this size a file is hashed and written on a thread of its own; below it, starting the
 * thread (tens of milliseconds) costs more than the overlap saves.
 */
const THREAD_FROM_BYTES = 16 * 1024 * 1024;

/**
 * Appends received bytes to a file at `position`, hashing them in order. Bytes are gathered into
 * a few reused batches (fewer syscalls than one per network read, no garbage per batch); a full
 * batch goes to the sink, which hashes and writes it (on another thread for a large file) while
 * the next one fills. Call close() when done, whatever happened.
 */
export class BatchedFileWriter {
  /** Shared with the sink's thread, which reads each batch where it lies. */
  readonly #memory = new SharedArrayBuffer(BATCH_BYTES * BATCHES);
  readonly #batches = Array.from({ length: BATCHES }, (_, i) =>
    Buffer.from(this.#memory, i * BATCH_BYTES, BATCH_BYTES),
  );
  readonly #sink: BatchSink;
  /** Bytes that arrived while every batch was busy, in arrival order, copied in as batches free up. */
  readonly #pending: Buffer[] = [];
  /** Runs while `#pending` has bytes; rejected if a write failed meanwhile. */
  #pump: Promise<void> | undefined;
  #current = 0;
  #filled = 0;
  /** Bytes handed to the disk so far, counted from the start of the file; a resume continues here. */
  position = 0;

  /** `expectedBytes`, the file's size, decides whether hashing and writing get a thread of their own. */
  constructor(handle: FileHandle, expectedBytes: number) {
    this.#sink =
      expectedBytes >= THREAD_FROM_BYTES
        ? new ThreadBatchSink(handle, this.#memory, BATCH_BYTES, BATCHES)
        : new InlineBatchSink(handle, this.#batches);
  }

  /** Starts the file again from its first byte, with a new hash (the server ignored a Range and sent the whole file). */
  restart(): void {
    // Called between attempts, after drain(): nothing is gathered or pending by then.
    this.#filled = 0;
    this.position = 0;
    this.#sink.restart();
  }

  /** The SHA-1 (hex) of what was appended since the start or the last restart; call after drain(). */
  digest(): Promise<string> {
    return this.#sink.digest();
  }

  /** Frees the sink's thread; call once, after drain(). */
  close(): Promise<void> {
    return this.#sink.close();
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
    return this.#sink.whenFree((this.#current + 1) % BATCHES);
  }

  /**
   * Writes what is gathered and waits for every write, failed or not (the file may be closed next);
   * after it, `position` is exactly what is on disk.
   */
  async drain(): Promise<void> {
    let failed: { reason: unknown } | undefined;
    const fail = (reason: unknown): void => {
      failed ??= { reason };
    };
    await this.#pump?.catch(fail);
    if (!failed) this.#flush();
    await this.#sink.idle().catch(fail);
    if (failed) throw failed.reason;
  }

  /** Copies as much of `bytes` as the free batches take; returns how much that was. */
  #copyIn(bytes: Uint8Array): number {
    let offset = 0;
    while (offset < bytes.length && this.#sink.isFree(this.#current)) {
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
      await this.#sink.whenFree(this.#current);
      const first = this.#pending[0]!;
      const copied = this.#copyIn(first);
      if (copied === first.length) this.#pending.shift();
      else this.#pending[0] = first.subarray(copied);
    }
    this.#pump = undefined;
  }

  #flush(): void {
    if (this.#filled === 0) return;
    this.#sink.submit(this.#current, this.#filled, this.position);
    this.position += this.#filled;
    this.#filled = 0;
    this.#current = (this.#current + 1) % BATCHES;
  }
}
