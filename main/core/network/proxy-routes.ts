/** One way to reach a server: straight, or through a proxy of some kind. */
export type ProxyRoute = { kind: 'direct' } | ProxyHop;

/** A proxy: `PROXY h:p` (HTTP CONNECT over plain TCP), `HTTPS h:p` (CONNECT over TLS to the proxy) or `SOCKS5 h:p`. */
export interface ProxyHop {
  kind: 'http' | 'https' | 'socks5';
  host: string;
  port: number;
}

const defaultPorts = { http: 80, https: 443, socks5: 1080 } as const;

/**
 * A PAC answer (`PROXY a:8080; HTTPS b:443; SOCKS5 c:1080; DIRECT`, as Chromium's
 * `session.resolveProxy` and `FindProxyForURL` give it) as routes in the order to try them.
 * Entries of a kind we cannot use (SOCKS4, QUIC) are skipped; an answer with none left means
 * DIRECT, as browsers do for an empty answer.
 */
export function parseProxyAnswer(answer: string): ProxyRoute[] {
  const routes: ProxyRoute[] = [];
  for (const entry of answer.split(';')) {
    const [keyword = '', address] = entry.trim().split(/\s+/);
    const kind = kindOf(keyword.toUpperCase());
    if (kind === 'direct') routes.push({ kind });
    else if (kind !== undefined && address !== undefined) {
      const route = routeTo(kind, address);
      if (route) routes.push(route);
    }
  }
  return routes.length > 0 ? routes : [{ kind: 'direct' }];
}

function kindOf(keyword: string): ProxyRoute['kind'] | undefined {
  if (keyword === 'DIRECT') return 'direct';
  if (keyword === 'PROXY' || keyword === 'HTTP') return 'http';
  if (keyword === 'HTTPS') return 'https';
  if (keyword === 'SOCKS' || keyword === 'SOCKS5') return 'socks5';
  return undefined;
}

function routeTo(kind: 'http' | 'https' | 'socks5', address: string): ProxyRoute | undefined {
  try {
    const url = new URL(`${kind}://${address}`);
    return { kind, host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port) || defaultPorts[kind] };
  } catch {
    return undefined;
  }
}

/** A proxy URL from policy or the environment (`http://h:p`, `https://h:p`, `socks5://h:p`) as a PAC answer. */
export function proxyUrlAsAnswer(proxyUrl: string): string {
  const url = new URL(proxyUrl);
  const keyword = { 'http:': 'PROXY', 'https:': 'HTTPS', 'socks5:': 'SOCKS5', 'socks:': 'SOCKS5' }[url.protocol];
  if (keyword === undefined) throw new Error(`a proxy URL must be http:, https: or socks5: (got ${url.protocol})`);
  return `${keyword} ${url.host}`;
}

/** How a route reads in logs, messages and diagnostics: never with credentials (routes carry none). */
export function describeRoute(route: ProxyRoute): string {
  if (route.kind === 'direct') return 'DIRECT';
  const host = route.host.includes(':') ? `[${route.host}]` : route.host;
  return `${{ http: 'PROXY', https: 'HTTPS', socks5: 'SOCKS5' }[route.kind]} ${host}:${route.port}`;
}

/** The key one proxy's credentials and state are kept under. */
export function proxyKey(route: ProxyHop): string {
  return `${route.kind}://${route.host.includes(':') ? `[${route.host}]` : route.host}:${route.port}`;
}
