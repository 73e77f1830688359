import { randomBytes } from 'node:crypto';
import { access, link, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../../common/app-error.ts';
import { isFinalNetworkFailure } from '../network/network-errors.ts';
import { boxAnswerError, BoxAnswerError, connectionLost, parseBody } from '../box-client/box-errors.ts';
import { boxRetryPolicy, retryDelaySeconds } from '../box-client/retry-policy.ts';
import { appError } from '../errors/error-catalog.ts';
import type { BoxFileFacts, BoxTransferClient } from './box-transfer-client.ts';
import { BatchedFileWriter, isLocalWriteError } from './batched-file-writer.ts';
import { cancelledError, isAbort } from './transfer-errors.ts';

export interface DownloadOptions {
  client: BoxTransferClient;
  file: BoxFileFacts;
  targetPath: string;
  /** The user chose to overwrite an existing file at the target. */
  replaceExisting: boolean;
  signal: AbortSignal;
  /** Called with the bytes received (negative when a resume had to start over). */
  onBytes: (count: number) => void;
  /** Resumes after dropped connections before giving up (a resume that makes progress resets the count). */
  maxResumes?: number;
}

/** The temporary file lives beside the target (same file system, so the final rename is atomic) and is hidden. */
export function temporaryPathFor(targetPath: string): string {
  const name = basename(targetPath);
  const suffix = `${randomBytes(4).toString('hex')}.boxdownload`;
  // File names are limited to 255 bytes: a long name keeps only the suffix, which is still recognisable.
  const hidden = Buffer.byteLength(name) > 200 ? `.${suffix}` : `.${name}.${suffix}`;
  return join(dirname(targetPath), hidden);
}

/**
 * Downloads one Box file into a temporary file beside the target, resuming with `Range` after a
 * dropped connection, checks its size and SHA-1 against Box's, and only then moves it into place.
 * On any failure or cancel the temporary file is removed, so the target is never partial.
 */
export async function downloadFile(options: DownloadOptions): Promise<void> {
  const { file, signal } = options;
  const temporaryPath = temporaryPathFor(options.targetPath);
  let handle: FileHandle;
  try {
    handle = await open(temporaryPath, 'wx');
  } catch (error) {
    throw localWriteError(error, options.targetPath);
  }
  let closed = false;
  try {
    const sha1 = await receiveBytes(options, handle);
    await handle.close();
    closed = true;
    if (sha1 !== file.sha1) throw appError('transfer_failed', 'download_damaged', { name: file.name });
    await moveIntoPlace(temporaryPath, options.targetPath, options.replaceExisting, file.name);
  } catch (error) {
    if (!closed) await handle.close().catch(() => undefined);
    await rm(temporaryPath, { force: true });
    if (isAbort(error, signal)) throw cancelledError(file.name);
    throw localWriteError(error, options.targetPath);
  }
}

/** Errors of the local disk, said in words; anything else passes through. */
function localWriteError(error: unknown, targetPath: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const folder = dirname(targetPath);
  const name = basename(targetPath);
  const wording =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'local_disk_full'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'local_folder_not_writable'
        : code === 'ENOENT' || code === 'ENOTDIR'
          ? 'local_folder_missing'
          : undefined;
  return wording === undefined ? error : appError('transfer_failed', wording, { name, folder }, { cause: error });
}

/** Streams the file into `handle`, resuming where it stopped; returns the SHA-1 (hex) of what was written. */
async function receiveBytes(options: DownloadOptions, handle: FileHandle): Promise<string> {
  const writer = new BatchedFileWriter(handle, options.file.size);
  try {
    return await receiveInto(writer, options);
  } finally {
    await writer.close();
  }
}

/** The attempts: the first request, then resumes; returns the SHA-1 (hex) of what was written. */
async function receiveInto(writer: BatchedFileWriter, options: DownloadOptions): Promise<string> {
  const { client, file, signal } = options;
  const limits = boxRetryPolicy.downloadResumes;
  const maxResumes = options.maxResumes ?? limits.maxAttempts - 1;
  let failures = 0;
  let attempts = 0;
  while (writer.position < file.size || attempts === 0) {
    attempts += 1;
    const startedAt = writer.position;
    try {
      const url = await client.downloadUrl(file.id, file.name, signal, file.versionId);
      const answer = await client
        .streamedGet(url, {
          signal,
          headers: startedAt > 0 ? { range: `bytes=${startedAt}-` } : {},
          onHead: (head) => {
            if (head.status === 206 && rangeStart(head.headers['content-range']) !== startedAt) {
              // Not the bytes asked for: appending them would corrupt the file (the checksum would only say so at the end).
              throw connectionLost('transfer', file.name, new Error('the server sent another part of the file'));
            }
            if (startedAt > 0 && head.status !== 206) {
              // The server ignored Range: start over rather than append the file to itself.
              options.onBytes(-startedAt);
              writer.restart();
            }
          },
          onBody: (bytes) => {
            options.onBytes(bytes.length);
            return writer.append(bytes);
          },
        })
        .finally(() => writer.drain());
      if ('body' in answer) {
        const body = parseBody(answer.body.toString('utf8'));
        throw boxAnswerError({ status: answer.status, headers: answer.headers, body }, 'transfer', file.name);
      }
      if (writer.position < file.size) throw connectionLost('transfer', file.name, new Error('the body ended early'));
    } catch (error) {
      if (isAbort(error, signal)) throw error;
      if (error instanceof BoxAnswerError && !error.retryable) throw error;
      if (isLocalWriteError(error)) throw error;
      if (isFinalNetworkFailure(error)) throw connectionLost('transfer', file.name, error);
      failures = writer.position > startedAt ? 1 : failures + 1;
      if (failures > maxResumes) throw error instanceof AppError ? error : connectionLost('transfer', file.name, error);
      // Box's download servers say how long to wait when busy (429, 503); otherwise back off a little more each time.
      const busyFor = error instanceof BoxAnswerError ? error.retryAfterSeconds : undefined;
      const pause = retryDelaySeconds({ ...limits, maxAttempts: maxResumes + 1 }, failures, busyFor) ?? 0;
      await sleep(pause * 1000, undefined, { signal });
    }
  }
  if (writer.position !== file.size) throw appError('transfer_failed', 'download_wrong_size', { name: file.name });
  return await writer.digest();
}

/** The first byte of a `206` answer, from `content-range: bytes <first>-<last>/<size>`. */
function rangeStart(contentRange: string | undefined): number | undefined {
  const match = /^bytes (\d+)-\d+\/(?:\d+|\*)$/.exec(contentRange?.trim() ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * Puts the verified file at the target. Without the user's "replace", a hard link is used: it
 * fails if a file appeared at the target meanwhile, where a rename would silently overwrite it.
 */
async function moveIntoPlace(
  temporaryPath: string,
  targetPath: string,
  replaceExisting: boolean,
  name: string,
): Promise<void> {
  if (replaceExisting) {
    await rename(temporaryPath, targetPath);
    return;
  }
  try {
    await link(temporaryPath, targetPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw appError('transfer_failed', 'local_name_appeared', { name });
    // Some file systems (FAT, some network shares) have no hard links: check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    if (await exists(targetPath)) throw appError('transfer_failed', 'local_name_appeared', { name });
    await rename(temporaryPath, targetPath);
    return;
  }
  // The file is in place; a hidden temporary name left behind is not worth failing the download for.
  await rm(temporaryPath, { force: true }).catch(() => undefined);
}

export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
