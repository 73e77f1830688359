import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { readBoxError } from '../box-client/box-errors.ts';
import { appError } from '../errors/error-catalog.ts';
import { ifMatchHeader, type BoxTransferClient, type UploadTarget } from './box-transfer-client.ts';

export interface UploadSource {
  path: string;
  size: number;
}

export interface UploadResult {
  fileId: string;
  /** The file's etag after the upload: what the next version's `If-Match` is based on. */
  etag: string;
}

/** One way of sending a file to Box; `onBytes` hears each piece sent (negative when a try starts over). */
export type Uploader<Options = undefined> = (
  client: BoxTransferClient,
  source: UploadSource,
  target: UploadTarget,
  signal: AbortSignal,
  onBytes: (count: number) => void,
  options?: Options,
) => Promise<UploadResult>;

/** SHA-1 of a file, read as a stream (small files only: the chunked path hashes as it reads). */
export async function sha1OfFile(path: string, signal: AbortSignal): Promise<string> {
  const hash = createHash('sha1');
  for await (const chunk of createReadStream(path, { signal }) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/** Content-Disposition wants ASCII; Box takes the real name from `attributes`, so the filename is only a hint. */
function asciiFilename(name: string): string {
  return name.replace(/[^\x20-\x7e]|["\\]/g, '_');
}

/**
 * The multipart body Box expects, `attributes` strictly before `file` (Box streams the file to
 * storage and must know where it goes first), with the file streamed from disk.
 */
function multipartBody(
  boundary: string,
  source: UploadSource,
  target: UploadTarget,
  onBytes: (count: number) => void,
  signal: AbortSignal,
) {
  const attributes =
    target.kind === 'new-file' ? { name: target.name, parent: { id: target.folderId } } : { name: target.name };
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="attributes"\r\n\r\n${JSON.stringify(attributes)}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${asciiFilename(target.name)}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  async function* parts(): AsyncGenerator<Buffer> {
    yield head;
    for await (const chunk of createReadStream(source.path, {
      signal,
      highWaterMark: 256 * 1024,
    }) as AsyncIterable<Buffer>) {
      onBytes(chunk.length);
      yield chunk;
    }
    yield tail;
  }
  return { length: head.length + source.size + tail.length, parts };
}

/**
 * Uploads a file under 20 MB in one multipart request, streamed from disk. Its SHA-1 goes in
 * `content-md5` (Box's name for it) so Box refuses bytes that changed on the way.
 */
export const multipartUpload: Uploader = async (client, source, target, signal, onBytes) => {
  const sha1 = await sha1OfFile(source.path, signal);
  const boundary = `box-sso-${randomBytes(12).toString('hex')}`;
  const length = multipartBody(boundary, source, target, () => undefined, signal).length;
  let sent = 0;
  const response = await client.send(
    client.multipartUrl(target),
    {
      method: 'POST',
      signal,
      makeBody: () => {
        // A second attempt (after a 401) starts the progress over.
        if (sent > 0) onBytes(-sent);
        sent = 0;
        const body = multipartBody(
          boundary,
          source,
          target,
          (count) => {
            sent += count;
            onBytes(count);
          },
          signal,
        );
        return Readable.toWeb(Readable.from(body.parts())) as ReadableStream<Uint8Array>;
      },
      headers: {
        ...ifMatchHeader(target),
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(length),
        'content-md5': sha1,
      },
    },
    target.name,
  );
  if (!response.ok) throw await readBoxError(response, 'transfer', target.name);
  const body = (await response.json()) as { entries: { id: string; sha1: string; etag: string }[] };
  const file = body.entries[0];
  if (!file || file.sha1 !== sha1) {
    throw appError('transfer_failed', 'upload_stored_differently', { name: target.name });
  }
  return { fileId: file.id, etag: file.etag };
};
