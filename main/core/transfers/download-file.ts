import { randomBytes } from 'node:crypto';
import { access, link, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../../common/app-error.ts';
import type { BoxFileFacts, BoxTransferClient } from './box-transfer-client.ts';
import { BatchedFileWriter, isLocalWriteError } from './batched-file-writer.ts';
import { streamedGet } from './streamed-get.ts';
import { boxTransferErrorOf, BoxTransferError, cancelledError, isAbort, offlineError } from './transfer-errors.ts';

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
    if (sha1 !== file.sha1) {
      throw new AppError(
        'transfer_failed',
        `“${file.name}” arrived damaged (its checksum does not match Box’s). Retry the download.`,
      );
    }
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
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppError(
      'transfer_failed',
      `There is not enough free space for “${name}” in ${folder}. Free some space, then retry.`,
      { cause: error },
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError('transfer_failed', `You cannot save files in ${folder}. Choose another folder.`, {
      cause: error,
    });
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new AppError('transfer_failed', `The folder ${folder} no longer exists. Choose another folder.`, {
      cause: error,
    });
  }
  return error;
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
  const maxResumes = options.maxResumes ?? 5;
  let failures = 0;
  let attempts = 0;
  while (writer.position < file.size || attempts === 0) {
    attempts += 1;
    const startedAt = writer.position;
    try {
      const url = await client.downloadUrl(file.id, file.name, signal);
      const answer = await streamedGet(url, {
        signal,
        headers: startedAt > 0 ? { range: `bytes=${startedAt}-` } : {},
        onHead: (head) => {
          if (head.status === 206 && rangeStart(head.headers['content-range']) !== startedAt) {
            // Not the bytes asked for: appending them would corrupt the file (the checksum would only say so at the end).
            throw offlineError(file.name, new Error('the server sent another part of the file'));
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
      }).finally(() => writer.drain());
      if ('body' in answer)
        throw boxTransferErrorOf(answer.status, answer.headers, answer.body.toString('utf8'), file.name);
      if (writer.position < file.size) throw offlineError(file.name, new Error('the body ended early'));
    } catch (error) {
      if (isAbort(error, signal)) throw error;
      if (error instanceof BoxTransferError && !error.retryable) throw error;
      if (isLocalWriteError(error)) throw error;
      failures = writer.position > startedAt ? 1 : failures + 1;
      if (failures > maxResumes) throw error instanceof AppError ? error : offlineError(file.name, error);
      // Box's download servers say how long to wait when busy (429, 503); otherwise back off a little more each time.
      const busyFor = error instanceof BoxTransferError ? error.retryAfterSeconds : undefined;
      const pause =
        busyFor === undefined ? Math.min(250 * 2 ** (failures - 1), 4000) : Math.min(busyFor * 1000, 60_000);
      await sleep(pause, undefined, { signal });
    }
  }
  if (writer.position !== file.size) {
    throw new AppError('transfer_failed', `“${file.name}” arrived with the wrong size. Retry the download.`);
  }
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
    if (code === 'EEXIST') {
      throw new AppError(
        'transfer_failed',
        `A file named “${name}” appeared in the folder during the download. Retry to choose what to do.`,
      );
    }
    // Some file systems (FAT, some network shares) have no hard links: check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    if (await exists(targetPath)) {
      throw new AppError(
        'transfer_failed',
        `A file named “${name}” appeared in the folder during the download. Retry to choose what to do.`,
      );
    }
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
