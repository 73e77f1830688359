import { net, protocol } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from './content-security-policy.ts';
import { previewSchemePrivileges } from './preview-protocol.ts';

/**
 * The renderer is served from app://bundle instead of file://, so that it has a real origin
 * that IPC sender validation can check, and a CSP header on every response.
 */
export const appScheme = 'app';
export const appOrigin = `${appScheme}://bundle`;

/** Must run before the app is ready. */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    previewSchemePrivileges,
  ]);
}

export function serveRendererFromAppScheme(rendererDirectory: string): void {
  const root = normalize(rendererDirectory + sep);
  protocol.handle(appScheme, async (request) => {
    const { host, pathname } = new URL(request.url);
    const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const file = normalize(join(root, relative));
    if (host !== 'bundle' || !file.startsWith(root)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
