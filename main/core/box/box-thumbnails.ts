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
  size: 64,
};

/**
 * Reads a thumbnail through the SDK's network client rather than `files.getFileThumbnailById`:
 * that method turns Box's `202 Accepted` into `undefined` and drops the `retry-after` header,
 * so a thumbnail still being drawn could never be waited for. Here the status and headers are
 * visible, while auth, base URLs and retries stay the Box client's (the SDK session's).
 */
export async function readThumbnail(
  connection: BoxConnection,
  fileId: string,
  overrides: Partial<ThumbnailOptions> = {},
): Promise<string | null> {
  const options = { ...defaults, ...overrides };
  const { networkSession, auth } = connection;
  for (let attempt = 0; ; attempt += 1) {
    const response = await networkSession.networkClient.fetch(
      new FetchOptions({
        url: `${networkSession.baseUrls.baseUrl}/2.0/files/${encodeURIComponent(fileId)}/thumbnail.png`,
        method: 'GET',
        params: { min_width: String(options.size), min_height: String(options.size) },
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
    if (response.url !== undefined && !new URL(response.url).pathname.includes(`/files/${fileId}/thumbnail`)) {
      response.content.destroy();
      return null;
    }
    const bytes = await readBounded(response.content, options.maxBytes);
    return bytes === null ? null : `data:image/png;base64,${bytes.toString('base64')}`;
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
