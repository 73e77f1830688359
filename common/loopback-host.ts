/**
 * Loopback hosts as WHATWG URL spells them (127.0.0.0/8, `[::1]`, `localhost`): the only hosts
 * where plain http is acceptable, because nothing crosses a network (RFC 8252 §8.3). Used by
 * the desktop's configuration, its external-URL door and sign-in guard, and the backend.
 */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** https anywhere, or http on a loopback host: where the app may send a request that matters. */
export function isSecureOrLoopbackUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}
