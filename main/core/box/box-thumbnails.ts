import type { Readable } from 'node:stream';
import { FetchOptions } from 'box-node-sdk/networking';
import { setTimeout as sleep } from 'node:timers/promises';
import { retryAfterSeconds } from '../../../common/retry-after.ts';
import type { BoxConnection } from '../box-client/box-connection.ts';
import { boxRetryPolicy, pendingWaitSeconds } from '../box-client/retry-policy.ts';

export interface ThumbnailOptions {
  /** Box draws thumbnails on demand and answers `202` + `retry-after` until one is ready. */
  maxPendingWaits: number;
  maxWaitSeconds: number;
  /** A thumbnail is small; anything larger is not worth holding in memory. */
  maxBytes: number;
  size: number;
}

const defaults: ThumbnailOptions = {
  maxPendingWaits: boxRetryPolicy.pending.thumbnailWaits,
  maxWaitSeconds: boxRetryPolicy.pending.thumbnailMaxWaitSeconds,
  maxBytes: 256 * 1024,
  // Sharp at the grid view's 96 px tiles and the list's icons on high-DPI screens (a Box png size).
  size: 128,
};

/** Which picture stands for a file: Box's thumbnail of an image, or the first page of a document drawn as a JPEG. */
export type ThumbnailOf = 'image' | 'document';

/**
 * The representation documents' thumbnails come from: Box's thumbnail endpoint draws images and
 * videos only, while PDFs, office files and presentations get their first page as a `jpg`
 * representation (Box's own web app does the same). 160×160 is one of the sizes Box renders.
 */
export const documentThumbnailHints = '[jpg?dimensions=160x160]';

/**
 * A file's thumbnail as a data: URL, or null when Box has none. Images: `thumbnail.png`. Documents:
 * the `jpg` representation's content, read only once Box says it is not `error`/`none`.
 */
export async function readThumbnail(
  connection: BoxConnection,
  fileId: string,
  overrides: Partial<ThumbnailOptions> = {},
  of: ThumbnailOf = 'image',
): Promise<string | null> {
  const options = { ...defaults, ...overrides };
  if (of === 'image') {
    const url = `${connection.networkSession.baseUrls.baseUrl}/2.0/files/${encodeURIComponent(fileId)}/thumbnail.png`;
    const params = { min_width: String(options.size), min_height: String(options.size) };
    return readPicture(connection, { url, params, type: 'image/png', ownPath: `/files/${fileId}/thumbnail` }, options);
  }
  const file = await connection.client.files.getFileById(fileId, {
    queryParams: { fields: ['representations'] },
    headers: { xRepHints: documentThumbnailHints },
  });
  const entry = file.representations?.entries?.find((candidate) => candidate.representation === 'jpg');
  const state = entry?.status?.state;
  const url = entry?.content?.urlTemplate?.replace('{+asset_path}', '');
  if (url === undefined || state === 'error' || state === 'none') return null;
  return readPicture(connection, { url, params: {}, type: 'image/jpeg' }, options);
}

/**
 * Reads a picture through the SDK's network client rather than `files.getFileThumbnailById`:
 * that method turns Box's `202 Accepted` into `undefined` and drops the `retry-after` header,
 * so a thumbnail still being drawn could never be waited for (a representation still `pending`
 * answers the same way). Here the status and headers are visible, while auth, base URLs and
 * retries stay the Box client's (the SDK session's).
 */
async function readPicture(
  connection: BoxConnection,
  picture: { url: string; params: Record<string, string>; type: string; ownPath?: string },
  options: ThumbnailOptions,
): Promise<string | null> {
  const { networkSession, auth } = connection;
  for (let attempt = 0; ; attempt += 1) {
    const response = await networkSession.networkClient.fetch(
      new FetchOptions({
        url: picture.url,
        method: 'GET',
        params: picture.params,
        responseFormat: 'binary',
        auth,
        networkSession,
      }),
    );
    if (response.status === 202) {
      response.content?.destroy();
      if (attempt >= options.maxPendingWaits) return null;
      await sleep(pendingWaitSeconds(retryAfterSeconds(response.headers), options.maxWaitSeconds) * 1000);
      continue;
    }
    if (response.status !== 200 || !response.content) return null;
    // For a file Box cannot draw, it redirects to a generic icon, which the SDK follows; the
    // renderer shows its own type icons, so that image is not worth the memory.
    if (
      picture.ownPath !== undefined &&
      response.url !== undefined &&
      !new URL(response.url).pathname.includes(picture.ownPath)
    ) {
      response.content.destroy();
      return null;
    }
    const bytes = await readBounded(response.content, options.maxBytes);
    return bytes === null ? null : `data:${picture.type};base64,${bytes.toString('base64')}`;
  }
}

async function readBounded(stream: Readable, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    total += buffer.length;
    if (total > maxBytes) {
      stream.destroy();
      return null;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
