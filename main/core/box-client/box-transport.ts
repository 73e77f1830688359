import type { Agent } from 'node:http';
import { connect as connectTcp, isIP, type OnReadOpts, type Socket } from 'node:net';
import { connect as connectTls, type ConnectionOptions } from 'node:tls';

/** What a raw connection for the fast byte path needs: where to, how to read, extra TLS trust. */
export interface RawConnectionRequest {
  url: URL;
  /** Reads into one reused buffer (see streamed-get.ts). */
  onread: OnReadOpts;
  /** Extra TLS settings (tests trust their own certificate authority here). */
  tls?: Pick<ConnectionOptions, 'ca'> | undefined;
}

/**
 * How the desktop reaches Box: the one place that makes connections, for every Box call the
 * desktop makes (the file browser's SDK calls, transfers' fetch calls, the download byte path).
 * A corporate network's proxy or certificate authority is added here, and nowhere else.
 */
export interface BoxTransport {
  /** The agent box-node-sdk's calls (node-fetch) go through; undefined keeps the SDK's own. */
  readonly sdkAgent: Agent | undefined;
  /** fetch for the calls transfers make (JSON, uploads, the download URL). */
  readonly fetch: typeof fetch;
  /** One connection of its own for a download URL's bytes: TCP for http:, TLS for https:. */
  connect(request: RawConnectionRequest): Socket;
}

function connectDirectly({ url, onread, tls }: RawConnectionRequest): Socket {
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (url.protocol !== 'https:') return connectTcp({ host, port, onread });
  // tls.connect takes `onread` too (Node ≥ 15); @types/node lists it only for net.
  return connectTls({
    host,
    port,
    ...(isIP(host) ? {} : { servername: host }),
    ALPNProtocols: ['http/1.1'],
    ...tls,
    onread,
  } as ConnectionOptions);
}

/** Straight to Box, with the system's trust store: what the desktop uses today. */
export const directTransport: BoxTransport = {
  sdkAgent: undefined,
  fetch: (input, init) => fetch(input, init),
  connect: connectDirectly,
};
