import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { PreviewRequestHandler } from '../core/preview/preview-request-handler.ts';

/**
 * The browser shell's side of preview bytes: Node's request becomes a fetch Request for the
 * core's handler and its Response is streamed back. Only our own page may read them — Chromium's
 * `Sec-Fetch-Site` says whether the request came from our origin, as Electron's scheme is only
 * reachable from our window.
 */
export async function servePreview(
  handler: PreviewRequestHandler,
  request: IncomingMessage,
  response: ServerResponse,
  origin: string,
): Promise<void> {
  if (request.headers['sec-fetch-site'] !== 'same-origin') {
    response.writeHead(403, { 'content-type': 'text/plain' }).end('Previews are for the app page only');
    return;
  }
  const aborted = new AbortController();
  response.on('close', () => aborted.abort());
  const range = request.headers.range;
  const answer = await handler(
    new Request(new URL(request.url ?? '/', origin), {
      method: request.method ?? 'GET',
      headers: range === undefined ? {} : { range },
      signal: aborted.signal,
    }),
  );
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  if (!answer.body) {
    response.end();
    return;
  }
  await pipeline(Readable.fromWeb(answer.body as NodeReadableStream), response).catch(() => {
    // The page stopped reading (a viewer closed, pdf.js cancelled a range): nothing to report.
  });
}
