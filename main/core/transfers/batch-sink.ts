import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

/**
 * Where `BatchedFileWriter` hands its full batches: each is hashed (SHA-1, in the order handed
 * over) and written at its position in the file, one write at a time.
 */
export interface BatchSink {
  /** Hashes and writes the first `length` bytes of batch `index` at `position`, after everything submitted before. */
  submit(index: number, length: number, position: number): void;
  /** Whether batch `index` may be filled again now. */
  isFree(index: number): boolean;
  /** Undefined when batch `index` is free; else settles when it is, rejected when hashing or writing failed. */
  whenFree(index: number): Promise<void> | undefined;
  /** Waits for everything submitted, failed or not (the file may be closed next); rejects with the first failure. */
  idle(): Promise<void>;
  /** Forgets what was hashed (the file starts again from its first byte); only when idle. */
  restart(): void;
  /** The SHA-1 (hex) of what was submitted since the start or the last restart; only when idle. */
  digest(): Promise<string>;
  /** Frees what the sink holds (a thread); call once, last. */
  close(): Promise<void>;
}

/** Errors of the disk itself (full, read-only, gone), told apart from the network's: a resume would fail the same way. */
const localWriteErrors = new WeakSet<object>();

export function isLocalWriteError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && localWriteErrors.has(error);
}

export function markLocalWriteError<T>(error: T): T {
  if (typeof error === 'object' && error !== null) localWriteErrors.add(error);
  return error;
}

/**
 * Hashes on the caller's thread and writes through libuv's pool: for small files, where starting
 * a thread of its own (ThreadBatchSink) costs more than the overlap saves.
 */
export class InlineBatchSink implements BatchSink {
  readonly #handle: FileHandle;
  readonly #batches: readonly Buffer[];
  /** Settles when batch i is on disk and may be filled again. */
  readonly #written: Promise<void>[];
  readonly #busy: boolean[];
  #lastWrite: Promise<void> = Promise.resolve();
  #hash: Hash = createHash('sha1');

  constructor(handle: FileHandle, batches: readonly Buffer[]) {
    this.#handle = handle;
    this.#batches = batches;
    this.#written = batches.map(() => Promise.resolve());
    this.#busy = batches.map(() => false);
  }

  submit(index: number, length: number, position: number): void {
    const bytes = this.#batches[index]!.subarray(0, length);
    this.#hash.update(bytes);
    this.#busy[index] = true;
    this.#lastWrite = this.#lastWrite.then(() => writeAll(this.#handle, bytes, position));
    const written = this.#lastWrite.then(() => {
      this.#busy[index] = false;
    });
    // Marked handled now; the failure still surfaces where the batch is awaited.
    written.catch(() => undefined);
    this.#written[index] = written;
  }

  isFree(index: number): boolean {
    return !this.#busy[index];
  }

  whenFree(index: number): Promise<void> | undefined {
    return this.#busy[index] ? this.#written[index] : undefined;
  }

  async idle(): Promise<void> {
    const failed = (await Promise.allSettled(this.#written)).find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  restart(): void {
    this.#hash = createHash('sha1');
  }

  digest(): Promise<string> {
    const hex = this.#hash.digest('hex');
    this.#hash = createHash('sha1');
    return Promise.resolve(hex);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** One write call may write less than asked (network file systems, a nearly full disk): write the rest. */
async function writeAll(handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  try {
    for (let done = 0; done < bytes.length;) {
      const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
      if (bytesWritten === 0) throw diskFullError();
      done += bytesWritten;
    }
  } catch (error) {
    throw markLocalWriteError(error);
  }
}

export function diskFullError(): Error {
  return Object.assign(new Error('the disk accepted no more bytes'), { code: 'ENOSPC', syscall: 'write' });
}
