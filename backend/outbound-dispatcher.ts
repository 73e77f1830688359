import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';

/** Box's answers to the backend are small and come in bursts of logins: keep connections for reuse. */
const maxConnectionsPerOrigin = 128;

/**
 * The connection pool for calls to Box: kept-alive connections, or, when an outbound proxy is
 * configured through the usual variables (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`), undici's
 * proxy agent that reads them.
 */
export function outboundDispatcher(env: Record<string, string | undefined> = process.env): Dispatcher {
  const setting = (name: string) => env[name] || env[name.toLowerCase()] || undefined;
  const httpProxy = setting('HTTP_PROXY');
  const httpsProxy = setting('HTTPS_PROXY');
  if (!httpProxy && !httpsProxy) return new Agent({ connections: maxConnectionsPerOrigin });
  return new EnvHttpProxyAgent({
    httpProxy,
    httpsProxy,
    noProxy: setting('NO_PROXY'),
    connections: maxConnectionsPerOrigin,
  });
}
