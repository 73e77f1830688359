import type { FileHandle } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { markLocalWriteError, type BatchSink } from './batch-sink.ts';
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

/**
 * Hashes and writes on a thread of its own (sink-thread.ts), which reads each batch where it lies
 * in memory shared with the writer. The socket's thread only publishes an entry and, when it
 * needs a batch back, waits asynchronously for the thread's count of finished entries.
 */
export class ThreadBatchSink implements BatchSink {
  readonly #worker: Worker;
  readonly #control = new Int32Array(new SharedArrayBuffer(4 * (ENTRIES_AT + 2 * RING_ENTRIES)));
  readonly #positions = new Float64Array(new SharedArrayBuffer(8 * RING_ENTRIES));
  /** The entry each batch was last published as (-1: never), so it is free once DONE passes it. */
  readonly #entryOf: number[];
  #published = 0;
  /** Why the thread stopped hashing and writing, once it has; every later wait rejects with it. */
  readonly #failure = Promise.withResolvers<never>();
  #failed = false;
  readonly #digests: PromiseWithResolvers<string>[] = [];

  constructor(handle: FileHandle, memory: SharedArrayBuffer, batchBytes: number, batches: number) {
    this.#entryOf = Array.from({ length: batches }, () => -1);
    this.#failure.promise.catch(() => undefined);
    const data: SinkThreadData = {
      fd: handle.fd,
      batchBytes,
      batches: memory,
      control: this.#control.buffer,
      positions: this.#positions.buffer,
    };
    this.#worker = new Worker(sinkThreadUrl(), { workerData: data });
    this.#worker.on('message', (message: SinkThreadMessage) => {
      if (message.kind === 'digest') this.#digests.shift()?.resolve(message.hex);
      else {
        const { message: text, code, syscall } = message;
        this.#fail(markLocalWriteError(Object.assign(new Error(text), { code, syscall })));
      }
    });
    this.#worker.on('error', (error: Error) => this.#fail(error));
    this.#worker.on('exit', (code) =>
      this.#fail(new Error(`the download's writing thread stopped (exit code ${code})`)),
    );
  }

  submit(index: number, length: number, position: number): void {
    this.#entryOf[index] = this.#publish(index, length, position);
  }

  isFree(index: number): boolean {
    return !this.#failed && Atomics.load(this.#control, DONE) > this.#entryOf[index]!;
  }

  whenFree(index: number): Promise<void> | undefined {
    if (this.#failed) return this.#failure.promise;
    return this.isFree(index) ? undefined : this.#doneThrough(this.#entryOf[index]!);
  }

  idle(): Promise<void> {
    return this.#doneThrough(this.#published - 1);
  }

  restart(): void {
    this.#publish(RESTART, 0, 0);
  }

  digest(): Promise<string> {
    const digest = Promise.withResolvers<string>();
    this.#digests.push(digest);
    this.#publish(DIGEST, 0, 0);
    return Promise.race([digest.promise, this.#failure.promise]);
  }

  async close(): Promise<void> {
    this.#publish(STOP, 0, 0);
    this.#fail(new Error('the download stopped'));
    // Normally it has stopped by itself; terminate() also ends a write stuck on a dead network disk.
    await this.#worker.terminate();
  }

  #publish(index: number, length: number, position: number): number {
    const entry = this.#published % RING_ENTRIES;
    this.#control[ENTRIES_AT + 2 * entry] = index;
    this.#control[ENTRIES_AT + 2 * entry + 1] = length;
    this.#positions[entry] = position;
    this.#published += 1;
    Atomics.store(this.#control, PUBLISHED, this.#published);
    Atomics.notify(this.#control, PUBLISHED);
    return this.#published - 1;
  }

  /** Settles when the thread has finished entry `last`; rejects if it failed (it skips what follows a failure). */
  async #doneThrough(last: number): Promise<void> {
    for (;;) {
      const done = Atomics.load(this.#control, DONE);
      if (this.#failed || Atomics.load(this.#control, FAILED) === 1) {
        // Everything before `last` is finished or skipped once DONE passes it; the file may be closed after that.
        if (done > last || this.#failed) return this.#failure.promise;
      } else if (done > last) return;
      const { async, value } = Atomics.waitAsync(this.#control, DONE, done);
      if (async) await value;
    }
  }

  #fail(error: Error): void {
    if (this.#failed) return;
    this.#failed = true;
    this.#failure.reject(error);
    // Wakes the waits above, which see the failure.
    Atomics.notify(this.#control, DONE);
  }
}

/**
 * Beside this module: the TypeScript source when run from source (Node strips the types), the
 * bundle's own entry in the app (electron.vite.config.ts builds sink-thread.js beside index.js).
 */
function sinkThreadUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './sink-thread.ts' : './sink-thread.js', import.meta.url);
}
