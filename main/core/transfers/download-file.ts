import { createHash, randomBytes } from 'node:crypto';
import { access, link, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../../common/app-error.ts';
import type { BoxFileFacts, BoxTransferClient } from './box-transfer-client.ts';
import { boxTransferErrorFrom, BoxTransferError, cancelledError, isAbort, offlineError } from './transfer-errors.ts';

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

/** Writes are gathered to this size (fewer syscalls than one per network chunk), in rotating buffers. */
const WRITE_BATCH = 1024 * 1024;
const WRITE_BUFFERS = 4;

/** The temporary file lives beside the target (same file system, so the final rename is atomic) and is hidden. */
export function temporaryPathFor(targetPath: string): string {
  return join(dirname(targetPath), `.${basename(targetPath)}.${randomBytes(4).toString('hex')}.boxdownload`);
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
  const { client, file, signal } = options;
  const maxResumes = options.maxResumes ?? 5;
  let hash = createHash('sha1');
  const cursor = { position: 0 };
  let failures = 0;
  let attempts = 0;
  while (cursor.position < file.size || attempts === 0) {
    attempts += 1;
    const startedAt = cursor.position;
    try {
      const url = await client.downloadUrl(file.id, file.name, signal);
      const response = await fetch(url, { signal, headers: startedAt > 0 ? { range: `bytes=${startedAt}-` } : {} });
      if (!response.ok) throw await boxTransferErrorFrom(response, file.name);
      if (startedAt > 0 && response.status !== 206) {
        // The server ignored Range: start over rather than append the file to itself.
        options.onBytes(-startedAt);
        cursor.position = 0;
        hash = createHash('sha1');
        await handle.truncate(0);
      }
      await appendBody(response, handle, cursor, hash, options.onBytes);
      if (cursor.position < file.size) throw offlineError(file.name, new Error('the body ended early'));
    } catch (error) {
      if (isAbort(error, signal)) throw error;
      if (error instanceof BoxTransferError && !error.retryable) throw error;
      failures = cursor.position > startedAt ? 1 : failures + 1;
      if (failures > maxResumes) throw error instanceof AppError ? error : offlineError(file.name, error);
      await sleep(Math.min(250 * 2 ** (failures - 1), 4000), undefined, { signal });
    }
  }
  if (cursor.position !== file.size) {
    throw new AppError('transfer_failed', `“${file.name}” arrived with the wrong size. Retry the download.`);
  }
  return hash.digest('hex');
}

/**
 * Appends the response body at `cursor.position`, hashing in order. Network chunks are gathered
 * into a few reused buffers that are written while the next one fills, so receiving never waits
 * for the disk (and no garbage is made per batch). The cursor counts what was handed to the
 * disk; every write is awaited before returning, so after a dropped connection it says exactly
 * where to resume.
 */
async function appendBody(
  response: Response,
  handle: FileHandle,
  cursor: { position: number },
  hash: ReturnType<typeof createHash>,
  onBytes: (count: number) => void,
): Promise<void> {
  const buffers = Array.from({ length: WRITE_BUFFERS }, () => Buffer.allocUnsafe(WRITE_BATCH));
  const writes: Promise<unknown>[] = Array.from({ length: WRITE_BUFFERS }, () => Promise.resolve());
  let current = 0;
  let filled = 0;
  const flush = async (): Promise<void> => {
    if (filled === 0) return;
    const bytes = buffers[current]!.subarray(0, filled);
    hash.update(bytes);
    const write = handle.write(bytes, 0, bytes.length, cursor.position);
    // Marked handled now; the failure still surfaces where the write is awaited below.
    write.catch(() => undefined);
    writes[current] = write;
    cursor.position += bytes.length;
    filled = 0;
    current = (current + 1) % WRITE_BUFFERS;
    // The next buffer may still be on its way to the disk.
    await writes[current];
  };
  try {
    if (!response.body) return;
    for await (const chunk of response.body) {
      onBytes(chunk.byteLength);
      for (let offset = 0; offset < chunk.byteLength;) {
        const copied = Math.min(chunk.byteLength - offset, WRITE_BATCH - filled);
        buffers[current]!.set(chunk.subarray(offset, offset + copied), filled);
        filled += copied;
        offset += copied;
        if (filled === WRITE_BATCH) await flush();
      }
    }
  } finally {
    // What arrived before a dropped connection is good data: keep it so the resume starts after it.
    await flush();
    await Promise.all(writes);
  }
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
  await rm(temporaryPath, { force: true });
}

export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
