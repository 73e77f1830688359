/**
 * The memory ThreadBatchSink shares with its thread (sink-thread.ts). Handing over a batch is a
 * store and a notify on `control`, not a message: on this class of machine each message or
 * thread-pool job cost the socket's thread 100–200 µs of waking another thread (bench/transfers).
 *
 * `control` (Int32): [PUBLISHED, DONE, FAILED, then RING_ENTRIES entries of (batch index or op, length)].
 * `positions` (Float64): each entry's offset in the file.
 */
export const RING_ENTRIES = 16;
/** Entries published by the socket's thread, counted since the start. */
export const PUBLISHED = 0;
/** Entries the sink thread has finished (hashed and written, or skipped after a failure). */
export const DONE = 1;
/** 1 once a write failed; later entries are skipped. The error follows as a message. */
export const FAILED = 2;
export const ENTRIES_AT = 3;

export const RESTART = -1;
export const DIGEST = -2;
export const STOP = -3;

export interface SinkThreadData {
  fd: number;
  batchBytes: number;
  batches: SharedArrayBuffer;
  control: SharedArrayBuffer;
  positions: SharedArrayBuffer;
}

export type SinkThreadMessage =
  | { kind: 'digest'; hex: string }
  | { kind: 'failed'; message: string; code: string | undefined; syscall: string | undefined };
