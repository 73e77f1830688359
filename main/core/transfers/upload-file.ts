import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../common/app-error.ts';
import type { BoxTransferClient, UploadTarget } from './box-transfer-client.ts';
import { chunkedUpload, type ChunkedUploadOptions } from './chunked-upload.ts';
import { multipartUpload, type UploadResult, type UploadSource } from './multipart-upload.ts';
import { cancelledError, isAbort } from './transfer-errors.ts';

/** Box opens upload sessions only from 20 MB; below that a multipart request is the only way. */
export const chunkedUploadThreshold = 20_000_000;

/**
 * Checks that a picked or dropped path is a regular file this user can read, before anything is
 * sent, so the error names the file and the reason instead of failing half-way.
 */
export async function inspectUploadSource(path: string): Promise<UploadSource> {
  const name = basename(path);
  let size: number;
  try {
    const facts = await stat(path);
    if (!facts.isFile())
      throw new AppError(
        'file_unreadable',
        `“${name}” is not a file, so it cannot be uploaded. Upload the files inside it instead.`,
      );
    size = facts.size;
    await access(path, constants.R_OK);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'it no longer exists'
        : code === 'EACCES' || code === 'EPERM'
          ? 'you do not have permission to read it'
          : 'it cannot be read';
    throw new AppError('file_unreadable', `“${name}” cannot be uploaded because ${reason}.`, { cause: error });
  }
  return { path, size };
}

export async function uploadFile(
  client: BoxTransferClient,
  source: UploadSource,
  target: UploadTarget,
  signal: AbortSignal,
  onBytes: (count: number) => void,
  options: ChunkedUploadOptions = {},
): Promise<UploadResult> {
  try {
    return source.size >= chunkedUploadThreshold
      ? await chunkedUpload(client, source, target, signal, onBytes, options)
      : await multipartUpload(client, source, target, signal, onBytes);
  } catch (error) {
    if (isAbort(error, signal)) throw cancelledError(target.name);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'ENOENT') {
      throw new AppError(
        'file_unreadable',
        `“${target.name}” could not be read while uploading. Check the file, then retry.`,
        { cause: error },
      );
    }
    throw error;
  }
}
