import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../../common/app-error.ts';
import { BoxAnswerError } from '../box-client/box-errors.ts';
import {
  boxRetryPolicy,
  pendingWaitSeconds,
  retryDelaySeconds,
  withRetries,
  type RetryLimits,
} from '../box-client/retry-policy.ts';
import { appError } from '../errors/error-catalog.ts';
import {
  ifMatchHeader,
  type BoxTransferClient,
  type UploadedPart,
  type UploadSession,
  type UploadTarget,
} from './box-transfer-client.ts';
import type { Uploader, UploadResult, UploadSource } from './multipart-upload.ts';
import { cancelledError, isAbort } from './transfer-errors.ts';

export interface ChunkedUploadOptions {
  /** Parts in flight at once; each holds one part (8 MB on Box) in memory. */
  partConcurrency?: number;
  /** Tries per part, the first included. */
  maxPartAttempts?: number;
  /** How long to keep committing while Box answers `202` (still assembling the file). */
  maxCommitWaitSeconds?: number;
  /** Every part is in; Box is now assembling the file (the UI shows "Checking"). */
  onCommitting?: () => void;
}

function changedWhileUploading(name: string): AppError {
  return appError('file_unreadable', 'changed', { name });
}

async function readPart(handle: FileHandle, buffer: Buffer, offset: number, name: string): Promise<void> {
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, offset + filled);
    if (bytesRead === 0) throw changedWhileUploading(name);
    filled += bytesRead;
  }
}

function worthRetrying(error: unknown, signal: AbortSignal): boolean {
  if (isAbort(error, signal)) return false;
  if (error instanceof BoxAnswerError) return error.retryable;
  return error instanceof AppError && error.code === 'offline';
}

const retryAfterOf = (error: unknown): number | undefined =>
  error instanceof BoxAnswerError ? error.retryAfterSeconds : undefined;

function sendPart(
  client: BoxTransferClient,
  session: UploadSession,
  part: { offset: number; data: Buffer; sha1: Buffer; fileSize: number },
  signal: AbortSignal,
  name: string,
  limits: RetryLimits,
): Promise<UploadedPart> {
  return withRetries(() => client.uploadPart(session, part, signal, name), {
    limits,
    signal,
    worthRetrying: (error) => worthRetrying(error, signal),
    retryAfterOf,
  });
}

/**
 * Uploads a file of 20 MB or more through a Box upload session: parts read from disk in order
 * (so one running SHA-1 covers the whole file without a second read), each sent with its own
 * SHA-1 digest, a bounded number in flight; failed parts are retried; the commit is repeated
 * while Box answers `202`; on cancel or failure the session is aborted so nothing stays open.
 */
export const chunkedUpload: Uploader<ChunkedUploadOptions> = async (
  client,
  source,
  target,
  signal,
  onBytes,
  options = {},
) => {
  const concurrency = options.partConcurrency ?? 4;
  const partLimits = {
    ...boxRetryPolicy.uploadParts,
    maxAttempts: options.maxPartAttempts ?? boxRetryPolicy.uploadParts.maxAttempts,
  };
  const handle = await open(source.path, 'r');
  let session: UploadSession | undefined;
  try {
    session = await client.createUploadSession(target, source.size, signal);
    const { parts, sha1 } = await sendAllParts(
      client,
      session,
      handle,
      source,
      target.name,
      signal,
      onBytes,
      concurrency,
      partLimits,
    );
    options.onCommitting?.();
    const commitBudget = options.maxCommitWaitSeconds ?? boxRetryPolicy.pending.commitBudgetSeconds;
    return await commit(client, session, parts, sha1, signal, target, commitBudget);
  } catch (error) {
    if (session) await client.abortUploadSession(session, target.name);
    if (isAbort(error, signal)) throw cancelledError(target.name);
    throw error;
  } finally {
    await handle.close();
  }
};

async function sendAllParts(
  client: BoxTransferClient,
  session: UploadSession,
  handle: FileHandle,
  source: UploadSource,
  name: string,
  signal: AbortSignal,
  onBytes: (count: number) => void,
  concurrency: number,
  partLimits: RetryLimits,
): Promise<{ parts: UploadedPart[]; sha1: Buffer }> {
  const whole = createHash('sha1');
  const parts: UploadedPart[] = [];
  const inFlight = new Set<Promise<void>>();
  // Part buffers are reused once sent: memory stays at `concurrency` parts, with no garbage per part.
  const spare: Buffer[] = [];
  // One failed part stops its siblings: the session is aborted anyway.
  const stopSiblings = new AbortController();
  const partSignal = AbortSignal.any([signal, stopSiblings.signal]);
  let failure: { error: unknown } | undefined;
  try {
    for (let offset = 0, index = 0; offset < source.size && !failure; offset += session.partSize, index++) {
      while (inFlight.size >= concurrency) await Promise.race(inFlight);
      if (failure) break;
      signal.throwIfAborted();
      const length = Math.min(session.partSize, source.size - offset);
      const buffer = spare.pop() ?? Buffer.allocUnsafe(session.partSize);
      const data = buffer.subarray(0, length);
      await readPart(handle, data, offset, name);
      whole.update(data);
      const part = { offset, data, sha1: createHash('sha1').update(data).digest(), fileSize: source.size };
      const position = index;
      const task: Promise<void> = sendPart(client, session, part, partSignal, name, partLimits).then(
        (uploaded) => {
          parts[position] = uploaded;
          spare.push(buffer);
          onBytes(length);
        },
        (error: unknown) => {
          failure ??= { error };
          stopSiblings.abort();
        },
      );
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
    }
  } catch (error) {
    // Reading the file failed or the user cancelled: stop the parts still in flight.
    stopSiblings.abort();
    await Promise.allSettled(inFlight);
    throw error;
  }
  await Promise.all(inFlight);
  if (failure) throw signal.aborted ? signal.reason : failure.error;
  const { size } = await handle.stat();
  if (size !== source.size) throw changedWhileUploading(name);
  return { parts, sha1: whole.digest() };
}

async function commit(
  client: BoxTransferClient,
  session: UploadSession,
  parts: UploadedPart[],
  sha1: Buffer,
  signal: AbortSignal,
  target: UploadTarget,
  maxWaitSeconds: number,
): Promise<UploadResult> {
  const { name } = target;
  const headers = ifMatchHeader(target);
  const giveUpAt = Date.now() + maxWaitSeconds * 1000;
  let failures = 0;
  for (;;) {
    try {
      const result = await client.commitUploadSession(session, parts, sha1, signal, name, headers);
      if ('fileId' in result) {
        if (result.sha1 !== sha1.toString('hex'))
          throw appError('transfer_failed', 'upload_stored_differently', { name });
        return { fileId: result.fileId, etag: result.etag };
      }
      const wait = pendingWaitSeconds(result.retryAfterSeconds, Infinity);
      if (Date.now() + wait * 1000 > giveUpAt) throw appError('transfer_failed', 'upload_assembly_too_long', { name });
      await sleep(wait * 1000, undefined, { signal });
    } catch (error) {
      failures += 1;
      // With If-Match, a 412 says the file changed on Box: another try would only say it again.
      const stale = 'if-match' in headers && error instanceof BoxAnswerError && error.status === 412;
      const wait =
        !stale && worthRetrying(error, signal)
          ? retryDelaySeconds(boxRetryPolicy.uploadCommit, failures, retryAfterOf(error))
          : undefined;
      if (wait === undefined) throw error;
      await sleep(wait * 1000, undefined, { signal });
    }
  }
}
