import { protocol } from 'electron';
import type { PreviewRequestHandler } from '../core/preview/preview-request-handler.ts';

/**
 * Preview bytes reach the page as `box-preview://file/<file id>/<source>`, served by the core's
 * preview handler (main fetches them from Box with the user's token; the page never sees it).
 */
export const previewScheme = 'box-preview';
export const previewUrlBase = `${previewScheme}://file/`;

/** Privileges for registerSchemesAsPrivileged: fetch (pdf.js), streamed media with Range, CORS for our page. */
export const previewSchemePrivileges = {
  scheme: previewScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true },
};

/** The page's origin is another scheme (app://bundle), so only it is allowed to read the answers. */
export function servePreviews(handler: PreviewRequestHandler, pageOrigin: string): void {
  protocol.handle(previewScheme, async (request) => {
    const response = await handler(request);
    const headers = new Headers(response.headers);
    headers.set('access-control-allow-origin', pageOrigin);
    headers.set('access-control-expose-headers', 'content-length, content-range, accept-ranges');
    return new Response(response.body, { status: response.status, headers });
  });
}
