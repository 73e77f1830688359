import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';

/** Box's answers to the backend are small and come in bursts of logins: keep connections for reuse. */
const maxConnectionsPerOrigin = 128;

/**
 * The connection pool for calls to Box: kept-alive connections, or, when an outbound proxy is
 * configured, undici's proxy agent. Read from `env` only (never from the process environment
 * behind its back): `HTTPS_PROXY` for https calls, `HTTP_PROXY` for http ones (and for https
 * when `HTTPS_PROXY` is unset, undici's rule), `ALL_PROXY` where the specific one is unset, and
 * `NO_PROXY`; lower-case names too.
 */
export function outboundDispatcher(env: Record<string, string | undefined> = process.env): Dispatcher {
  const setting = (name: string) => env[name] || env[name.toLowerCase()] || '';
  const allProxy = setting('ALL_PROXY');
  const httpProxy = setting('HTTP_PROXY') || allProxy;
  const httpsProxy = setting('HTTPS_PROXY') || allProxy;
  if (!httpProxy && !httpsProxy) return new Agent({ connections: maxConnectionsPerOrigin });
  // Empty strings, not undefined: undici would otherwise read the process environment itself.
  return new EnvHttpProxyAgent({
    httpProxy,
    httpsProxy,
    noProxy: setting('NO_PROXY'),
    connections: maxConnectionsPerOrigin,
  });
}
