import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { createAgent } from 'box-node-sdk/internal';

/**
 * The HTTP agent for calls to Box. By default keep-alive agents, so logins reuse
 * connections instead of opening one per call. When an outbound proxy is configured
 * through the usual variables, the SDK's proxy-aware agent is used instead (it is
 * slower: it inspects the environment and a stack trace on every request).
 */
export function outboundAgent(env: Record<string, string | undefined> = process.env): unknown {
  const proxied = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'].some(
    (name) => (env[name] ?? '') !== '',
  );
  if (proxied) return createAgent(undefined, undefined);
  const http = new HttpAgent({ keepAlive: true, maxSockets: 128 });
  const https = new HttpsAgent({ keepAlive: true, maxSockets: 128 });
  // node-fetch (inside the SDK) accepts a function choosing the agent per URL.
  return (url: URL) => (url.protocol === 'http:' ? http : https);
}
