/**
 * The renderer's CSP, sent as a header by the app:// protocol (and repeated as a meta tag in
 * index.html): only our own scripts, no inline script, no eval, no remote content.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
