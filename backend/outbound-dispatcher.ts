import { readFileSync } from 'node:fs';
import { getCACertificates, rootCertificates } from 'node:tls';
import { Agent, EnvHttpProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici';

/** Box's answers to the backend are small and come in bursts of logins: keep connections for reuse. */
const maxConnectionsPerOrigin = 128;

/**
 * The connection pool for calls to Box: kept-alive connections, or, when an outbound proxy is
 * configured, undici's proxy agent. Read from `env` only (never from the process environment
 * behind its back). An https call goes through `HTTPS_PROXY`, else `ALL_PROXY`, else
 * `HTTP_PROXY` (undici's fallback); an http call through `HTTP_PROXY`, else `ALL_PROXY`; hosts
 * in `NO_PROXY` are reached directly. Each name may be lower-case, which wins, as with curl.
 */
export function outboundDispatcher(env: Record<string, string | undefined> = process.env): Dispatcher {
  const setting = (name: string) => env[name.toLowerCase()] || env[name] || '';
  const tls = { ca: trustedCertificates(env.CA_BUNDLE_FILE) };
  const allProxy = setting('ALL_PROXY');
  const httpProxy = setting('HTTP_PROXY') || allProxy;
  const httpsProxy = setting('HTTPS_PROXY') || allProxy;
  if (!httpProxy && !httpsProxy) return new Agent({ connections: maxConnectionsPerOrigin, connect: tls });
  // Empty strings, not undefined: undici would otherwise read the process environment itself.
  return new EnvHttpProxyAgent({
    httpProxy,
    httpsProxy,
    noProxy: setting('NO_PROXY'),
    connections: maxConnectionsPerOrigin,
    connect: tls,
    requestTls: tls,
    proxyTls: tls,
  });
}

/**
 * `fetch` over `dispatcher`, for the backend's other outbound calls (the IdP's discovery and keys):
 * undici's own fetch, as the installed undici's dispatcher may not suit the one Node bundles.
 */
export function fetchThrough(dispatcher: Dispatcher): typeof fetch {
  return (input, init) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    }) as unknown as Promise<Response>;
}

/**
 * Node's roots, the OS store (where IT installs a TLS-inspection root) and `CA_BUNDLE_FILE`
 * (checked at start-up by config.ts): the same trust as the desktop's (main/core/network/).
 */
function trustedCertificates(caBundleFile: string | undefined): string[] {
  const extra = caBundleFile
    ? (readFileSync(caBundleFile, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [])
    : [];
  return [...new Set([...rootCertificates, ...getCACertificates('system'), ...extra])];
}
