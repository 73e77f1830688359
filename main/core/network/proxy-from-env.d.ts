// proxy-from-env 2 ships no types; this is its one function (it reads process.env itself).
declare module 'proxy-from-env' {
  /** The proxy URL HTTPS_PROXY / HTTP_PROXY / ALL_PROXY name for `url`, or '' where NO_PROXY excludes it or none is set. */
  export function getProxyForUrl(url: string | URL): string;
}
