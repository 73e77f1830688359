import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../common/app-error.ts';
import { appError } from '../errors/error-catalog.ts';
import { chunkedUpload, type ChunkedUploadOptions } from './chunked-upload.ts';
import { multipartUpload, type Uploader, type UploadSource } from './multipart-upload.ts';
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
    if (!facts.isFile()) throw appError('file_unreadable', 'not_a_file', { name });
    size = facts.size;
    await access(path, constants.R_OK);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const wording =
      code === 'ENOENT' ? 'missing' : code === 'EACCES' || code === 'EPERM' ? 'not_permitted' : 'cannot_read';
    throw appError('file_unreadable', wording, { name }, { cause: error });
  }
  return { path, size };
}

/** Sends a file to Box the one way its size allows. */
export const uploadFile: Uploader<ChunkedUploadOptions> = async (...upload) => {
  const [client, source, target, signal, onBytes] = upload;
  try {
    return source.size >= chunkedUploadThreshold
      ? await chunkedUpload(...upload)
      : await multipartUpload(client, source, target, signal, onBytes);
  } catch (error) {
    if (isAbort(error, signal)) throw cancelledError(target.name);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'ENOENT') {
      throw appError('file_unreadable', 'read_failed', { name: target.name }, { cause: error });
    }
    throw error;
  }
};
