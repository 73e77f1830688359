/**
 * The renderer's CSP, sent as a header by the app:// protocol (and repeated as a meta tag in
 * index.html): only our own scripts, no inline script, no eval, no remote content. Previews add
 * only the app's own preview scheme (box-preview:, see preview-protocol.ts; the browser shell
 * serves previews on its own origin) for images, media and fetch, and pdf.js's worker from our bundle.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: box-preview:",
  "media-src 'self' box-preview:",
  "font-src 'self'",
  "connect-src 'self' box-preview:",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
