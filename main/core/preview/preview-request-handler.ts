import { previewSources, type PreviewSource } from '../../../common/preview.ts';
import { BoxAnswerError } from '../box-client/box-errors.ts';
import type { PreviewService } from './preview-service.ts';

/** A preview byte request (`.../<file id>/<source>`) in, the bytes out: what both shells serve. */
export type PreviewRequestHandler = (request: Request) => Promise<Response>;

const previewPath = /\/(\d{1,32})\/([a-z]+)$/;
/** `?version=<id>` names an earlier version of the file's own bytes; Box decides whether the user may read it. */
const versionParam = /^\d{1,32}$/;
/** Only what a viewer needs passes from Box's answer: never a Box URL, cookie or header of Box's own. */
const passedHeaders = ['content-length', 'content-range', 'accept-ranges', 'retry-after'];
const passedStatuses = new Set([200, 206, 416]);

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/**
 * Serves preview bytes for the signed-in user's PreviewService (none: `401`). The path names the
 * file and where its bytes come from; `Range` goes on to Box and `206`/`Content-Range` come back,
 * so PDFs, media and large text files are read in parts. Box's refusals become plain statuses
 * without Box's body; `202` (a rendition still being made) becomes `503` with its `retry-after`.
 */
export function createPreviewRequestHandler(current: () => PreviewService | null): PreviewRequestHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Only GET');
    const url = new URL(request.url);
    const match = previewPath.exec(url.pathname);
    const fileId = match?.[1];
    const source = match?.[2] as PreviewSource | undefined;
    const versionId = url.searchParams.get('version') ?? undefined;
    if (fileId === undefined || source === undefined || !previewSources.includes(source)) {
      return plain(404, 'No such preview');
    }
    if (versionId !== undefined && (source !== 'content' || !versionParam.test(versionId))) {
      return plain(404, 'No such preview');
    }
    const service = current();
    if (!service) return plain(401, 'Sign in to see previews');
    let bytes;
    try {
      bytes = await service.bytes(fileId, source, request.headers.get('range'), request.signal, versionId);
    } catch (error) {
      // A file the user cannot read is "not found" to them, as Box says; anything else is a failed fetch.
      if (error instanceof BoxAnswerError && error.status < 500) return plain(404, 'This file cannot be previewed');
      return plain(502, 'Box could not be reached');
    }
    if (bytes.status === 202) {
      await bytes.body?.cancel();
      return new Response(null, { status: 503, headers: { 'retry-after': bytes.headers.get('retry-after') ?? '1' } });
    }
    if (!passedStatuses.has(bytes.status)) {
      await bytes.body?.cancel();
      return plain(bytes.status === 401 ? 401 : 404, 'This file cannot be previewed');
    }
    const headers = new Headers({
      'content-type': bytes.contentType,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    for (const name of passedHeaders) {
      const value = bytes.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    return new Response(request.method === 'HEAD' ? null : bytes.body, { status: bytes.status, headers });
  };
}
